import type { Rule } from './rule';

/** `COPY --from=N` where no stage N exists: BuildKit fails with "invalid stage index N". */
export const stageIndexOutOfRange: Rule = {
  id: 'StageIndexOutOfRange',
  defaultSeverity: 'error',
  description: 'A numeric --from index is at or past the number of stages.',
  check({ graph }, report) {
    const count = graph.stages.length;
    for (const reference of graph.references) {
      if (reference.resolution.type !== 'indexOutOfRange') {
        continue;
      }
      const range = count === 1 ? 'only stage 0' : `stages 0 to ${count - 1}`;
      report({
        range: reference.valueRange,
        message: `--from=${reference.value} points past the last stage (this file has ${range}), so BuildKit fails with "invalid stage index ${reference.resolution.stageIndex}".`,
      });
    }
  },
};
