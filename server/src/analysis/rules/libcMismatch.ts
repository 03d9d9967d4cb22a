import { computeCopyEdges, type CopyEdge } from '../crossStage/copyEdges';
import {
  copyEdgeData,
  describeSource,
  describeTarget,
  distributionName,
} from '../crossStage/edgeDescriptions';
import type { Rule } from './rule';

/**
 * A stage copies a native artifact from a stage (or image) with another C library: glibc into musl,
 * musl into glibc, or a dynamic glibc/musl binary into an image without any C library (libc.md §8
 * step 4). Static builds, non-native files, paths nobody can classify and binaries of unknown linkage
 * (those that ship in a musl image, see artifactLinkage.ts) never fire, and a target
 * that installs gcompat/libc6-compat lowers the finding to information (libc.md §5.6).
 *
 * Reported on the `--from` / `from=` value. `data` is CopyEdgeData (crossStage/edgeDescriptions.ts):
 * `{ sourceStage, targetStage, sourceImage, targetImage, sourceLibc, targetLibc, sourceRelease?,
 * targetRelease?, goBuild?, rustBuild?, copiedPath? }`, where `sourceLibc` is the artifact's C library
 * (the builder's, unless the build chose another, e.g. a .NET musl RID).
 */
export const libcMismatch: Rule = {
  id: 'LibcMismatch',
  defaultSeverity: 'warning',
  description:
    'A native artifact is copied between glibc and musl, or into an image without a C library, where it cannot start.',
  check({ graph, settings }, report) {
    for (const edge of computeCopyEdges(graph, settings)) {
      const finding = describeMismatch(edge);
      if (finding) {
        report({
          range: edge.reference.valueRange,
          message: finding.message,
          ...(finding.mitigated ? { lowerTo: 'information' as const } : {}),
          data: { ...copyEdgeData(edge), sourceLibc: finding.artifactLibc },
        });
      }
    }
  },
};

interface Mismatch {
  readonly message: string;
  readonly artifactLibc: 'glibc' | 'musl';
  readonly mitigated: boolean;
}

function describeMismatch(edge: CopyEdge): Mismatch | undefined {
  const linkage = edge.linkage;
  const target = edge.target.image;
  if (linkage.kind !== 'dynamic') {
    return undefined;
  }
  const artifactLibc = linkage.libc;
  const intoNone = target.libc === 'none';
  const intoStaticBusybox = target.libc === 'musl' && target.muslStatic === true && artifactLibc === 'musl';
  const crossed =
    (artifactLibc === 'glibc' && target.libc === 'musl') ||
    (artifactLibc === 'musl' && target.libc === 'glibc');
  if (
    (!intoNone && !intoStaticBusybox && !crossed) ||
    (linkage.tree && rebuildsInTarget(edge, linkage.path))
  ) {
    return undefined;
  }
  const what = capitalize(linkage.what);
  const head = `${what} from ${describeSource(edge)} ${linkage.likely ? 'most likely links' : 'links'} ${artifactLibc}${linkage.why}, but this stage runs on ${describeTarget(edge)}`;
  const consequence = intoNone
    ? `${distributionName(target)} has no C library and no loader, so it fails with "exec …: no such file or directory"`
    : intoStaticBusybox
      ? 'busybox:musl has no musl loader (its busybox is static), so it fails with "exec …: no such file or directory"'
      : linkage.tree
        ? treeConsequence(artifactLibc)
        : binaryConsequence(artifactLibc, distributionName(target));
  const mitigated =
    artifactLibc === 'glibc' &&
    target.libc === 'musl' &&
    edge.targetSignals.glibcCompatInstalled &&
    !intoStaticBusybox;
  const mitigation = mitigated
    ? ' gcompat/libc6-compat is installed, which runs simple glibc binaries but not ones that need symbols such as __memcpy_chk.'
    : '';
  return {
    message: `${head}: ${consequence}. ${fixHint(edge, artifactLibc)}${mitigation}`,
    artifactLibc,
    mitigated,
  };
}

function binaryConsequence(artifactLibc: 'glibc' | 'musl', targetName: string): string {
  return artifactLibc === 'glibc'
    ? `the glibc loader /lib64/ld-linux-x86-64.so.2 does not exist on ${targetName}, so it fails with "exec …: no such file or directory" (or "Error relocating …: symbol not found")`
    : `the musl loader /lib/ld-musl-x86_64.so.1 does not exist on ${targetName}, so it fails with "exec …: no such file or directory"`;
}

function treeConsequence(artifactLibc: 'glibc' | 'musl'): string {
  return artifactLibc === 'glibc'
    ? 'its native modules fail to load with "Error loading shared library ld-linux-x86-64.so.2"'
    : 'its native modules fail to load with "libc.musl-x86_64.so.1: cannot open shared object file"';
}

function fixHint(edge: CopyEdge, artifactLibc: 'glibc' | 'musl'): string {
  const linkage = edge.linkage;
  if (linkage.kind !== 'dynamic') {
    return '';
  }
  if (linkage.tool === 'go') {
    return 'Build it with CGO_ENABLED=0, or run it on an image with ' + `${artifactLibc}.`;
  }
  if (linkage.tool === 'cargo') {
    return `Build it for a *-unknown-linux-musl target (static), or run it on an image with ${artifactLibc}.`;
  }
  if (linkage.tree) {
    return 'Install it in a stage with the same C library as this one.';
  }
  const targetLibc = edge.target.image.libc;
  const runElsewhere = `run it on an image with ${artifactLibc}`;
  if (targetLibc !== 'glibc' && targetLibc !== 'musl') {
    // Nothing but a static build runs without a C library, and only a compiler flag can make one.
    return linkage.origin === undefined
      ? `Link it statically, or ${runElsewhere}.`
      : `${capitalize(runElsewhere)}.`;
  }
  switch (linkage.origin) {
    case 'dotnet-publish':
      return `Publish it with -r ${targetLibc === 'musl' ? 'linux-musl-x64' : 'linux-x64'} (or the arm64 equivalent), or ${runElsewhere}.`;
    case 'jlink':
      return `Run jlink on a JDK built for ${targetLibc} (${targetLibc === 'musl' ? "the JDK image's -alpine variant" : 'a Debian, Ubuntu or UBI variant'}), or ${runElsewhere}.`;
    case 'image':
      return targetLibc === 'musl'
        ? `Copy it from a musl build of that image (often its -alpine tag) or install it with apk, or ${runElsewhere}.`
        : `Install it with this stage's package manager instead, or ${runElsewhere}.`;
    default:
      return `Link it statically, or ${runElsewhere}.`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Install commands that rebuild a copied tree for the stage's own C library (libc.md §5.6: the runtime
 * stage runs the build itself), keyed by a path segment of the tree they rebuild.
 */
const REBUILDS: readonly { readonly segment: RegExp; readonly command: RegExp }[] = [
  { segment: /(^|\/)node_modules(\/|$)/, command: /\b(?:npm|pnpm|yarn)\s+(?:ci|install|rebuild)\b/ },
  {
    segment: /(^|\/)(?:\.?venv|site-packages|install|wheels)(\/|$)/,
    command: /\bpip3?\s+install\b|\buv\s+sync\b/,
  },
  { segment: /(^|\/)bundle(\/|$)/, command: /\bbundle\s+(?:install|pristine)\b/ },
];

function rebuildsInTarget(edge: CopyEdge, path: string): boolean {
  return REBUILDS.some(
    (rebuild) => rebuild.segment.test(path) && edge.target.runs.some((run) => rebuild.command.test(run)),
  );
}
