import { dirname, join, resolve } from 'node:path';
import { parseProjectConfig, PROJECT_CONFIG_FILE, relabelProblems } from '../analysis/projectConfig';
import { normalizeSettings, type AnalysisSettings } from '../analysis/settings';

/** What the loader needs from the file system; the CLI passes its own `readFile` so tests can fake it. */
export interface ConfigReader {
  readonly readFile: (path: string) => string;
}

export interface ProjectSettings {
  readonly settings: AnalysisSettings;
  /** The config file that applied, if any. */
  readonly path: string | undefined;
  /** Problems in that file, each naming it; non-empty means the CLI exits with status 2. */
  readonly problems: readonly string[];
}

/**
 * Finds the `.dockerfile-stages.json` that applies to each checked file: the nearest one in the file's
 * folder or any folder above it (so a repository-root file covers every Dockerfile below it). The
 * command line wins over the file: `--target` and `--build-arg` replace its values. Each file is read
 * and validated once per run.
 */
export function createProjectSettingsLoader(
  reader: ConfigReader,
  ruleIds: readonly string[],
  overrides: { readonly target: string | undefined; readonly buildArgs: Readonly<Record<string, string>> },
): (checkedFile: string) => ProjectSettings {
  const byDirectory = new Map<string, ProjectSettings>();
  const load = (directory: string): ProjectSettings => {
    const cached = byDirectory.get(directory);
    if (cached) {
      return cached;
    }
    const path = join(directory, PROJECT_CONFIG_FILE);
    let result: ProjectSettings;
    const text = tryRead(reader, path);
    if (text.kind === 'found') {
      result = fromText(text.text, path, ruleIds, overrides);
    } else if (text.kind === 'error') {
      result = { ...fromText('{}', path, ruleIds, overrides), path, problems: [`${path}: ${text.message}`] };
    } else {
      const parent = dirname(directory);
      result = parent === directory ? fromText('{}', undefined, ruleIds, overrides) : load(parent);
    }
    byDirectory.set(directory, result);
    return result;
  };
  return (checkedFile) => load(dirname(resolve(checkedFile)));
}

function fromText(
  text: string,
  path: string | undefined,
  ruleIds: readonly string[],
  overrides: { readonly target: string | undefined; readonly buildArgs: Readonly<Record<string, string>> },
): ProjectSettings {
  const label = path ?? PROJECT_CONFIG_FILE;
  const parsed = parseProjectConfig(text, label);
  const normalized = normalizeSettings(parsed.raw ?? {}, ruleIds);
  const fileSettings = normalized.settings;
  return {
    settings: {
      ...fileSettings,
      target: overrides.target ?? fileSettings.target,
      buildArgs: { ...fileSettings.buildArgs, ...overrides.buildArgs },
    },
    path,
    problems: [...parsed.problems, ...relabelProblems(normalized.problems, label)],
  };
}

type ReadResult =
  | { readonly kind: 'found'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly message: string };

function tryRead(reader: ConfigReader, path: string): ReadResult {
  try {
    return { kind: 'found', text: reader.readFile(path) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { kind: 'missing' };
    }
    return {
      kind: 'error',
      message: `cannot be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
