import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Whether a cursor sits on a range. The end is inclusive because an editor cursor placed right after a
 * word (`--from=build|`) is still "on" it for navigation.
 */
export function touches(range: Range, position: Position): boolean {
  return !isBefore(position, range.start) && !isBefore(range.end, position);
}

/** Whether the cursor is on one of the lines a range spans, wherever on the line. */
export function onLinesOf(range: Range, position: Position): boolean {
  return position.line >= range.start.line && position.line <= range.end.line;
}

export function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Orders ranges by start position, for stable results whatever order they were collected in. */
export function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}
