import { findBuildSignals } from '../artifacts';
import type { Fix, FixProvider } from './fix';
import { copyEdgeStagesOf } from './copyEdgeFindingData';
import { builderOnFamily, runtimeOnBuilderFamily } from './libcImageSwitches';
import { insertLineAfterFrom, replaceBaseImage, stageLabel } from './stageLineEdits';
import { keepResolving } from './verifyFix';

/**
 * LibcMismatch: run the artifact on an image of the builder's C library, build it on the runtime's, or
 * (Go) build it static so no C library is needed at all. Each title names what it writes.
 */
export const libcMismatchFixes: FixProvider = {
  ruleId: 'LibcMismatch',
  fixes(finding, context) {
    const edge = copyEdgeStagesOf(finding, context);
    if (!edge) {
      return [];
    }
    const { data, target, targetFacts, source, sourceFacts } = edge;
    const graph = context.analysis.graph;
    const fixes: Fix[] = [];

    // Go links no C library with cgo off, which fits every runtime, scratch and distroless/static included.
    if (data.goBuild && source && sourceFacts) {
      const builds = findBuildSignals({
        runs: sourceFacts.runs,
        env: sourceFacts.env,
        args: sourceFacts.args,
      }).goBuilds;
      const cgoForced = builds.some((build) => build.cgo !== undefined && build.cgo !== '0');
      if (builds.length > 0 && !cgoForced) {
        fixes.push({
          title: `Build a static binary (ENV CGO_ENABLED=0 in stage ${stageLabel(source)})`,
          kind: 'quickfix',
          isPreferred: true,
          edits: [insertLineAfterFrom(context, source, 'ENV CGO_ENABLED=0')],
        });
      }
    }

    // The runtime on the builder's family only when the artifact links what the builder has.
    if (sourceFacts && targetFacts && sourceFacts.image.libc === data.sourceLibc) {
      const image = runtimeOnBuilderFamily(sourceFacts.image, targetFacts.image, data.targetImage);
      const edit = image ? replaceBaseImage(graph, target, image) : undefined;
      if (image && edit) {
        fixes.push({
          title: `Use base image '${image}' for stage ${stageLabel(target)} (${data.sourceLibc}, as the builder)`,
          kind: 'quickfix',
          ...(fixes.length === 0 ? { isPreferred: true } : {}),
          edits: [edit],
        });
      }
    }

    if (source && sourceFacts && targetFacts && (data.targetLibc === 'musl' || data.targetLibc === 'glibc')) {
      const image = builderOnFamily(
        data.sourceImage,
        sourceFacts.image,
        data.targetLibc,
        targetFacts.image.release,
      );
      const edit = image ? replaceBaseImage(graph, source, image) : undefined;
      if (image && edit) {
        fixes.push({
          title: `Use base image '${image}' for stage ${stageLabel(source)} (${data.targetLibc}, as the runtime)`,
          kind: 'quickfix',
          edits: [edit],
        });
      }
    }
    return keepResolving(fixes, finding, context);
  },
};
