import {
  DidChangeConfigurationNotification,
  type ClientCapabilities,
  type Connection,
} from 'vscode-languageserver';
import type { Rule } from '../analysis/rules/rule';
import { DEFAULT_SETTINGS, normalizeSettings, type AnalysisSettings } from '../analysis/settings';

/** The configuration section every setting lives under. */
export const SETTINGS_SECTION = 'dockerfileStages';

/**
 * Reads `dockerfileStages.*` per document with `workspace/configuration` (settings are resource-scoped),
 * caches them until the client says they changed, and reports each invalid value once.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<AnalysisSettings>>();
  private readonly reportedProblems = new Set<string>();
  private canPull = false;
  private canRegister = false;

  constructor(
    private readonly connection: Connection,
    private readonly rules: readonly Rule[],
  ) {}

  setClientCapabilities(capabilities: ClientCapabilities): void {
    this.canPull = capabilities.workspace?.configuration === true;
    this.canRegister = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  }

  async registerForChanges(): Promise<void> {
    if (this.canRegister) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, {
        section: SETTINGS_SECTION,
      });
    }
  }

  get(uri: string): Promise<AnalysisSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.load(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async load(uri: string): Promise<AnalysisSettings> {
    if (!this.canPull) {
      return DEFAULT_SETTINGS;
    }
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
    } catch (error) {
      this.connection.console.warn(
        `Could not read ${SETTINGS_SECTION} settings; using the defaults. ${String(error)}`,
      );
      return DEFAULT_SETTINGS;
    }
    const { settings, problems } = normalizeSettings(
      raw,
      this.rules.map((rule) => rule.id),
    );
    for (const problem of problems) {
      if (!this.reportedProblems.has(problem)) {
        this.reportedProblems.add(problem);
        this.connection.console.warn(problem);
      }
    }
    return settings;
  }
}
