import type { Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import type { ParsedDockerfile } from '../parseDockerfile';
import type { ReferenceKind, Stage, StageGraph } from '../stageModel';
import { onLinesOf } from './ranges';

/** Where the cursor is asking for a stage name, read from the text so that half-typed lines work. */
export interface StageCompletionContext {
  readonly kind: ReferenceKind;
  /** The stage the cursor is in: only stages before it can be offered. */
  readonly stage: Stage;
  /** What is typed of the value so far. */
  readonly prefix: string;
  /** The whole value around the cursor, which a chosen item replaces. */
  readonly range: Range;
}

const COPY_FROM = /^--from=([^\s]*)$/i;
const MOUNT_FROM = /^--mount=(?:[^\s]*,)?from=([^\s,]*)$/i;

/**
 * Whether the cursor is on the value of `COPY --from=`, of `from=` inside `RUN --mount=`, or on the
 * image of a FROM. The graph has no reference for a value that is still empty (`COPY --from=|`), so this
 * reads the line as typed; the instruction around it tells COPY from RUN even on a continuation line.
 */
export function stageCompletionContext(
  parsed: ParsedDockerfile,
  graph: StageGraph,
  position: Position,
): StageCompletionContext | undefined {
  const instruction = parsed.dockerfile
    ?.getInstructions()
    .find((candidate) => onLinesOf(candidate.getRange(), position));
  const stage = instruction && graph.stages.find((candidate) => candidate.instructions.includes(instruction));
  const line = parsed.lines[position.line];
  if (!instruction || !stage || line === undefined) {
    return undefined;
  }
  const before = line.slice(0, position.character);
  // The lookbehind tries only word starts, which keeps this linear on a long line.
  const wordStart = before.search(/(?<!\S)\S*$/);
  const word = before.slice(wordStart);
  const rest = /^[^\s]*/.exec(line.slice(position.character))?.[0] ?? '';
  const keyword = instruction.getKeyword();

  if (keyword === 'COPY') {
    const match = COPY_FROM.exec(word);
    if (match) {
      return valueContext('copy', stage, position, match[1] ?? '', rest);
    }
  } else if (keyword === 'RUN') {
    const match = MOUNT_FROM.exec(word);
    if (match) {
      return valueContext('mount', stage, position, match[1] ?? '', rest.split(',')[0] ?? '');
    }
  } else if (keyword === 'FROM' && isImagePosition(instruction, parsed, graph, position, word)) {
    return valueContext('from', stage, position, word, rest);
  }
  return undefined;
}

function valueContext(
  kind: ReferenceKind,
  stage: Stage,
  position: Position,
  prefix: string,
  rest: string,
): StageCompletionContext {
  return {
    kind,
    stage,
    prefix,
    range: {
      start: { line: position.line, character: position.character - prefix.length },
      end: { line: position.line, character: position.character + rest.length },
    },
  };
}

/**
 * The image of `FROM [--flag=value...] image [AS name]` is the first word that is not a flag: the cursor
 * is on it when every word between the keyword and the cursor is a flag. Continuation lines count, with
 * their escape character (`\` or the `# escape=` one) left out.
 */
function isImagePosition(
  instruction: Instruction,
  parsed: ParsedDockerfile,
  graph: StageGraph,
  position: Position,
  word: string,
): boolean {
  const keywordEnd = instruction.getInstructionRange().end;
  if (position.line === keywordEnd.line && position.character <= keywordEnd.character) {
    return false;
  }
  if (word.startsWith('-')) {
    return false;
  }
  const pieces: string[] = [];
  for (let line = keywordEnd.line; line <= position.line; line++) {
    let text = parsed.lines[line] ?? '';
    if (line === position.line) {
      text = text.slice(0, position.character - word.length);
    }
    if (line === keywordEnd.line) {
      text = text.slice(keywordEnd.character);
    }
    if (line !== keywordEnd.line && /^\s*#/.test(text)) {
      continue;
    }
    const trimmed = text.trimEnd();
    pieces.push(line < position.line && trimmed.endsWith(graph.escapeChar) ? trimmed.slice(0, -1) : text);
  }
  const earlierWords = pieces
    .join(' ')
    .split(/\s+/)
    .filter((piece) => piece !== '');
  return earlierWords.every((piece) => piece.startsWith('--'));
}
