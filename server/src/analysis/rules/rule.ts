import type { RuleFinding, Severity } from '../findings';
import type { ParsedDockerfile } from '../parseDockerfile';
import type { AnalysisSettings } from '../settings';
import type { Stage, StageGraph } from '../stageModel';

/** What every rule gets: the document parsed once, its stage graph and the settings in force. */
export interface RuleContext {
  readonly parsed: ParsedDockerfile;
  readonly graph: StageGraph;
  readonly settings: AnalysisSettings;
  /** The stage being built (the configured target, else the last stage). */
  readonly target: Stage | undefined;
  /** Indexes of the stages the target needs. */
  readonly reachable: ReadonlySet<number>;
}

/** One check, with the metadata that the docs, the settings schema and the SARIF output read. */
export interface Rule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line, shown in docs, SARIF and settings. */
  readonly description: string;
  check(context: RuleContext, report: (finding: RuleFinding) => void): void;
}

/** A stage as people read it in messages: its name, or its index when it has none. */
export function describeStage(stage: Stage): string {
  return stage.name !== undefined ? `'${stage.name}'` : `${stage.index} (unnamed)`;
}
