/** The stage graph as a picture: one view model, drawn by the webview, Mermaid and DOT. */
export {
  buildStageGraphView,
  MISMATCH_RULES,
  stageNodeId,
  type EdgeProblem,
  type GraphEdge,
  type GraphNode,
  type StageGraphView,
} from './stageGraphView';
export { edgeText, nodeLines, type NodeLine, type NodeLineRole } from './graphLabels';
export { summarizeGraph, type GraphSummary } from './graphSummary';
export { toDot } from './toDot';
export { viewOfAnalysis } from './viewOfAnalysis';
export { toMermaid } from './toMermaid';
