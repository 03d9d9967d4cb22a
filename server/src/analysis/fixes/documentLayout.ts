import type { Instruction } from 'dockerfile-ast';
import type { ParsedDockerfile } from '../parseDockerfile';
import type { StageGraph } from '../stageModel';

/** A parser directive line (`# syntax=…`, `# escape=…`, `# check=…`), as BuildKit reads them at the top. */
export const DIRECTIVE_LINE = /^\s*#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/;
const COMMENT_LINE = /^\s*#/;
const BLANK_LINE = /^\s*$/;

/**
 * How many lines at the top of the file are parser directives. BuildKit stops reading directives at the
 * first line that is not one, so anything inserted inside this block becomes a directive itself.
 */
export function directiveLineCount(lines: readonly string[]): number {
  let count = 0;
  for (const line of lines) {
    const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    if (!DIRECTIVE_LINE.test(text)) {
      break;
    }
    count++;
  }
  return count;
}

/** Every instruction with the lines it covers (continuation lines and heredoc bodies included). */
export function instructionLines(parsed: ParsedDockerfile): Map<number, Instruction> {
  const byLine = new Map<number, Instruction>();
  for (const instruction of parsed.dockerfile?.getInstructions() ?? []) {
    const { start, end } = instruction.getRange();
    for (let line = start.line; line <= end.line; line++) {
      byLine.set(line, instruction);
    }
  }
  return byLine;
}

/** The first line of the comments directly above `line` (which belong to it), or `line` itself. */
export function leadingCommentStart(parsed: ParsedDockerfile, line: number): number {
  const byLine = instructionLines(parsed);
  const directives = directiveLineCount(parsed.lines);
  let start = line;
  while (
    start - 1 >= directives &&
    !byLine.has(start - 1) &&
    COMMENT_LINE.test(parsed.lines[start - 1] ?? '')
  ) {
    start--;
  }
  return start;
}

/** Whole lines of one stage: the comments above its FROM through the line before the next stage's comments. */
export interface StageBlock {
  readonly startLine: number;
  /** Inclusive. */
  readonly endLine: number;
}

/**
 * The lines a stage owns when it is moved or removed: the comments directly above its FROM belong to it,
 * and the comments directly above the next FROM belong to the next stage. Trailing blank lines of the last
 * stage are left out, so the file keeps its final newline.
 */
export function stageBlock(
  parsed: ParsedDockerfile,
  graph: StageGraph,
  index: number,
): StageBlock | undefined {
  const stage = graph.stages[index];
  if (!stage) {
    return undefined;
  }
  const startLine = leadingCommentStart(parsed, stage.fromRange.start.line);
  const next = graph.stages[index + 1];
  let endLine: number;
  if (next) {
    endLine = leadingCommentStart(parsed, next.fromRange.start.line) - 1;
  } else {
    endLine = parsed.lines.length - 1;
    while (endLine > stage.fromRange.end.line && BLANK_LINE.test(parsed.lines[endLine] ?? '')) {
      endLine--;
    }
  }
  return { startLine, endLine: Math.max(endLine, stage.fromRange.end.line) };
}
