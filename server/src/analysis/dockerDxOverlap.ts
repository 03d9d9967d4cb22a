import type { AnalysisSettings } from './settings';

/**
 * Rules that repeat a BuildKit check of the same name. Docker DX runs `docker buildx build --call=check`
 * and reports these itself (landscape.md, "(a) Feature table", rows on duplicate and reserved stage names
 * and on stage name and FROM/AS casing; source [D4]), so with DX installed the editor would show each twice.
 */
export const RULES_REPORTED_BY_DOCKER_DX: readonly string[] = [
  'StageNameCasing',
  'FromAsCasing',
  'DuplicateStageName',
  'ReservedStageName',
];

/**
 * Turns off the rules Docker DX already reports, except those the user configured: a severity other than
 * `default` is an explicit choice and wins.
 */
export function withoutRulesReportedByDockerDx(settings: AnalysisSettings): AnalysisSettings {
  const rules = { ...settings.rules };
  for (const ruleId of RULES_REPORTED_BY_DOCKER_DX) {
    const configured = rules[ruleId];
    if (configured === undefined || configured === 'default') {
      rules[ruleId] = 'off';
    }
  }
  return { ...settings, rules };
}
