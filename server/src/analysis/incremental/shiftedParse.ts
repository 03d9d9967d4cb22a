import type { Dockerfile } from 'dockerfile-ast';
import { Dockerfile as DockerfileTree } from 'dockerfile-ast/lib/dockerfile';
import { Parser } from 'dockerfile-ast/lib/parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * The text of a chunk seen as if it stood at `lineDelta` in the whole file: positions come out, and go in,
 * shifted by that many lines, while offsets stay those of the chunk's own text. dockerfile-ast reads its
 * documents only through these three methods, so its tree gets absolute positions without a copy of the
 * lines above the chunk.
 */
class ShiftedDocument {
  private readonly inner: TextDocument;

  constructor(
    text: string,
    private readonly lineDelta: number,
  ) {
    this.inner = TextDocument.create('', '', 0, text);
  }

  getText(range?: Range): string {
    return range
      ? this.inner.getText({ start: this.unshift(range.start), end: this.unshift(range.end) })
      : this.inner.getText();
  }

  positionAt(offset: number): Position {
    const position = this.inner.positionAt(offset);
    return { line: position.line + this.lineDelta, character: position.character };
  }

  offsetAt(position: Position): number {
    return this.inner.offsetAt(this.unshift(position));
  }

  private unshift(position: Position): Position {
    return { line: position.line - this.lineDelta, character: position.character };
  }
}

/** The fields of dockerfile-ast's Parser (0.7.x) that its `parse` sets before scanning. */
interface ParserInternals {
  document: unknown;
  buffer: string;
  escapeChar: string;
  processComment(dockerfile: Dockerfile, start: number): number;
  processInstruction(dockerfile: Dockerfile, char: string, start: number): number;
}

/**
 * Parses a chunk that starts at `startLine` (after line 0, so it has no parser directives) with the file's
 * escape character. This is dockerfile-ast's `Parser.parse` minus the directive and BOM handling that only
 * the top of a file needs, over a ShiftedDocument instead of a TextDocument.
 */
export function parseShifted(body: string, startLine: number, escapeChar: string): Dockerfile {
  const parser = new Parser() as unknown as ParserInternals;
  const document = new ShiftedDocument(body, startLine);
  parser.document = document;
  parser.buffer = body;
  parser.escapeChar = escapeChar;
  const dockerfile = new DockerfileTree(document as unknown as TextDocument) as unknown as Dockerfile;
  for (let index = 0; index < body.length; index++) {
    const char = body.charAt(index);
    switch (char) {
      case ' ':
      case '\t':
      case '\r':
      case '\n':
        break;
      case '#':
        index = parser.processComment(dockerfile, index);
        break;
      default:
        index = parser.processInstruction(dockerfile, char, index);
        break;
    }
  }
  (dockerfile as unknown as { organizeComments(): void }).organizeComments();
  return dockerfile;
}
