import type { Stage, StageGraph } from '../stageModel';
import type { FixContext, TextEdit } from './fix';
import { lineEndingOf } from './textEdits';

/** Edits on one stage's FROM line and the line after it, shared by the C library and platform fixes. */

/**
 * Replaces the base image of a stage, when the stage is built from an image written without variables
 * or a digest (a `FROM <stage>` or `FROM ${BASE}` is not rewritten: the variable or the stage is the
 * user's choice).
 */
export function replaceBaseImage(graph: StageGraph, stage: Stage, image: string): TextEdit | undefined {
  if (
    !stage.baseRange ||
    stage.base === undefined ||
    /[$@]/.test(stage.base) ||
    inheritsStage(graph, stage)
  ) {
    return undefined;
  }
  return { range: stage.baseRange, newText: image };
}

export function inheritsStage(graph: StageGraph, stage: Stage): boolean {
  return graph.references.some(
    (reference) =>
      reference.kind === 'from' &&
      reference.fromStageIndex === stage.index &&
      reference.resolution.type === 'stage',
  );
}

/** Inserts a whole line right after the stage's FROM instruction (continuation lines included). */
export function insertLineAfterFrom(context: FixContext, stage: Stage, line: string): TextEdit {
  const eol = lineEndingOf(context.text);
  const lines = context.analysis.parsed.lines;
  const next = stage.fromRange.end.line + 1;
  if (next < lines.length) {
    return {
      range: { start: { line: next, character: 0 }, end: { line: next, character: 0 } },
      newText: `${line}${eol}`,
    };
  }
  const end = { line: stage.fromRange.end.line, character: (lines[stage.fromRange.end.line] ?? '').length };
  return { range: { start: end, end }, newText: `${eol}${line}` };
}

/** How a stage is named in titles: `'build'` or `0`. */
export function stageLabel(stage: Stage): string {
  return stage.name !== undefined ? `'${stage.name}'` : `${stage.index}`;
}
