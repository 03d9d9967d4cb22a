/** A text cut into lines the way LSP counts them (CR, LF and CRLF each end a line), with their offsets. */
export interface DocumentLines {
  /** Each line without its line break. */
  readonly lines: readonly string[];
  /** The offset of each line's first character; one more entry holds the text's length. */
  readonly starts: readonly number[];
}

const LINE_BREAK_CAPTURED = /(\r\n|\r|\n)/;

/**
 * Splits with one native `split` (faster than a character loop on megabyte files) and sums the lengths.
 * Text without a carriage return, nearly every file on every keystroke, takes the plain `\n` split, which
 * is several times faster than the regular expression.
 */
export function splitDocumentLines(text: string): DocumentLines {
  if (!text.includes('\r')) {
    const lines = text.split('\n');
    const starts = new Array<number>(lines.length + 1);
    let offset = 0;
    for (let index = 0; index < lines.length; index++) {
      starts[index] = offset;
      offset += lines[index].length + 1;
    }
    starts[lines.length] = text.length;
    return { lines, starts };
  }
  const parts = text.split(LINE_BREAK_CAPTURED);
  const lines: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (let index = 0; index < parts.length; index += 2) {
    const line = parts[index];
    lines.push(line);
    starts.push(offset);
    offset += line.length + (parts[index + 1]?.length ?? 0);
  }
  starts.push(text.length);
  return { lines, starts };
}
