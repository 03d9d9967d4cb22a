import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import './memoizeInstructionArguments';

/** The text of a Dockerfile with its dockerfile-ast tree, produced once and shared by every rule. */
export interface ParsedDockerfile {
  readonly text: string;
  /** The text split into lines (CR, LF and CRLF all end a line, as in LSP). */
  readonly lines: readonly string[];
  /** The tree, or undefined when the parser itself failed; callers then report what they can without it. */
  readonly dockerfile: Dockerfile | undefined;
  /** Why the parser failed, when it did. */
  readonly parseError: string | undefined;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** Parses a Dockerfile. Never throws: a parser failure is returned as `parseError`. */
export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = text.split(LINE_BREAK);
  try {
    return { text, lines, dockerfile: DockerfileParser.parse(text), parseError: undefined };
  } catch (error) {
    return {
      text,
      lines,
      dockerfile: undefined,
      parseError: error instanceof Error ? error.message : String(error),
    };
  }
}
