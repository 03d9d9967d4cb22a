import { duplicateStageName } from './duplicateStageName';
import { forwardStageReference } from './forwardStageReference';
import { fromAsCasing } from './fromAsCasing';
import { invalidStageName } from './invalidStageName';
import { glibcVersionSkew } from './glibcVersionSkew';
import { libcMismatch } from './libcMismatch';
import { packageManagerMismatch } from './packageManagerMismatch';
import { platformArgOverride } from './platformArgOverride';
import { platformMismatch } from './platformMismatch';
import { reservedStageName } from './reservedStageName';
import type { Rule } from './rule';
import { selfStageReference } from './selfStageReference';
import { stageIndexOutOfRange } from './stageIndexOutOfRange';
import { stageIndexReference } from './stageIndexReference';
import { stageNameCasing } from './stageNameCasing';
import { toolchainInFinalStage } from './toolchainInFinalStage';
import { unknownStageReference } from './unknownStageReference';
import { unusedStage } from './unusedStage';
import { variableStageReference } from './variableStageReference';

/** Every rule, in the order docs/rules.md lists them. */
export const ALL_RULES: readonly Rule[] = [
  duplicateStageName,
  reservedStageName,
  invalidStageName,
  stageNameCasing,
  fromAsCasing,
  unknownStageReference,
  selfStageReference,
  forwardStageReference,
  stageIndexOutOfRange,
  stageIndexReference,
  variableStageReference,
  unusedStage,
  libcMismatch,
  glibcVersionSkew,
  platformMismatch,
  platformArgOverride,
  packageManagerMismatch,
  toolchainInFinalStage,
];

export const RULE_IDS: readonly string[] = ALL_RULES.map((rule) => rule.id);

/** Where each rule is documented; the anchor is the rule id lowercased, as Markdown renderers make it. */
export const RULES_DOC_URL = 'https://github.com/dockerfile-stages/dockerfile-stages/blob/main/docs/rules.md';

export function ruleDocUrl(ruleId: string): string {
  return `${RULES_DOC_URL}#${ruleId.toLowerCase()}`;
}

export function findRule(ruleId: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.id === ruleId);
}
