import { compareGlibc } from '../images';
import { computeCopyEdges, type CopyEdge } from '../crossStage/copyEdges';
import { copyEdgeData, describeSource, describeTarget } from '../crossStage/edgeDescriptions';
import type { Rule } from './rule';

/**
 * A dynamically linked glibc artifact is copied into a stage whose glibc is older than the one it was
 * built against. glibc is only backward compatible, so the binary asks for symbol versions the
 * runtime lacks (libc.md §4, §7; docker-library/official-images#14857). Fires only when both
 * versions are known; a glibc floor pinned by the build (`cargo zigbuild --target …-gnu.2.17`)
 * replaces the builder's version.
 *
 * Reported on the `--from` / `from=` value. `data` is CopyEdgeData (crossStage/edgeDescriptions.ts)
 * plus `sourceGlibc` and `targetGlibc` (e.g. '2.36' and '2.31').
 */
export const glibcVersionSkew: Rule = {
  id: 'GlibcVersionSkew',
  defaultSeverity: 'warning',
  description: 'A glibc binary is copied into a stage with an older glibc than it was built against.',
  check({ graph, settings }, report) {
    for (const edge of computeCopyEdges(graph, settings)) {
      const skew = findSkew(edge);
      if (!skew) {
        continue;
      }
      report({
        range: edge.reference.valueRange,
        message: skew.message,
        data: { ...copyEdgeData(edge), sourceGlibc: skew.sourceGlibc, targetGlibc: skew.targetGlibc },
      });
    }
  },
};

interface Skew {
  readonly message: string;
  readonly sourceGlibc: string;
  readonly targetGlibc: string;
}

function findSkew(edge: CopyEdge): Skew | undefined {
  const linkage = edge.linkage;
  const target = edge.target.image;
  // Trees such as venvs mostly hold wheels with their own low glibc floors, so only binaries count.
  if (linkage.kind !== 'dynamic' || linkage.libc !== 'glibc' || linkage.tree || target.libc !== 'glibc') {
    return undefined;
  }
  // A vendor's prebuilt binary (node, a JDK) was not built on the builder's release, so only its own floor counts.
  const builderGlibc =
    edge.sourceImage.libc === 'glibc' && linkage.vendorBuild !== true
      ? edge.sourceImage.glibcVersion
      : undefined;
  const sourceGlibc = linkage.glibcFloor ?? builderGlibc;
  const targetGlibc = target.glibcVersion;
  if (sourceGlibc === undefined || targetGlibc === undefined || compareGlibc(sourceGlibc, targetGlibc) <= 0) {
    return undefined;
  }
  const what = linkage.what.charAt(0).toUpperCase() + linkage.what.slice(1);
  const previous = edge.sourceImage.previousBase;
  const rebased =
    previous?.glibcVersion !== undefined && compareGlibc(previous.glibcVersion, targetGlibc) <= 0
      ? ` ${edge.sourceImageReference ?? 'The builder image'} moved from ${previous.releaseLabel} to ${edge.sourceImage.releaseLabel ?? 'a newer release'} on ${previous.until}, which is when this started to fail.`
      : '';
  const built =
    linkage.glibcFloor !== undefined
      ? `targets glibc ${sourceGlibc}`
      : `is built against glibc ${sourceGlibc}`;
  return {
    sourceGlibc,
    targetGlibc,
    message:
      `${what} from ${describeSource(edge)} ${built}, but this stage runs on ${describeTarget(edge)}: ` +
      `it fails with "version \`GLIBC_…' not found" (glibc is only backward compatible). ` +
      `Build on the runtime's release (or older), run it on glibc ${sourceGlibc} or newer, or link it statically.${rebased}`,
  };
}
