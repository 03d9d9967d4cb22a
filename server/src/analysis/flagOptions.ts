import type { Flag } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';

/** One `key=value` option of a flag such as `--mount=type=cache,from=build,target=/x`. */
export interface FlagOptionSpan {
  readonly name: string;
  readonly value: string;
  /** Where the value stands in the document, across line continuations. */
  readonly valueRange: Range;
}

/**
 * The options of a flag with their document ranges. dockerfile-ast reports option ranges as if the flag
 * value had no line continuation in it, so an option after `\` + newline comes out shifted; this walks the
 * document text instead, skipping continuations and the comment and blank lines BuildKit drops inside
 * them. Returns [] when the text does not match the flag's value, rather than guess a range.
 */
export function flagOptionSpans(flag: Flag, lines: readonly string[], escapeChar: string): FlagOptionSpan[] {
  const value = flag.getValue();
  const range = flag.getValueRange();
  if (value === null || !range) {
    return [];
  }
  const positions = logicalPositions(value, range.start, lines, escapeChar);
  if (!positions) {
    return [];
  }
  const spans: FlagOptionSpan[] = [];
  let offset = 0;
  for (const part of value.split(',')) {
    const equals = part.indexOf('=');
    if (equals > 0) {
      const start = offset + equals + 1;
      const end = offset + part.length;
      const endPosition =
        end > start
          ? { line: positions[end - 1].line, character: positions[end - 1].character + 1 }
          : (positions[start] ?? positions[end - 1]);
      spans.push({
        name: part.slice(0, equals),
        value: part.slice(equals + 1),
        valueRange: { start: positions[start] ?? endPosition, end: endPosition },
      });
    }
    offset += part.length + 1;
  }
  return spans;
}

/** The document position of each character of `value`, or undefined when the text disagrees with it. */
function logicalPositions(
  value: string,
  start: Position,
  lines: readonly string[],
  escapeChar: string,
): Position[] | undefined {
  const positions: Position[] = [];
  let line = start.line;
  let character = start.character;
  while (positions.length < value.length) {
    const text = lines[line];
    if (text === undefined) {
      return undefined;
    }
    if (text[character] === escapeChar && text.slice(character + 1).trim() === '') {
      // A line continuation: the value goes on at the start of the next line that is not blank or a comment.
      line++;
      while (line < lines.length && (lines[line].trim() === '' || lines[line].trimStart().startsWith('#'))) {
        line++;
      }
      character = 0;
      continue;
    }
    if (text[character] !== value[positions.length]) {
      return undefined;
    }
    positions.push({ line, character });
    character++;
  }
  return positions;
}
