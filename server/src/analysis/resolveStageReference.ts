import { hasVariable } from './expandVariables';
import type { ReferenceKind, Resolution, Stage } from './stageModel';

const NUMERIC = /^\d+$/;

/**
 * Resolves a reference the way BuildKit does (see shared research, landscape.md "Reference resolution
 * semantics", from moby/buildkit dockerfile2llb convert.go and convert_runmount.go):
 * - `COPY --from=<v>`: variables are rejected; a number is a 0-based stage index; otherwise the name
 *   matches any stage case-insensitively; if nothing matches, `<v>` is pulled as an image.
 * - `RUN --mount=...,from=<v>`: names only (a number is an image name), case-insensitive, else an image.
 * - `FROM <v>` (already ARG-expanded): exact match against the lowercased names of earlier stages only
 *   (moby/buildkit#2003), else an image. A later stage with that name is reported separately.
 */
export function resolveStageReference(
  kind: ReferenceKind,
  value: string,
  current: Stage,
  stages: readonly Stage[],
): Resolution {
  const byName = stageIndexesByName(stages);
  if (kind === 'from') {
    const sameName = byName.get(value) ?? [];
    const earlier = sameName.find((index) => index < current.index);
    if (earlier !== undefined) {
      return { type: 'stage', stageIndex: earlier, byIndex: false };
    }
    const later = sameName.find((index) => index > current.index);
    return later !== undefined ? { type: 'laterStage', stageIndex: later } : { type: 'image', image: value };
  }

  if (hasVariable(value)) {
    return { type: 'variable' };
  }
  if (kind === 'copy' && NUMERIC.test(value)) {
    const stageIndex = Number(value);
    return stageIndex < stages.length
      ? { type: 'stage', stageIndex, byIndex: true }
      : { type: 'indexOutOfRange', stageIndex };
  }
  const named = byName.get(value.toLowerCase())?.[0];
  return named !== undefined
    ? { type: 'stage', stageIndex: named, byIndex: false }
    : { type: 'image', image: value };
}

/** Stage indexes per lowercased name, in file order; built once per stage list, not once per reference. */
const indexesByName = new WeakMap<readonly Stage[], ReadonlyMap<string, readonly number[]>>();

function stageIndexesByName(stages: readonly Stage[]): ReadonlyMap<string, readonly number[]> {
  let index = indexesByName.get(stages);
  if (!index) {
    const built = new Map<string, number[]>();
    for (const stage of stages) {
      if (stage.nameLower !== undefined) {
        const indexes = built.get(stage.nameLower) ?? [];
        indexes.push(stage.index);
        built.set(stage.nameLower, indexes);
      }
    }
    index = built;
    indexesByName.set(stages, index);
  }
  return index;
}
