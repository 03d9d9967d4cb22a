import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  RULES_REPORTED_BY_DOCKER_DX,
  withoutRulesReportedByDockerDx,
} from '../../../server/src/analysis/dockerDxOverlap';
import { RULE_IDS } from '../../../server/src/analysis/rules';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';

describe('withoutRulesReportedByDockerDx', () => {
  it('names only rules that exist', () => {
    for (const id of RULES_REPORTED_BY_DOCKER_DX) {
      assert.ok(RULE_IDS.includes(id), id);
    }
  });

  it('turns off the unset and `default` ones and keeps explicit choices', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      rules: { StageNameCasing: 'default', FromAsCasing: 'hint', UnusedStage: 'error' },
    } as const;
    assert.deepEqual(withoutRulesReportedByDockerDx(settings).rules, {
      StageNameCasing: 'off',
      FromAsCasing: 'hint',
      DuplicateStageName: 'off',
      ReservedStageName: 'off',
      UnusedStage: 'error',
    });
    // The input is left as it was.
    assert.equal(settings.rules.StageNameCasing, 'default');
  });
});
