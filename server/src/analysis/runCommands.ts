import type { Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import { splitShellCommands, type ShellCommand } from './artifacts/shellWords';
import type { ParsedDockerfile } from './parseDockerfile';

/** A shell command of a RUN instruction, with the document range of each word. */
export interface LocatedCommand {
  readonly command: ShellCommand;
  /** Document ranges of `command.words`, in the same order. */
  readonly wordRanges: readonly Range[];
}

/**
 * Splits a shell-form RUN into commands whose words carry document ranges. Line continuations (with
 * the file's escape character) are removed before splitting, and offsets are mapped back through
 * them, so a word on a continued line points at its real place. Exec-form RUNs yield nothing: their
 * first word is a program, not a shell command line a rule could place a range in reliably.
 */
export function locateRunCommands(
  instruction: Instruction,
  parsed: ParsedDockerfile,
  escapeChar: string,
): readonly LocatedCommand[] {
  const cached = locatedByInstruction.get(instruction);
  if (cached && cached.escapeChar === escapeChar) {
    return cached.located;
  }
  const located = locate(instruction, parsed, escapeChar);
  locatedByInstruction.set(instruction, { escapeChar, located });
  return located;
}

/**
 * Located commands per instruction. An instruction object belongs to one parse and never changes, and the
 * incremental parser reuses it only for a stage whose text and first line are unchanged, so its commands
 * and their document ranges are the same as when they were first located. A WeakMap, so entries go with
 * the parse tree.
 */
const locatedByInstruction = new WeakMap<
  Instruction,
  { readonly escapeChar: string; readonly located: readonly LocatedCommand[] }
>();

function locate(instruction: Instruction, parsed: ParsedDockerfile, escapeChar: string): LocatedCommand[] {
  const argumentsRange = instruction.getArgumentsRange();
  if (!argumentsRange) {
    return [];
  }
  const lineStarts = lineStartsOf(parsed);
  const start = toOffset(argumentsRange.start, lineStarts, parsed.text.length);
  const end = toOffset(argumentsRange.end, lineStarts, parsed.text.length);
  const raw = parsed.text.slice(start, end);
  if (raw.trimStart().startsWith('[')) {
    return [];
  }
  const { text, offsets } = joinContinuations(raw, escapeChar);
  const located: LocatedCommand[] = [];
  for (const command of splitShellCommands(text)) {
    const wordRanges = command.words.map((word) => ({
      start: toPosition(start + (offsets[word.start] ?? 0), lineStarts),
      end: toPosition(start + (offsets[Math.max(word.end - 1, word.start)] ?? 0) + 1, lineStarts),
    }));
    located.push({ command, wordRanges });
  }
  return located;
}

/**
 * Removes `<escape><spaces>newline` sequences and comment lines inside continuations, keeping for
 * each kept character its offset in `raw`.
 */
function joinContinuations(raw: string, escapeChar: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i];
    if (ch === escapeChar) {
      let j = i + 1;
      while (j < raw.length && (raw[j] === ' ' || raw[j] === '\t')) {
        j++;
      }
      if (raw[j] === '\r' || raw[j] === '\n') {
        j += raw[j] === '\r' && raw[j + 1] === '\n' ? 2 : 1;
        i = skipCommentLines(raw, j);
        continue;
      }
    }
    text += ch;
    offsets.push(i);
    i++;
  }
  offsets.push(raw.length);
  return { text, offsets };
}

/** Comment lines between continued lines belong to no command (Dockerfile reference, "Parser directives"). */
function skipCommentLines(raw: string, from: number): number {
  let i = from;
  for (;;) {
    let j = i;
    while (j < raw.length && (raw[j] === ' ' || raw[j] === '\t')) {
      j++;
    }
    if (raw[j] !== '#') {
      return i;
    }
    while (j < raw.length && raw[j] !== '\n') {
      j++;
    }
    i = j + 1;
  }
}

/** Line starts per parsed text, computed once however many RUN instructions a rule locates. */
const lineStartsCache = new WeakMap<ParsedDockerfile, number[]>();

function lineStartsOf(parsed: ParsedDockerfile): number[] {
  let lineStarts = lineStartsCache.get(parsed);
  if (!lineStarts) {
    lineStarts = computeLineStarts(parsed);
    lineStartsCache.set(parsed, lineStarts);
  }
  return lineStarts;
}

/**
 * The offset of each line's first character, from the lines the parse already split (CR, LF and CRLF each
 * end a line there, as here): one step per line instead of one per character of the file.
 */
function computeLineStarts(parsed: ParsedDockerfile): number[] {
  const { text, lines } = parsed;
  const starts = new Array<number>(lines.length);
  let offset = 0;
  for (let line = 0; line < lines.length; line++) {
    starts[line] = offset;
    offset += lines[line].length;
    offset += text[offset] === '\r' && text[offset + 1] === '\n' ? 2 : 1;
  }
  return starts;
}

function toOffset(position: Position, lineStarts: readonly number[], length: number): number {
  const lineStart = lineStarts[position.line] ?? length;
  return Math.min(lineStart + position.character, length);
}

function toPosition(offset: number, lineStarts: readonly number[]): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] ?? 0) <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return { line: low, character: offset - (lineStarts[low] ?? 0) };
}
