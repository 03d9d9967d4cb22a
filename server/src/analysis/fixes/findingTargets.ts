import type { Finding } from '../findings';
import type { Stage, StageGraph, StageReference } from '../stageModel';
import { comparePositions, offsetAt } from './textEdits';

/** The reference a finding was reported on (rules report references on their value range). */
export function referenceOf(graph: StageGraph, finding: Finding): StageReference | undefined {
  return graph.references.find(
    (reference) =>
      comparePositions(reference.valueRange.start, finding.range.start) === 0 &&
      comparePositions(reference.valueRange.end, finding.range.end) === 0,
  );
}

/** The stage whose name a finding was reported on. */
export function stageNamedAt(graph: StageGraph, finding: Finding): Stage | undefined {
  return graph.stages.find(
    (stage) =>
      stage.nameRange !== undefined &&
      comparePositions(stage.nameRange.start, finding.range.start) === 0 &&
      comparePositions(stage.nameRange.end, finding.range.end) === 0,
  );
}

/** `finding.data.stageIndex` when the rule put a valid one there. */
export function stageIndexData(graph: StageGraph, finding: Finding): Stage | undefined {
  const index = finding.data?.stageIndex;
  return typeof index === 'number' ? graph.stages[index] : undefined;
}

/**
 * True when the document holds exactly the reference's value at its range. dockerfile-ast misplaces the
 * ranges of `--mount` options that follow a line continuation, and an edit at a wrong range would cut
 * into the user's text, so a reference is only rewritten when its range checks out.
 */
export function isReferenceRangeExact(text: string, reference: StageReference): boolean {
  const start = offsetAt(text, reference.valueRange.start);
  const end = offsetAt(text, reference.valueRange.end);
  return text.slice(start, end) === reference.value;
}
