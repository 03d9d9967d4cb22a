import { editDistance } from '../editDistance';
import { isWellKnownImageName } from '../images';
import { looksLikeImageReference, pulledImageName } from '../imageNames';
import type { Stage, StageReference } from '../stageModel';
import type { Rule } from './rule';

const MAX_DISTANCE = 2;

/**
 * A reference that matches no stage but is one or two edits from a stage name (or, for FROM, differs only
 * in case). BuildKit then pulls it as an image and fails late with "pull access denied". Values that look
 * like images are left alone: precision matters more than recall here.
 */
export const unknownStageReference: Rule = {
  id: 'UnknownStageReference',
  defaultSeverity: 'warning',
  description: 'A stage reference names no stage but is close to one, so BuildKit would pull it as an image.',
  check({ graph }, report) {
    for (const reference of graph.references) {
      if (reference.resolution.type !== 'image') {
        continue;
      }
      const suggestions = closestStages(reference, graph.stages);
      if (suggestions.length === 0) {
        continue;
      }
      const names = suggestions.map((stage) => `'${stage.name}'`).join(' or ');
      const caseOnly =
        reference.kind === 'from' &&
        suggestions.some((stage) => stage.nameLower === reference.value.toLowerCase());
      const what = caseOnly
        ? `'${reference.value}' differs from stage ${names} only in case, and FROM matches stage names exactly in lowercase,`
        : `'${reference.value}' names no stage,`;
      report({
        range: reference.valueRange,
        message: `${what} so BuildKit pulls the image '${pulledImageName(reference.value)}' instead; did you mean ${names}?`,
        data: { suggestions: suggestions.map((stage) => stage.name) },
      });
    }
  },
};

function closestStages(reference: StageReference, stages: readonly Stage[]): Stage[] {
  const value = reference.value.toLowerCase();
  const exactIgnoringCase = reference.kind === 'from' && stageNames(stages).has(value);
  if (!exactIgnoringCase && (looksLikeImageReference(reference.value) || isWellKnownImageName(value))) {
    return [];
  }
  let best = MAX_DISTANCE + 1;
  let found: Stage[] = [];
  for (const stage of stages) {
    if (stage.nameLower === undefined || stage.index === reference.fromStageIndex) {
      continue;
    }
    const distance = editDistance(value, stage.nameLower, MAX_DISTANCE);
    // At most a third of the letters may differ, so `go` is not taken for a typo of `gcc`.
    const longest = Math.max(value.length, stage.nameLower.length);
    if (distance > MAX_DISTANCE || distance * 3 > longest) {
      continue;
    }
    if (distance < best) {
      best = distance;
      found = [stage];
    } else if (distance === best && !found.some((other) => other.nameLower === stage.nameLower)) {
      found.push(stage);
    }
  }
  // Earlier stages first: they are the ones a reference can legally use.
  return found.sort(
    (a, b) => Number(a.index > reference.fromStageIndex) - Number(b.index > reference.fromStageIndex),
  );
}

/** The lowercased stage names, built once per stage list rather than scanned once per reference. */
const namesByStages = new WeakMap<readonly Stage[], ReadonlySet<string>>();

function stageNames(stages: readonly Stage[]): ReadonlySet<string> {
  let names = namesByStages.get(stages);
  if (!names) {
    names = new Set(stages.flatMap((stage) => (stage.nameLower === undefined ? [] : [stage.nameLower])));
    namesByStages.set(stages, names);
  }
  return names;
}
