/**
 * What the client tells the server in `initialize` about the editor around it. The client decides these
 * because only it can see which other extensions are installed; declared once here for both sides.
 */
export interface InitializationOptions {
  /**
   * Whether the server offers the general Dockerfile features of dockerfile-language-service (keyword
   * completion and hover, signature help, formatting, semantic tokens, links, its validation). Off when
   * another extension already provides them.
   */
  readonly generalFeatures: boolean;
  /**
   * Whether Docker DX reports BuildKit's checks in this editor, so rules that repeat them stay quiet
   * unless the user configured them.
   */
  readonly dockerDx: boolean;
}

/**
 * What a client that sends nothing gets: only the stage-aware features. Editors other than VS Code usually
 * run their own Dockerfile server already, so the general features are something a client asks for.
 */
export const DEFAULT_INITIALIZATION_OPTIONS: InitializationOptions = {
  generalFeatures: false,
  dockerDx: false,
};

/** Reads untrusted `initializationOptions`; anything missing or malformed takes its default. */
export function readInitializationOptions(raw: unknown): InitializationOptions {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    generalFeatures:
      typeof input.generalFeatures === 'boolean'
        ? input.generalFeatures
        : DEFAULT_INITIALIZATION_OPTIONS.generalFeatures,
    dockerDx: typeof input.dockerDx === 'boolean' ? input.dockerDx : DEFAULT_INITIALIZATION_OPTIONS.dockerDx,
  };
}
