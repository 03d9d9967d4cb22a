import { summarizeGraph, toMermaid, viewOfAnalysis } from '../analysis/graph';
import { StageGraphRequest } from '../protocol';
import type { Feature } from './feature';

/** Answers `dockerfileStages/stageGraph` for the graph view; the client only renders what it gets. */
export const stageGraphFeature: Feature = {
  name: 'stageGraph',
  capabilities: () => ({}),
  register({ connection, analyses }) {
    connection.onRequest(StageGraphRequest, async ({ uri }) => {
      const analysis = await analyses.get(uri);
      if (!analysis) {
        return null;
      }
      const view = viewOfAnalysis(analysis.result, analysis.settings);
      return {
        uri,
        version: analysis.version,
        ...view,
        mermaid: toMermaid(view),
        summary: summarizeGraph(view),
      };
    });
  },
};
