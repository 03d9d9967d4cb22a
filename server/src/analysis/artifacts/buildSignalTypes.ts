import { buildSignalCatalog, type BuildSignalKind, type SignalVerdict } from './buildSignalCatalog';
import type { ShellCommand, ShellWord } from './shellWords';
import type { StageBuildInput } from './stageVariables';

/** Where a signal was found: inside a `RUN` (offsets into that RUN's text), or in an `ENV`/`ARG` of the stage. */
export type SignalLocation =
  | { readonly kind: 'run'; readonly runIndex: number; readonly start: number; readonly end: number }
  | { readonly kind: 'env'; readonly key: string }
  | { readonly kind: 'arg'; readonly key: string };

export interface BuildSignal {
  readonly kind: BuildSignalKind;
  readonly verdict: SignalVerdict;
  /** The text that matched, e.g. 'CGO_ENABLED=0' or a whole `go build …` command (shortened when long). */
  readonly matched: string;
  /** The interesting value, e.g. a target triple, a runtime identifier, a package name, a glibc floor. */
  readonly value?: string;
  readonly location: SignalLocation;
  readonly source: string;
}

export type BinaryTool = 'go' | 'cargo' | 'cc' | 'zig' | 'native-image' | 'dotnet' | 'jlink' | 'mix';

/** A path a build command writes native output to, as written (relative paths are relative to the RUN's WORKDIR). */
export interface BinaryOutput {
  readonly path: string;
  readonly tool: BinaryTool;
  readonly isDirectory: boolean;
  readonly location: SignalLocation;
}

export interface GoBuild {
  readonly subcommand: 'build' | 'install';
  /** The effective CGO_ENABLED value ('0', '1', or another string), undefined when unset. */
  readonly cgo: string | undefined;
  readonly cgoFrom: 'command' | 'shell' | 'env' | 'arg' | 'go-env' | undefined;
  readonly goos: string | undefined;
  readonly goarch: string | undefined;
  readonly tags: readonly string[];
  readonly staticLdflags: boolean;
  readonly race: boolean;
  readonly outputs: readonly string[];
  readonly location: SignalLocation;
}

export interface CargoBuild {
  readonly subcommand: string;
  readonly targets: readonly string[];
  readonly release: boolean;
  readonly zigbuild: boolean;
  readonly outputs: readonly string[];
  readonly location: SignalLocation;
}

export interface DotnetPublish {
  readonly runtimeIdentifier: string | undefined;
  readonly runtimeLibc: 'glibc' | 'musl' | 'windows' | 'other' | undefined;
  readonly architecture: string | undefined;
  /** Explicit --self-contained / SelfContained; undefined when not given. */
  readonly selfContained: boolean | undefined;
  readonly nativeAot: boolean;
  readonly singleFile: boolean;
  readonly readyToRun: boolean;
  readonly frameworkDependent: boolean;
  readonly outputs: readonly string[];
  readonly location: SignalLocation;
}

export interface BuildSignals {
  readonly signals: readonly BuildSignal[];
  readonly goBuilds: readonly GoBuild[];
  readonly cargoBuilds: readonly CargoBuild[];
  readonly dotnetPublishes: readonly DotnetPublish[];
  readonly binaryOutputs: readonly BinaryOutput[];
  /** A RUN installs a C toolchain (gcc, build-base, musl-dev, build-essential, …). */
  readonly cCompilerInstalled: boolean;
  /** A RUN installs gcompat or libc6-compat. */
  readonly glibcCompatInstalled: boolean;
}

/** One RUN split into commands. */
export interface ParsedRun {
  readonly index: number;
  readonly text: string;
  readonly commands: readonly ShellCommand[];
}

/** What the detectors read. */
export interface DetectionContext {
  readonly input: StageBuildInput;
  readonly runs: readonly ParsedRun[];
}

/** What the detectors write. */
export interface SignalDraft {
  readonly signals: BuildSignal[];
  readonly goBuilds: GoBuild[];
  readonly cargoBuilds: CargoBuild[];
  readonly dotnetPublishes: DotnetPublish[];
  readonly binaryOutputs: BinaryOutput[];
  cCompilerInstalled: boolean;
  glibcCompatInstalled: boolean;
}

const maxMatchedLength = 200;

export function createSignal(
  kind: BuildSignalKind,
  matched: string,
  location: SignalLocation,
  value?: string,
): BuildSignal {
  const info = buildSignalCatalog[kind];
  const text = matched.length > maxMatchedLength ? `${matched.slice(0, maxMatchedLength - 1)}…` : matched;
  return {
    kind,
    verdict: info.verdict,
    matched: text,
    ...(value === undefined ? {} : { value }),
    location,
    source: info.source,
  };
}

export function runLocation(
  run: ParsedRun,
  span: { readonly start: number; readonly end: number },
): SignalLocation {
  return { kind: 'run', runIndex: run.index, start: span.start, end: span.end };
}

export function commandText(run: ParsedRun, command: ShellCommand): string {
  return run.text.slice(command.start, command.end);
}

export function wordSpan(word: ShellWord): { readonly start: number; readonly end: number } {
  return { start: word.start, end: word.end };
}
