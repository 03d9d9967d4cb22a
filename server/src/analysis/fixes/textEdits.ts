import type { Position, Range } from 'vscode-languageserver-types';
import type { TextEdit } from './fix';

/** The line ending the document already uses (its first one), so inserted lines match it; LF when none. */
export function lineEndingOf(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? match[0] : '\n';
}

/** Offsets of the start of every line, with CR, LF and CRLF all ending a line as in LSP. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) {
        i++;
      }
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The offset of a position, clamped to the document the way LSP clients clamp positions. */
export function offsetAt(
  text: string,
  position: Position,
  starts: readonly number[] = lineStarts(text),
): number {
  if (position.line >= starts.length) {
    return text.length;
  }
  if (position.line < 0) {
    return 0;
  }
  const start = starts[position.line];
  const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  // A character past the end of the line stops before the line break, never inside it.
  let end = next;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) {
    end--;
  }
  return Math.min(start + Math.max(0, position.character), end);
}

/** The position of an offset. */
export function positionAt(
  text: string,
  offset: number,
  starts: readonly number[] = lineStarts(text),
): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle] <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return { line: low, character: offset - starts[low] };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** True when the two ranges share more than a boundary point (two inserts at one point also overlap). */
export function rangesOverlap(a: Range, b: Range): boolean {
  if (comparePositions(a.end, b.start) < 0 || comparePositions(b.end, a.start) < 0) {
    return false;
  }
  if (comparePositions(a.end, b.start) === 0) {
    return isEmpty(a) && isEmpty(b);
  }
  if (comparePositions(b.end, a.start) === 0) {
    return isEmpty(a) && isEmpty(b);
  }
  return true;
}

function isEmpty(range: Range): boolean {
  return comparePositions(range.start, range.end) === 0;
}

/**
 * Applies edits whose ranges do not overlap, as an LSP client applies a WorkspaceEdit: every range refers
 * to the original text. Used by fix-all and by tests.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const located = edits
    .map((edit, order) => ({
      start: offsetAt(text, edit.range.start, starts),
      end: offsetAt(text, edit.range.end, starts),
      newText: edit.newText,
      order,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const edit of located) {
    const start = Math.max(edit.start, cursor);
    result += text.slice(cursor, start) + edit.newText;
    cursor = Math.max(cursor, edit.end);
  }
  return result + text.slice(cursor);
}

/**
 * The edits that turn `before` into `after`: one per changed line when the line count is the same,
 * otherwise one edit over the changed middle. Fix-all reports its result this way so that the editor
 * only touches what changed.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) {
    return [];
  }
  const beforeStarts = lineStarts(before);
  const afterStarts = lineStarts(after);
  if (
    beforeStarts.length === afterStarts.length &&
    sameLineBreaks(before, beforeStarts, after, afterStarts)
  ) {
    const edits: TextEdit[] = [];
    for (let line = 0; line < beforeStarts.length; line++) {
      const oldLine = lineContent(before, beforeStarts, line);
      const newLine = lineContent(after, afterStarts, line);
      if (oldLine !== newLine) {
        const { prefix, suffix } = commonEnds(oldLine, newLine);
        edits.push({
          range: {
            start: { line, character: prefix },
            end: { line, character: oldLine.length - suffix },
          },
          newText: newLine.slice(prefix, newLine.length - suffix),
        });
      }
    }
    return edits;
  }
  const { prefix, suffix } = commonEnds(before, after);
  return [
    {
      range: {
        start: positionAt(before, prefix, beforeStarts),
        end: positionAt(before, before.length - suffix, beforeStarts),
      },
      newText: after.slice(prefix, after.length - suffix),
    },
  ];
}

/** A line without its line break. */
function lineContent(text: string, starts: readonly number[], line: number): string {
  const start = starts[line];
  const next = line + 1 < starts.length ? starts[line + 1] : text.length;
  return text.slice(start, next).replace(/\r?\n$|\r$/, '');
}

function sameLineBreaks(
  before: string,
  beforeStarts: readonly number[],
  after: string,
  afterStarts: readonly number[],
): boolean {
  for (let line = 1; line < beforeStarts.length; line++) {
    const oldBreak = before.slice(beforeStarts[line - 1], beforeStarts[line]).match(/\r?\n$|\r$/)?.[0];
    const newBreak = after.slice(afterStarts[line - 1], afterStarts[line]).match(/\r?\n$|\r$/)?.[0];
    if (oldBreak !== newBreak) {
      return false;
    }
  }
  return true;
}

/** Lengths of the common prefix and of the common suffix that does not overlap it. */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  let prefix = 0;
  const shortest = Math.min(a.length, b.length);
  while (prefix < shortest && a[prefix] === b[prefix]) {
    prefix++;
  }
  // Never split a CRLF pair: an edit boundary between \r and \n would change how lines are counted.
  if (prefix > 0 && a[prefix - 1] === '\r' && (a[prefix] === '\n' || b[prefix] === '\n')) {
    prefix--;
  }
  let suffix = 0;
  while (suffix < shortest - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) {
    suffix++;
  }
  if (suffix > 0 && a[a.length - suffix] === '\n' && a[a.length - suffix - 1] === '\r') {
    suffix--;
  }
  return { prefix, suffix };
}
