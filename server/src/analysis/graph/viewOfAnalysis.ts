import type { AnalysisResult } from '../analyze';
import type { AnalysisSettings } from '../settings';
import { computeStageFacts } from '../stageFacts';
import { reachableStages, resolveTargetStage } from '../stageReachability';
import { buildStageGraphView, type StageGraphView } from './stageGraphView';

/** The graph view of an analysed document under the given settings (target, build args, image overrides). */
export function viewOfAnalysis(analysis: AnalysisResult, settings: AnalysisSettings): StageGraphView {
  const target = resolveTargetStage(analysis.graph, settings.target);
  const facts = computeStageFacts(analysis.graph, settings);
  return buildStageGraphView(
    analysis,
    (index) => facts[index]?.image,
    reachableStages(analysis.graph, target),
    target?.index,
  );
}
