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
  if (kind === 'from') {
    const earlier = stages.find((stage) => stage.index < current.index && stage.nameLower === value);
    if (earlier) {
      return { type: 'stage', stageIndex: earlier.index, byIndex: false };
    }
    const later = stages.find((stage) => stage.index > current.index && stage.nameLower === value);
    return later ? { type: 'laterStage', stageIndex: later.index } : { type: 'image', image: value };
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
  const lower = value.toLowerCase();
  const named = stages.find((stage) => stage.nameLower === lower);
  return named ? { type: 'stage', stageIndex: named.index, byIndex: false } : { type: 'image', image: value };
}
