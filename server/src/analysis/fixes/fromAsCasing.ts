import type { FixProvider } from './fix';

/** Writes `AS` in the casing of its `FROM`, as BuildKit's FromAsCasing check asks. */
export const fromAsCasingFixes: FixProvider = {
  ruleId: 'FromAsCasing',
  fixes(finding) {
    const expected = finding.data?.expected;
    if (expected !== 'AS' && expected !== 'as') {
      return [];
    }
    return [
      {
        title: `Change to '${expected}'`,
        kind: 'quickfix',
        isPreferred: true,
        safe: true,
        edits: [{ range: finding.range, newText: expected }],
      },
    ];
  },
};
