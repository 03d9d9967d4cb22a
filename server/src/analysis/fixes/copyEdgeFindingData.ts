import type { CopyEdgeData } from '../crossStage/edgeDescriptions';
import type { Finding } from '../findings';
import { computeStageFacts, type StageFacts } from '../stageFacts';
import type { Stage } from '../stageModel';
import type { FixContext } from './fix';

/**
 * Reads the CopyEdgeData of a LibcMismatch, GlibcVersionSkew or PlatformMismatch finding
 * (crossStage/edgeDescriptions.ts), or undefined when the finding does not carry it.
 */
function copyEdgeDataOf(finding: Finding): CopyEdgeData | undefined {
  const data = finding.data;
  if (
    !data ||
    typeof data.sourceStage !== 'number' ||
    typeof data.targetStage !== 'number' ||
    typeof data.sourceImage !== 'string' ||
    typeof data.targetImage !== 'string' ||
    typeof data.sourceLibc !== 'string' ||
    typeof data.targetLibc !== 'string'
  ) {
    return undefined;
  }
  return data as unknown as CopyEdgeData;
}

/** The two ends of a copy-edge finding in the analysed file, with their facts. */
export interface CopyEdgeStages {
  readonly data: CopyEdgeData;
  readonly target: Stage;
  readonly targetFacts: StageFacts | undefined;
  /** The producing stage; undefined for `COPY --from=<image>`. */
  readonly source: Stage | undefined;
  readonly sourceFacts: StageFacts | undefined;
}

/**
 * The stages and facts a LibcMismatch, GlibcVersionSkew or PlatformMismatch finding points at, or undefined
 * when it carries no edge data or its receiving stage is gone.
 */
export function copyEdgeStagesOf(finding: Finding, context: FixContext): CopyEdgeStages | undefined {
  const data = copyEdgeDataOf(finding);
  const graph = context.analysis.graph;
  const target = data ? graph.stages[data.targetStage] : undefined;
  if (!data || !target) {
    return undefined;
  }
  const facts = computeStageFacts(graph, context.settings);
  const source = data.sourceStage >= 0 ? graph.stages[data.sourceStage] : undefined;
  return {
    data,
    target,
    targetFacts: facts[target.index],
    source,
    sourceFacts: source ? facts[source.index] : undefined,
  };
}
