import {
  classifyCopiedPath,
  findKnownImageArtifact,
  isCgoAutoDisabled,
  isStaticBuilderImage,
  type BinaryOutput,
  type BuildSignals,
  type CargoBuild,
  type GoBuild,
} from '../artifacts';
import type { BuildSignalKind } from '../artifacts';
import type { ImageFacts } from '../images';

/**
 * What a copied artifact needs from the C library of the stage it lands in, decided from the copied
 * paths and the producing stage's build signals (libc.md §5, §8 steps 2–3).
 */
export type ArtifactLinkage =
  /** Nothing copied is known to be native: sources, assets, configuration, or paths nobody can tell. */
  | { readonly kind: 'not-native' }
  /**
   * Native for some CPU, but whether it links a C library cannot be told: a binary that ships in a musl
   * image (Alpine-based images ship many static Go binaries, such as caddy and traefik).
   */
  | { readonly kind: 'native-unknown'; readonly path: string }
  /** Native, but built not to need a C library (CGO_ENABLED=0, a musl target, -static…). */
  | { readonly kind: 'static'; readonly path: string; readonly reason: string }
  /** Native and dynamically linked against `libc` (the builder's, unless a flag chose another). */
  | {
      readonly kind: 'dynamic';
      readonly path: string;
      readonly libc: 'glibc' | 'musl';
      /** What the artifact is, for messages: 'a Go binary', 'node_modules', 'a native binary'. */
      readonly what: string;
      /** Why it is taken to be dynamic, for messages; empty when it simply follows the builder. */
      readonly why: string;
      /** A glibc floor pinned by the build (zig/cargo-zigbuild `…-gnu.2.17`), instead of the builder's version. */
      readonly glibcFloor?: string;
      readonly tool: 'go' | 'cargo' | 'other';
      /** A directory of native code whose libc follows its install (node_modules, a venv), not one binary. */
      readonly tree: boolean;
      /** Dynamic by default but not certainly (a Go program that imports neither net nor os/user is static). */
      readonly likely?: boolean;
      /**
       * Built by a vendor elsewhere (the node binary, a JDK and its jlink runtimes), not on the builder's
       * release: it needs the builder's C library family, but only `glibcFloor` says which glibc version.
       */
      readonly vendorBuild?: boolean;
      /**
       * Where it comes from when no compiler flag can change it, for the remedy: a .NET publish, a jlink
       * runtime, or a file that ships in the image or its packages.
       */
      readonly origin?: 'dotnet-publish' | 'jlink' | 'image';
    };

/** The producing side of a copy. */
export interface ArtifactSource {
  readonly image: ImageFacts;
  /** The image reference the artifact comes from, for `COPY --from=<image>` and known-artifact lookups. */
  readonly imageReference: string | undefined;
  /** Build signals of the producing stage; undefined when the source is an image nobody built here. */
  readonly signals: BuildSignals | undefined;
  /** The RUN texts of the producing stage and its FROM chain, to see whether it installs packages. */
  readonly runs?: readonly string[];
  /** The `ADD <url>` arguments of the producing stage and its FROM chain. */
  readonly downloads?: readonly string[];
}

/** `apk add`: a musl stage that installs packages ships their dynamically linked binaries. */
const APK_ADD = /\bapk\s+(?:[^\n;&|]*\s)?add\b/;

/** A RUN that fetches files: what it fetches is a released binary, often static (kubectl, helm, tini-static). */
const DOWNLOAD = /\b(?:curl|wget)\b/;

const STATIC_SIGNALS: ReadonlySet<BuildSignalKind> = new Set<BuildSignalKind>([
  'go-cgo-disabled',
  'go-static-ldflags',
  'go-netgo-osusergo',
  'xx-verify-static',
  'rust-musl-target',
  'rust-crt-static',
  'c-static',
  'zig-musl-target',
  'graalvm-static-musl',
  'graalvm-static',
]);

/** Installs that pick native packages for an explicit platform: the tree no longer follows the builder. */
const PLATFORM_INSTALL_SIGNALS: ReadonlySet<BuildSignalKind> = new Set<BuildSignalKind>([
  'pip-platform',
  'node-platform-install',
  'bundle-force-ruby-platform',
]);

/**
 * Decides what the copied `paths` need. Precision over recall: a path is native only when
 * classifyCopiedPath or the stage's own build outputs say so, and any static-build signal for it
 * makes it static.
 */
export function decideArtifactLinkage(source: ArtifactSource, paths: readonly string[]): ArtifactLinkage {
  const builderLibc = source.image.libc;
  if (builderLibc !== 'glibc' && builderLibc !== 'musl') {
    return { kind: 'not-native' };
  }
  const outputs = source.signals?.binaryOutputs ?? [];
  for (const path of paths) {
    if (source.signals === undefined && source.imageReference !== undefined) {
      const known = findKnownImageArtifact(source.imageReference, path);
      if (known !== undefined && known.verdict !== 'vendor-build') {
        continue;
      }
    }
    const pathClass = classifyCopiedPath(path, { binaryOutputs: outputs.map((output) => output.path) });
    if (pathClass === 'native') {
      return decideBinary(
        source,
        builderLibc,
        path,
        outputs.filter((output) => outputMatches(output.path, path)),
      );
    }
    if (pathClass === 'libc-sensitive-tree') {
      const signals = source.signals?.signals ?? [];
      if (signals.some((signal) => PLATFORM_INSTALL_SIGNALS.has(signal.kind))) {
        continue;
      }
      return {
        kind: 'dynamic',
        path,
        libc: builderLibc,
        what: `'${path}'`,
        why: ' (native modules and interpreters are built for the C library they were installed on)',
        tool: 'other',
        tree: true,
      };
    }
  }
  return { kind: 'not-native' };
}

function decideBinary(
  source: ArtifactSource,
  builderLibc: 'glibc' | 'musl',
  path: string,
  producers: readonly BinaryOutput[],
): ArtifactLinkage {
  const signals = source.signals;
  const dynamic: MakeDynamic = (what, why, tool, libc = builderLibc, glibcFloor) => ({
    kind: 'dynamic',
    path,
    libc,
    what,
    why,
    tool,
    tree: false,
    ...(glibcFloor === undefined ? {} : { glibcFloor }),
  });
  if (signals === undefined) {
    return foundInImage(source, builderLibc, path, true);
  }
  const tool = producers[0]?.tool ?? toolFromPath(path, signals);
  if (tool === 'go') {
    return decideGo(source, signals, path, producers, dynamic);
  }
  if (tool === 'cargo') {
    return decideCargo(source, signals, path, producers, dynamic);
  }
  if (tool === 'dotnet') {
    return decideDotnet(signals, path, producers, builderLibc);
  }
  if (tool === 'jlink' && isJdkImage(source.image)) {
    // jlink copies the JDK's own native libraries: the vendor's build, not one made on this release.
    return {
      ...dynamicLinkage(path, builderLibc, `the jlink runtime '${path}'`),
      vendorBuild: true,
      origin: 'jlink',
    };
  }
  if (signals.signals.some((signal) => STATIC_SIGNALS.has(signal.kind))) {
    return { kind: 'static', path, reason: 'the stage builds with static-linking flags' };
  }
  const musl = signals.signals.find((signal) => signal.verdict === 'musl');
  const glibc = signals.signals.find((signal) => signal.verdict === 'glibc');
  if (musl && !glibc) {
    return dynamic(`the binary '${path}'`, ` (${musl.matched})`, 'other', 'musl');
  }
  const floor = signals.signals.find((signal) => signal.verdict === 'glibc-floor');
  if (floor?.value !== undefined) {
    return dynamic(`the binary '${path}'`, '', 'other', 'glibc', floor.value);
  }
  if (tool === undefined) {
    // Without a C compiler in the stage the file came with the image or its packages; with one, it may
    // have been built here by means no signal names (make, cmake).
    const shipped = !signals.cCompilerInstalled && source.image.hasCCompiler !== true;
    return foundInImage(source, builderLibc, path, shipped);
  }
  return dynamic(`the binary '${path}'`, '', 'other');
}

/**
 * A native file that no build in this Dockerfile produced: it ships in the image or was installed with
 * the distribution's packages. glibc images' binaries are distribution builds linked to glibc (nginx,
 * node, envoy); the Go toolchain's are static and listed as known artifacts. Alpine-based images often
 * ship static Go binaries instead (caddy, traefik, hadolint), so a musl binary only counts as dynamic
 * when the stage installs it with `apk add`.
 */
function foundInImage(
  source: ArtifactSource,
  builderLibc: 'glibc' | 'musl',
  path: string,
  shipped: boolean,
): ArtifactLinkage {
  if (builderLibc === 'musl' && !(source.runs ?? []).some((run) => APK_ADD.test(run))) {
    return { kind: 'native-unknown', path };
  }
  if (wasDownloaded(source, path)) {
    // Release binaries fetched with curl, wget or ADD <url> are built elsewhere, and many are static.
    return { kind: 'native-unknown', path };
  }
  const known =
    source.imageReference === undefined ? undefined : findKnownImageArtifact(source.imageReference, path);
  if (known?.verdict === 'vendor-build') {
    return {
      ...dynamicLinkage(path, builderLibc, `the binary '${path}'`),
      vendorBuild: true,
      origin: 'image',
      ...(known.glibcFloor === undefined ? {} : { glibcFloor: known.glibcFloor }),
    };
  }
  const linkage = dynamicLinkage(path, builderLibc, `the binary '${path}'`);
  return shipped ? { ...linkage, origin: 'image' } : linkage;
}

/** Whether a curl or wget RUN, or an `ADD <url>`, in the producing chain names the copied file (or directory). */
function wasDownloaded(source: ArtifactSource, path: string): boolean {
  const name =
    path
      .replace(/(?<!\/)\/+$/, '')
      .split('/')
      .pop() ?? '';
  if (name === '' || name === '*') {
    return false;
  }
  return (
    (source.runs ?? []).some((run) => DOWNLOAD.test(run) && run.includes(name)) ||
    (source.downloads ?? []).some((download) => download.includes(name))
  );
}

function dynamicLinkage(path: string, libc: 'glibc' | 'musl', what: string): DynamicLinkage {
  return { kind: 'dynamic', path, libc, what, why: '', tool: 'other', tree: false };
}

/** Images that exist to provide a vendor's JDK (Temurin, Corretto, Semeru, and Maven/Gradle on them). */
function isJdkImage(image: ImageFacts): boolean {
  return image.toolchain === 'jdk' || image.toolchain === 'java-build';
}

type DynamicLinkage = Extract<ArtifactLinkage, { kind: 'dynamic' }>;

type MakeDynamic = (
  what: string,
  why: string,
  tool: 'go' | 'cargo' | 'other',
  libc?: 'glibc' | 'musl',
  glibcFloor?: string,
) => ArtifactLinkage;

function decideGo(
  source: ArtifactSource,
  signals: BuildSignals,
  path: string,
  producers: readonly BinaryOutput[],
  dynamic: MakeDynamic,
): ArtifactLinkage {
  const builds = goBuildsFor(signals, producers);
  if (builds.length === 0) {
    return { kind: 'static', path, reason: 'no go build was found for it' };
  }
  const verifiedStatic = signals.signals.some((signal) => signal.kind === 'xx-verify-static');
  const staticReasons = builds.map((build) => goStaticReason(build, source.image, signals, verifiedStatic));
  if (staticReasons.every((reason) => reason !== undefined)) {
    return { kind: 'static', path, reason: staticReasons[0] ?? '' };
  }
  const build = builds[staticReasons.findIndex((reason) => reason === undefined)] ?? builds[0];
  const dynamicTags = build.tags.includes('dynamic');
  const why =
    build.cgo === '1'
      ? ' (CGO_ENABLED=1)'
      : build.race
        ? ' (-race needs cgo)'
        : dynamicTags
          ? ' (-tags dynamic links shared C libraries)'
          : ' (cgo is on by default when the image has a C compiler)';
  const linkage = dynamic(`the Go binary '${path}'`, why, 'go');
  const certain = build.cgo === '1' || build.race || dynamicTags;
  return certain || linkage.kind !== 'dynamic' ? linkage : { ...linkage, likely: true };
}

function goStaticReason(
  build: GoBuild,
  image: ImageFacts,
  signals: BuildSignals,
  verifiedStatic: boolean,
): string | undefined {
  if (build.cgo === '0') {
    return 'CGO_ENABLED=0';
  }
  // An external link with -static (or a build xx-verify checked) is static with cgo on too: it is how cgo
  // programs are made static.
  if (build.staticLdflags) {
    return '-extldflags -static';
  }
  if (verifiedStatic) {
    return 'xx-verify --static';
  }
  if (build.cgo === '1' || build.race) {
    return undefined;
  }
  if (build.tags.includes('netgo') && build.tags.includes('osusergo')) {
    return '-tags netgo,osusergo';
  }
  if (isCgoAutoDisabled(build, image.hasCCompiler, signals.cCompilerInstalled)) {
    return 'cgo switches itself off without a C compiler';
  }
  if (
    build.cgo === undefined &&
    (build.goarch !== undefined || (build.goos !== undefined && build.goos !== 'linux'))
  ) {
    // Cross-compiling disables cgo unless CC is set; whether GOARCH differs from the builder's is unknown.
    return 'GOOS/GOARCH cross-compilation disables cgo';
  }
  return undefined;
}

function goBuildsFor(signals: BuildSignals, producers: readonly BinaryOutput[]): readonly GoBuild[] {
  const matched = signals.goBuilds.filter((build) =>
    producers.some((producer) => build.outputs.includes(producer.path)),
  );
  return matched.length > 0 ? matched : signals.goBuilds;
}

function decideCargo(
  source: ArtifactSource,
  signals: BuildSignals,
  path: string,
  producers: readonly BinaryOutput[],
  dynamic: MakeDynamic,
): ArtifactLinkage {
  if (/-linux-musl/.test(path)) {
    return { kind: 'static', path, reason: 'a *-unknown-linux-musl target' };
  }
  const builds: readonly CargoBuild[] = signals.cargoBuilds.filter((build) =>
    producers.some((producer) => build.outputs.includes(producer.path)),
  );
  const all = builds.length > 0 ? builds : signals.cargoBuilds;
  const kinds = new Set(signals.signals.map((signal) => signal.kind));
  if (
    all.some((build) => build.targets.some((target) => target.includes('-linux-musl'))) ||
    kinds.has('rust-musl-target') ||
    kinds.has('rust-crt-static') ||
    (source.imageReference !== undefined && isStaticBuilderImage(source.imageReference))
  ) {
    return { kind: 'static', path, reason: 'a static musl or crt-static Rust build' };
  }
  const rustupOnMusl =
    source.image.libc === 'musl' &&
    source.image.toolchain === 'rust' &&
    !kinds.has('distro-rust-on-alpine') &&
    !kinds.has('rust-crt-static-disabled');
  if (rustupOnMusl) {
    return { kind: 'static', path, reason: 'rustup musl toolchains link statically by default' };
  }
  const floor = signals.signals.find((signal) => signal.kind === 'rust-glibc-floor');
  if (floor?.value !== undefined) {
    return dynamic(`the Rust binary '${path}'`, '', 'cargo', 'glibc', floor.value);
  }
  return dynamic(`the Rust binary '${path}'`, '', 'cargo');
}

function decideDotnet(
  signals: BuildSignals,
  path: string,
  producers: readonly BinaryOutput[],
  builderLibc: 'glibc' | 'musl',
): ArtifactLinkage {
  const publish =
    signals.dotnetPublishes.find((candidate) =>
      producers.some((producer) => candidate.outputs.includes(producer.path)),
    ) ?? signals.dotnetPublishes[0];
  if (
    publish === undefined ||
    publish.frameworkDependent ||
    publish.runtimeLibc === 'windows' ||
    publish.runtimeLibc === 'other'
  ) {
    return { kind: 'not-native' };
  }
  if (publish.runtimeIdentifier === undefined && publish.selfContained !== true && !publish.nativeAot) {
    // Framework-dependent output runs with `dotnet App.dll` on any C library.
    return { kind: 'not-native' };
  }
  const libc = publish.runtimeLibc ?? builderLibc;
  return {
    kind: 'dynamic',
    path,
    libc,
    what: `the .NET output '${path}'`,
    why: publish.runtimeIdentifier ? ` (published for ${publish.runtimeIdentifier})` : '',
    tool: 'other',
    tree: false,
    origin: 'dotnet-publish',
  };
}

function toolFromPath(path: string, signals: BuildSignals): BinaryOutput['tool'] | undefined {
  if ((path === '/go/bin' || path.startsWith('/go/bin/')) && signals.goBuilds.length > 0) {
    return 'go';
  }
  if (/(^|\/)target\//.test(path) && signals.cargoBuilds.length > 0) {
    return 'cargo';
  }
  if (path.startsWith('/usr/local/cargo/bin/') && signals.cargoBuilds.length > 0) {
    return 'cargo';
  }
  return undefined;
}

/** Whether a build output is the copied path or lies inside it (relative outputs match the path's end). */
function outputMatches(output: string, path: string): boolean {
  // The lookbehind starts the match only at the beginning of a run of slashes: linear on any input.
  const normalize = (text: string): string =>
    text
      .trim()
      .replace(/^\.\//, '')
      .replace(/(?<!\/)\/+$/, '');
  const out = normalize(output);
  const copied = normalize(path);
  if (out === '' || copied === '') {
    return false;
  }
  if (out.startsWith('/')) {
    return out === copied || out.startsWith(`${copied}/`);
  }
  return copied === out || copied.endsWith(`/${out}`);
}

/**
 * Whether any copied path is native code for some CPU, whatever its C library: what the platform rule
 * needs, since even a static binary runs on one architecture only.
 */
export function copiesNativeCode(source: ArtifactSource, paths: readonly string[]): boolean {
  if (decideArtifactLinkage(source, paths).kind !== 'not-native') {
    return true;
  }
  const outputs = (source.signals?.binaryOutputs ?? []).filter((output) => output.tool !== 'dotnet');
  return paths.some((path) => {
    if (source.signals === undefined && source.imageReference !== undefined) {
      if (findKnownImageArtifact(source.imageReference, path)?.verdict === 'portable') {
        return false;
      }
    }
    const pathClass = classifyCopiedPath(path, { binaryOutputs: outputs.map((output) => output.path) });
    return pathClass === 'native';
  });
}
