import { SEVERITY_SETTINGS, type SeveritySetting } from './findings';
import type { ImageOverride } from './images';
import { normalizeImageOverrides } from './imageSettings';

/** Settings the analysis understands; the server and the CLI both build one of these. */
export interface AnalysisSettings {
  /** Severity per rule id; missing ids use the rule's default. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** The stage that is built (`--target`); undefined means the last stage. */
  readonly target: string | undefined;
  /** `--build-arg` overrides for global ARGs. */
  readonly buildArgs: Readonly<Record<string, string>>;
  /**
   * User classifications of images (`dockerfileStages.images`, `.dockerfile-stages.json`), tried
   * before the knowledge base in this order; the first whose glob matches wins.
   */
  readonly images: readonly ImageOverride[];
}

export const DEFAULT_SETTINGS: AnalysisSettings = { rules: {}, target: undefined, buildArgs: {}, images: [] };

/** The settings that were usable, and one sentence per value that was not and was replaced by its default. */
export interface NormalizedSettings {
  readonly settings: AnalysisSettings;
  readonly problems: readonly string[];
}

/**
 * Turns untrusted settings (from `workspace/configuration` or a config file) into AnalysisSettings.
 * Every invalid value falls back to its default and is named in `problems`, so nothing is silently lost.
 */
export function normalizeSettings(raw: unknown, knownRuleIds: readonly string[]): NormalizedSettings {
  const problems: string[] = [];
  if (raw === undefined || raw === null) {
    return { settings: DEFAULT_SETTINGS, problems };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('dockerfileStages settings must be an object; using the defaults.');
    return { settings: DEFAULT_SETTINGS, problems };
  }
  const input = raw as Record<string, unknown>;

  const rules: Record<string, SeveritySetting> = {};
  if (input.rules !== undefined && input.rules !== null) {
    if (typeof input.rules !== 'object' || Array.isArray(input.rules)) {
      problems.push(
        'dockerfileStages.rules must be an object of rule ids to severities; using the defaults.',
      );
    } else {
      for (const [ruleId, value] of Object.entries(input.rules as Record<string, unknown>)) {
        if (!knownRuleIds.includes(ruleId)) {
          problems.push(`dockerfileStages.rules.${ruleId}: there is no rule with that id; it is ignored.`);
        } else if (typeof value !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(value)) {
          problems.push(
            `dockerfileStages.rules.${ruleId}: ${JSON.stringify(value)} is not one of ${SEVERITY_SETTINGS.join(', ')}; using the rule's default.`,
          );
        } else {
          rules[ruleId] = value as SeveritySetting;
        }
      }
    }
  }

  let target: string | undefined;
  if (typeof input.target === 'string') {
    target = input.target.trim() === '' ? undefined : input.target.trim();
  } else if (input.target !== undefined && input.target !== null) {
    problems.push('dockerfileStages.target must be a stage name; using the last stage.');
  }

  const buildArgs: Record<string, string> = {};
  if (input.buildArgs !== undefined && input.buildArgs !== null) {
    if (typeof input.buildArgs !== 'object' || Array.isArray(input.buildArgs)) {
      problems.push('dockerfileStages.buildArgs must be an object of names to values; it is ignored.');
    } else {
      for (const [name, value] of Object.entries(input.buildArgs as Record<string, unknown>)) {
        if (typeof value === 'string') {
          buildArgs[name] = value;
        } else {
          problems.push(`dockerfileStages.buildArgs.${name} must be a string; it is ignored.`);
        }
      }
    }
  }
  const images = normalizeImageOverrides(input.images, problems);
  return { settings: { rules, target, buildArgs, images }, problems };
}
