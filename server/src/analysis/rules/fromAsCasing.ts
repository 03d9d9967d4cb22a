import type { Rule } from './rule';

/**
 * BuildKit's FromAsCasing check (instructions/parse.go): an all-uppercase FROM wants `AS`, an
 * all-lowercase `from` wants `as`. Mixed-case `From` is left to instruction-casing checks.
 */
export const fromAsCasing: Rule = {
  id: 'FromAsCasing',
  defaultSeverity: 'warning',
  description: "The 'AS' keyword's casing does not match the 'FROM' keyword's.",
  check({ graph }, report) {
    for (const stage of graph.stages) {
      const { fromKeyword, asKeyword, asRange } = stage;
      if (asKeyword === undefined || !asRange) {
        continue;
      }
      const fromIsUpper = fromKeyword === fromKeyword.toUpperCase();
      const fromIsLower = fromKeyword === fromKeyword.toLowerCase();
      const expected = fromIsUpper ? 'AS' : fromIsLower ? 'as' : undefined;
      if (expected !== undefined && asKeyword !== expected) {
        report({
          range: asRange,
          message: `'${asKeyword}' does not match the casing of '${fromKeyword}'; write '${expected}'.`,
          data: { expected },
        });
      }
    }
  },
};
