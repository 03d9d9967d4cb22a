import type { Rule } from './rule';

/**
 * Two stages with the same name (BuildKit compares them lowercased). BuildKit rejects the file; reported
 * on the later one, as BuildKit does, because the first is the one references already resolve to.
 */
export const duplicateStageName: Rule = {
  id: 'DuplicateStageName',
  defaultSeverity: 'error',
  description: 'Two stages share a name (compared case-insensitively).',
  check({ graph }, report) {
    const firstByName = new Map<string, string>();
    for (const stage of graph.stages) {
      if (stage.nameLower === undefined || stage.nameRange === undefined) {
        continue;
      }
      const first = firstByName.get(stage.nameLower);
      if (first === undefined) {
        firstByName.set(stage.nameLower, stage.name as string);
        continue;
      }
      report({
        range: stage.nameRange,
        message: `Stage name '${stage.name}' is already used by an earlier stage ('${first}'), so BuildKit fails with "duplicate stage name".`,
        data: { name: stage.nameLower },
      });
    }
  },
};
