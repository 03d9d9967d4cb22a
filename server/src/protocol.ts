/**
 * Requests and notifications of dockerfile-stages beyond standard LSP, declared once for the server and
 * the client. Only types and method names live here, so both bundles can import it.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { GraphSummary, StageGraphView } from './analysis/graph';

export type { EdgeProblem, GraphEdge, GraphNode, StageGraphView } from './analysis/graph';

export interface StageGraphParams {
  /** The Dockerfile to draw. */
  readonly uri: string;
}

export interface StageGraphResult extends StageGraphView {
  readonly uri: string;
  /** The document version the graph was computed for; the view drops answers older than what it shows. */
  readonly version: number;
  /** The same graph as Mermaid text, for "Copy as Mermaid". */
  readonly mermaid: string;
  /** The status bar line: stage count and the C-library path into the target stage. */
  readonly summary: GraphSummary;
}

/**
 * `dockerfileStages/stageGraph`: the stage graph of an open Dockerfile, with each stage's libc badge and
 * every reference edge flagged when it carries a libc, glibc-version or platform finding. Answers `null`
 * when the document is not open.
 */
export const StageGraphRequest = new RequestType<StageGraphParams, StageGraphResult | null, void>(
  'dockerfileStages/stageGraph',
);

/**
 * The client command a stage's code lens runs to open the references peek. Its arguments are plain JSON,
 * `[uri: string, position: Position, locations: Location[]]`; the client turns them into editor types.
 */
export const SHOW_STAGE_REFERENCES_COMMAND = 'dockerfileStages.showStageReferences';
