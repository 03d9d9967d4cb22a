import {
  DidChangeConfigurationNotification,
  type ClientCapabilities,
  type Connection,
} from 'vscode-languageserver';
import type { Rule } from '../analysis/rules/rule';
import { withoutRulesReportedByDockerDx } from '../analysis/dockerDxOverlap';
import { mergeUnderUserSettings, PROJECT_CONFIG_FILE, relabelProblems } from '../analysis/projectConfig';
import { DEFAULT_SETTINGS, normalizeSettings, type AnalysisSettings } from '../analysis/settings';
import { ProjectConfigReader } from './projectConfig';
import { ProjectConfigDiagnostics } from './projectConfigDiagnostics';

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
  private dockerDx = false;
  private readonly projectConfig = new ProjectConfigReader();
  private readonly projectDiagnostics: ProjectConfigDiagnostics;

  constructor(
    private readonly connection: Connection,
    private readonly rules: readonly Rule[],
  ) {
    this.projectDiagnostics = new ProjectConfigDiagnostics(connection);
  }

  setClientCapabilities(capabilities: ClientCapabilities): void {
    this.canPull = capabilities.workspace?.configuration === true;
    this.canRegister = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  }

  /** Docker DX reports BuildKit's checks itself: the rules that repeat them default to off. */
  setDockerDx(present: boolean): void {
    this.dockerDx = present;
    this.cache.clear();
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
    this.projectConfig.clear();
    this.projectDiagnostics.clearAll();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async load(uri: string): Promise<AnalysisSettings> {
    const settings = await this.loadConfigured(uri);
    return this.dockerDx ? withoutRulesReportedByDockerDx(settings) : settings;
  }

  private async loadConfigured(uri: string): Promise<AnalysisSettings> {
    const ruleIds = this.rules.map((rule) => rule.id);
    // The workspace's .dockerfile-stages.json applies under the user's settings, as in the CLI.
    const project = this.projectConfig.forDocument(uri);
    const fromProject = normalizeSettings(project.raw ?? {}, ruleIds);
    const projectLabel = project.path ?? PROJECT_CONFIG_FILE;
    const projectProblems = [...project.problems, ...relabelProblems(fromProject.problems, projectLabel)];
    this.warnOnce(projectProblems);
    if (project.path !== undefined) {
      this.projectDiagnostics.publish(project.path, projectProblems, project.text);
    }
    if (!this.canPull) {
      return project.raw === undefined ? DEFAULT_SETTINGS : fromProject.settings;
    }
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
    } catch (error) {
      this.connection.console.warn(
        `Could not read ${SETTINGS_SECTION} settings; using the defaults. ${String(error)}`,
      );
      return project.raw === undefined ? DEFAULT_SETTINGS : fromProject.settings;
    }
    const { settings: fromUser, problems } = normalizeSettings(raw, ruleIds);
    this.warnOnce(problems);
    return project.raw === undefined ? fromUser : mergeUnderUserSettings(fromProject.settings, fromUser);
  }

  private warnOnce(problems: readonly string[]): void {
    for (const problem of problems) {
      if (!this.reportedProblems.has(problem)) {
        this.reportedProblems.add(problem);
        this.connection.console.warn(problem);
      }
    }
  }
}
