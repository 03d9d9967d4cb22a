import { SETTINGS_SECTION } from '../handlers/settings';
import type { ServerContext } from './feature';

/**
 * Reads an on/off editor setting under `dockerfileStages` (e.g. `codeLens`, `inlayHints.libc`) for one
 * document, as every setting is read: per resource. It is on unless the user set it to `false`, and on
 * when the client cannot be asked or the answer is unusable, so a feature never vanishes by accident.
 */
export async function editorSwitchEnabled(
  context: ServerContext,
  uri: string,
  path: readonly string[],
): Promise<boolean> {
  if (context.client.capabilities.workspace?.configuration !== true) {
    return true;
  }
  try {
    let value: unknown = await context.connection.workspace.getConfiguration({
      scopeUri: uri,
      section: SETTINGS_SECTION,
    });
    for (const key of path) {
      value =
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    }
    return value !== false;
  } catch {
    return true;
  }
}
