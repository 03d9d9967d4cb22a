import type { AnalysisSettings } from './settings';

/**
 * `.dockerfile-stages.json`: project settings that the CLI and the language server both read, so CI and
 * the editor classify in-house images the same way. This module only parses and merges text; finding
 * and reading the file is the shells' job.
 */

export const PROJECT_CONFIG_FILE = '.dockerfile-stages.json';

/** The keys a project file may hold; they mean what the `dockerfileStages.*` settings of the same name mean. */
const KNOWN_KEYS: readonly string[] = ['images', 'rules', 'target', 'buildArgs'];

export interface ParsedProjectConfig {
  /** The settings object to hand to normalizeSettings, or undefined when the file is unusable. */
  readonly raw: Readonly<Record<string, unknown>> | undefined;
  /** One sentence per problem, each starting with `label`. */
  readonly problems: readonly string[];
}

/** Parses the file's text. Never throws: bad JSON or a non-object comes back as a problem. */
export function parseProjectConfig(text: string, label: string): ParsedProjectConfig {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { raw: undefined, problems: [`${label}: not valid JSON (${reason}).`] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      raw: undefined,
      problems: [
        `${label}: must hold a JSON object such as { "images": { "mycorp/base": { "libc": "musl" } } }.`,
      ],
    };
  }
  const problems: string[] = [];
  const raw: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (KNOWN_KEYS.includes(key)) {
      raw[key] = entry;
    } else {
      problems.push(`${label}: unknown key "${key}"; the keys are ${KNOWN_KEYS.join(', ')}.`);
    }
  }
  return { raw, problems };
}

/**
 * Puts the problems normalizeSettings found in a project file in the file's terms: `dockerfileStages.images`
 * becomes `<label>: images`.
 */
export function relabelProblems(problems: readonly string[], label: string): string[] {
  return problems.map((problem) => `${label}: ${problem.replace(/^dockerfileStages\./, '')}`);
}

/**
 * Puts a project file's settings under the user's: the user's values win, rule by rule and build argument
 * by argument; the user's image overrides come first (the first matching glob wins), then the file's.
 * A rule the user left at `default` keeps the file's severity, since VS Code reports every setting
 * with its default value.
 */
export function mergeUnderUserSettings(project: AnalysisSettings, user: AnalysisSettings): AnalysisSettings {
  const userRules = Object.fromEntries(Object.entries(user.rules).filter(([, value]) => value !== 'default'));
  const userGlobs = new Set(user.images.map((image) => image.glob));
  return {
    rules: { ...project.rules, ...userRules },
    target: user.target ?? project.target,
    buildArgs: { ...project.buildArgs, ...user.buildArgs },
    images: [...user.images, ...project.images.filter((image) => !userGlobs.has(image.glob))],
  };
}
