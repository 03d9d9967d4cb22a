/**
 * Fixture text with positions marked inline, so a test reads like the editor it simulates:
 * `|` is a cursor and `«…»` an expected range. The markers are stripped before the text is sent.
 */
import type { Position, Range } from 'vscode-languageserver-protocol';

export interface MarkedText {
  readonly text: string;
  readonly cursors: readonly Position[];
  readonly ranges: readonly Range[];
}

export function mark(source: string, cursor = '|'): MarkedText {
  let text = '';
  let line = 0;
  let character = 0;
  const cursors: Position[] = [];
  const ranges: Range[] = [];
  const open: Position[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === cursor) {
      cursors.push({ line, character });
    } else if (ch === '«') {
      open.push({ line, character });
    } else if (ch === '»') {
      const start = open.pop();
      if (!start) {
        throw new Error(`unbalanced » at offset ${i}`);
      }
      ranges.push({ start, end: { line, character } });
    } else {
      text += ch;
      if (ch === '\n') {
        line++;
        character = 0;
      } else if (ch === '\r' && source[i + 1] !== '\n') {
        line++;
        character = 0;
      } else if (ch !== '\r') {
        character++;
      }
    }
  }
  ranges.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  return { text, cursors, ranges };
}

/** The same text with CRLF line endings: every position stays the same. */
export function withCrlf(source: string): string {
  return source.replace(/\r?\n/g, '\r\n');
}

/** The only cursor of a fixture; fails loudly when the fixture has none or several. */
export function onlyCursor(marked: MarkedText): Position {
  if (marked.cursors.length !== 1) {
    throw new Error(`expected one cursor, found ${marked.cursors.length}`);
  }
  return marked.cursors[0];
}
