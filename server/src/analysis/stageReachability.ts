import type { Stage, StageGraph } from './stageModel';

/** The stage BuildKit builds: the one named by `target` (case-insensitively), else the last one. */
export function resolveTargetStage(graph: StageGraph, target: string | undefined): Stage | undefined {
  if (target !== undefined) {
    const lower = target.toLowerCase();
    const named = graph.stages.find((stage) => stage.nameLower === lower);
    if (named) {
      return named;
    }
  }
  return graph.stages[graph.stages.length - 1];
}

/**
 * The indexes of the stages the target needs: itself and, transitively, every stage it builds FROM,
 * copies from or mounts from. BuildKit skips the others unless they are the `--target`.
 */
export function reachableStages(graph: StageGraph, target: Stage | undefined): ReadonlySet<number> {
  const reached = new Set<number>();
  if (!target) {
    return reached;
  }
  const dependencies = new Map<number, number[]>();
  for (const reference of graph.references) {
    if (reference.resolution.type === 'stage') {
      const list = dependencies.get(reference.fromStageIndex) ?? [];
      list.push(reference.resolution.stageIndex);
      dependencies.set(reference.fromStageIndex, list);
    }
  }
  const pending = [target.index];
  while (pending.length > 0) {
    const index = pending.pop() as number;
    if (reached.has(index)) {
      continue;
    }
    reached.add(index);
    pending.push(...(dependencies.get(index) ?? []));
  }
  return reached;
}
