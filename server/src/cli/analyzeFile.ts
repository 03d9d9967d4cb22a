import { analyze, type RuleFailure } from '../analysis/analyze';
import type { Finding } from '../analysis/findings';
import { viewOfAnalysis, type StageGraphView } from '../analysis/graph';
import type { AnalysisSettings } from '../analysis/settings';

/** One file for the analysis: its text and the index of its settings in the run's settings table. */
export interface AnalysisJob {
  readonly text: string;
  readonly settingsIndex: number;
}

/** What the CLI reports for one file. Plain data, so it can cross from a worker thread. */
export interface FileOutcome {
  readonly findings: readonly Finding[];
  readonly failures: readonly RuleFailure[];
  /** The stage graph, computed only when a graph format asked for it. */
  readonly graph: StageGraphView | undefined;
}

/** Analyses one file's text, as the language server would, and draws its graph when asked. */
export function analyzeFile(text: string, settings: AnalysisSettings, withGraph: boolean): FileOutcome {
  const result = analyze(text, settings);
  return {
    findings: result.findings,
    failures: result.failures,
    graph: withGraph ? viewOfAnalysis(result, settings) : undefined,
  };
}
