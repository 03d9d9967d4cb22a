import { findCrossCompileSignals, normalizeArchitecture, type CrossCompileSignals } from '../artifacts';
import { copiesNativeCode } from '../crossStage/artifactLinkage';
import { computeCopyEdges, type CopyEdge } from '../crossStage/copyEdges';
import { copyEdgeData, describeSource } from '../crossStage/edgeDescriptions';
import type { Rule } from './rule';

/**
 * Native code comes from a stage pinned to another platform than the stage it is copied into
 * (libc.md §6): two constant `--platform` values that name different systems, or a
 * `--platform=$BUILDPLATFORM` stage that builds without cross-compiling (no GOOS/GOARCH from
 * TARGETOS/TARGETARCH, no `--target`, no xx- helpers, no `dotnet -a/-r`) for a stage that runs on
 * the target platform. Copies from images and stages without `--platform` never fire.
 *
 * Reported on the `--from` / `from=` value. `data` is CopyEdgeData (crossStage/edgeDescriptions.ts)
 * plus `sourcePlatform` and `targetPlatform` (the expanded `--platform` values; `targetPlatform` is
 * undefined when the stage builds for the target platform).
 */
export const platformMismatch: Rule = {
  id: 'PlatformMismatch',
  defaultSeverity: 'warning',
  description:
    'Native code is copied from a stage built for another platform, so it fails with "exec format error".',
  check({ graph, settings }, report) {
    const crossSignals = new Map<number, CrossCompileSignals>();
    for (const edge of computeCopyEdges(graph, settings)) {
      const source = edge.source;
      if (!source || source.platform === undefined) {
        continue;
      }
      const signals = crossSignals.get(source.stage.index) ?? findCrossCompileSignals(source.buildInput);
      crossSignals.set(source.stage.index, signals);
      const message = describePlatformMismatch(edge, source.platform, edge.target.platform, signals);
      if (!message) {
        continue;
      }
      if (!copiesNativeCode(nativeSource(edge), edge.paths)) {
        continue;
      }
      report({
        range: edge.reference.valueRange,
        message,
        data: {
          ...copyEdgeData(edge),
          sourcePlatform: source.platform,
          ...(edge.target.platform === undefined ? {} : { targetPlatform: edge.target.platform }),
        },
      });
    }
  },
};

function nativeSource(edge: CopyEdge) {
  return { image: edge.sourceImage, imageReference: edge.sourceImageReference, signals: edge.sourceSignals };
}

const BUILD_PLATFORM = /\$\{?BUILD(?:PLATFORM|OS|ARCH)\b/;
const TARGET_PLATFORM = /\$\{?TARGETPLATFORM\b/;
const CROSS_KINDS: ReadonlySet<string> = new Set([
  'go-target-env',
  'cargo-target',
  'rustup-target',
  'cargo-build-target-env',
  'xx-helper',
  'dotnet-arch',
  'dotnet-runtime',
  'zig-target',
  'platform-flag',
  'cross-c-compiler',
]);

function describePlatformMismatch(
  edge: CopyEdge,
  sourcePlatform: string,
  targetPlatform: string | undefined,
  signals: CrossCompileSignals,
): string | undefined {
  const what = `'${edge.paths.join("', '")}' from ${describeSource(edge)}`;
  if (BUILD_PLATFORM.test(sourcePlatform)) {
    const targetFollowsBuild = targetPlatform !== undefined && BUILD_PLATFORM.test(targetPlatform);
    const targetIsTarget = targetPlatform === undefined || TARGET_PLATFORM.test(targetPlatform);
    if (targetFollowsBuild || !targetIsTarget) {
      return undefined;
    }
    const crossCompiles =
      signals.signals.some((signal) => CROSS_KINDS.has(signal.kind)) ||
      signals.referencedPlatformArgs.some((name) => name.startsWith('TARGET'));
    if (crossCompiles) {
      return undefined;
    }
    return (
      `${what} is native code built on --platform=${sourcePlatform} (the machine running the build) without cross-compiling, ` +
      'but this stage runs on the target platform: whenever they differ it fails with "exec format error". ' +
      'Build for $TARGETARCH (ARG TARGETARCH, then GOARCH=$TARGETARCH, cargo --target, an xx- helper or dotnet -a $TARGETARCH).'
    );
  }
  if (sourcePlatform.includes('$') || targetPlatform === undefined || targetPlatform.includes('$')) {
    return undefined;
  }
  const source = parsePlatform(sourcePlatform);
  const target = parsePlatform(targetPlatform);
  if (!source || !target || samePlatform(source, target)) {
    return undefined;
  }
  if (
    signals.signals.some(
      (signal) => CROSS_KINDS.has(signal.kind) && signal.architecture === target.architecture,
    )
  ) {
    return undefined;
  }
  return (
    `${what} is native code for ${sourcePlatform}, but this stage runs on ${targetPlatform}: ` +
    `it fails with "exec format error". Build it for ${targetPlatform} or give both stages the same --platform.`
  );
}

interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant: string | undefined;
}

function parsePlatform(text: string): Platform | undefined {
  const [os = '', arch = '', variant] = text.trim().toLowerCase().split('/');
  const normalized = normalizeArchitecture(arch);
  if (os === '' || !normalized) {
    return undefined;
  }
  return { os, architecture: normalized.architecture, variant: variant ?? normalized.variant };
}

function samePlatform(a: Platform, b: Platform): boolean {
  // A missing variant means the default one, so only two explicit, different variants differ.
  const variantsDiffer = a.variant !== undefined && b.variant !== undefined && a.variant !== b.variant;
  return a.os === b.os && a.architecture === b.architecture && !variantsDiffer;
}
