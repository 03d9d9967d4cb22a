import type { InitializationOptions } from '../../server/src/initializationOptions';

/** The values of `dockerfileStages.languageFeatures`. */
export type LanguageFeaturesSetting = 'auto' | 'on' | 'off';

/** Docker DX, which reports BuildKit's checks (and bundles the general features). */
export const DOCKER_DX_EXTENSION = 'docker.docker';

/**
 * Extensions that already give Dockerfiles keyword completion, hover, formatting and validation from the
 * same dockerfile-language-service: Microsoft's Container Tools, its predecessor Docker, and Docker DX.
 */
export const EXTENSIONS_WITH_GENERAL_FEATURES: readonly string[] = [
  'ms-azuretools.vscode-containers',
  'ms-azuretools.vscode-docker',
  DOCKER_DX_EXTENSION,
];

function readSetting(value: unknown): LanguageFeaturesSetting {
  return value === 'on' || value === 'off' ? value : 'auto';
}

/**
 * What the server should do, from the setting and the ids of the installed extensions (compared without
 * case, as VS Code does). `on` and `off` are obeyed as they are; `auto` turns the general features on only
 * when no other extension provides them, and when Docker DX is installed also lets the server quiet the
 * rules that repeat BuildKit checks DX reports. An unknown setting value counts as `auto`.
 */
export function decideLanguageFeatures(
  setting: unknown,
  installedExtensionIds: readonly string[],
): InitializationOptions {
  const mode = readSetting(setting);
  const installed = new Set(installedExtensionIds.map((id) => id.toLowerCase()));
  if (mode !== 'auto') {
    return { generalFeatures: mode === 'on', dockerDx: false };
  }
  return {
    generalFeatures: !EXTENSIONS_WITH_GENERAL_FEATURES.some((id) => installed.has(id)),
    dockerDx: installed.has(DOCKER_DX_EXTENSION),
  };
}
