import { VALID_STAGE_NAME } from './invalidStageName';
import type { Rule } from './rule';

/**
 * BuildKit's StageNameCasing check. Uppercase names work for `COPY --from`, but `FROM <Name>` never
 * matches them (moby/buildkit#2003), so lowercase names avoid a class of surprises.
 */
export const stageNameCasing: Rule = {
  id: 'StageNameCasing',
  defaultSeverity: 'warning',
  description: 'A stage name contains uppercase letters.',
  check({ graph }, report) {
    for (const stage of graph.stages) {
      const { name, nameLower, nameRange } = stage;
      // An invalid name is already an error; a casing warning on top would only add noise.
      if (name === undefined || nameLower === undefined || !nameRange || !VALID_STAGE_NAME.test(nameLower)) {
        continue;
      }
      if (name !== nameLower) {
        report({
          range: nameRange,
          message: `Stage name '${name}' should be lowercase ('${nameLower}'): BuildKit stores it lowercased, and 'FROM ${name}' would not find it.`,
          data: { lowercase: nameLower },
        });
      }
    }
  },
};
