import type { FixProvider } from './fix';

/** PlatformArgOverride: declare the ARG without its default, so BuildKit's value is used. */
export const platformArgOverrideFixes: FixProvider = {
  ruleId: 'PlatformArgOverride',
  fixes(finding) {
    const name = finding.data?.argName;
    if (typeof name !== 'string' || name === '') {
      return [];
    }
    return [
      {
        title: `Remove the default value of ARG ${name}`,
        kind: 'quickfix',
        isPreferred: true,
        edits: [{ range: finding.range, newText: name }],
      },
    ];
  },
};
