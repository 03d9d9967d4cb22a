import type { Fix, FixProvider } from './fix';
import { copyEdgeStagesOf } from './copyEdgeFindingData';
import { builderOnFamily, runtimeOnBuilderFamily } from './libcImageSwitches';
import { keepResolving } from './verifyFix';
import { replaceBaseImage, stageLabel } from './stageLineEdits';

/** GlibcVersionSkew: run on the builder's release (preferred), or build on the runtime's. */
export const glibcVersionSkewFixes: FixProvider = {
  ruleId: 'GlibcVersionSkew',
  fixes(finding, context) {
    const edge = copyEdgeStagesOf(finding, context);
    if (!edge?.sourceFacts || !edge.targetFacts) {
      return [];
    }
    const { data, target, source, sourceFacts, targetFacts } = edge;
    const graph = context.analysis.graph;
    const fixes: Fix[] = [];
    const runtime = runtimeOnBuilderFamily(sourceFacts.image, targetFacts.image, data.targetImage);
    const runtimeEdit = runtime ? replaceBaseImage(graph, target, runtime) : undefined;
    if (runtime && runtimeEdit) {
      fixes.push({
        title: `Use base image '${runtime}' for stage ${stageLabel(target)} (${sourceFacts.image.releaseLabel ?? "the builder's release"})`,
        kind: 'quickfix',
        isPreferred: true,
        edits: [runtimeEdit],
      });
    }
    if (source) {
      const builder = builderOnFamily(
        data.sourceImage,
        sourceFacts.image,
        'glibc',
        targetFacts.image.release,
      );
      const builderEdit = builder ? replaceBaseImage(graph, source, builder) : undefined;
      if (builder && builderEdit) {
        fixes.push({
          title: `Use base image '${builder}' for stage ${stageLabel(source)} (${targetFacts.image.releaseLabel ?? "the runtime's release"})`,
          kind: 'quickfix',
          edits: [builderEdit],
        });
      }
    }
    return keepResolving(fixes, finding, context);
  },
};
