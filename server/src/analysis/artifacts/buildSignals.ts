import type { BuildSignal, BuildSignals, DetectionContext, GoBuild, SignalDraft } from './buildSignalTypes';
import { detectDotnetSignals } from './dotnetBuildSignals';
import { detectEcosystemSignals } from './ecosystemSignals';
import { detectGoSignals } from './goBuildSignals';
import { detectNativeCompilerSignals } from './nativeCompilerSignals';
import { detectPackageSignals } from './packageSignals';
import { detectRustSignals } from './rustBuildSignals';
import { splitShellCommands } from './shellWords';
import type { StageBuildInput } from './stageVariables';

/**
 * Reads a stage's RUN, ENV and ARG text for the signals that decide whether the artifacts it
 * builds depend on its C library (libc.md §5): static-build flags, native builds and their output
 * paths, toolchain installs and runtime mitigations. Pure and total: malformed input yields fewer
 * signals, never an exception.
 */
export function findBuildSignals(input: StageBuildInput): BuildSignals {
  const draft: SignalDraft = {
    signals: [],
    goBuilds: [],
    cargoBuilds: [],
    dotnetPublishes: [],
    binaryOutputs: [],
    cCompilerInstalled: false,
    glibcCompatInstalled: false,
  };
  try {
    const context = createContext(input);
    detectGoSignals(context, draft);
    detectRustSignals(context, draft);
    detectNativeCompilerSignals(context, draft);
    detectDotnetSignals(context, draft);
    detectPackageSignals(context, draft);
    detectEcosystemSignals(context, draft);
  } catch {
    // The detectors are written not to throw; if one does on some unforeseen input, the signals
    // found so far are still correct, and a missing signal only makes the analysis more cautious.
  }
  return draft;
}

/** The signals of one piece of RUN text, for callers that have no ENV or ARG context. */
export function findStaticBuildSignals(text: string): readonly BuildSignal[] {
  return findBuildSignals({ runs: [text] }).signals;
}

/**
 * Whether a Go build ran with cgo switched off by the toolchain itself: CGO_ENABLED is unset and
 * no C compiler is available, which makes Go ≥ 1.20 default to CGO_ENABLED=0 (go.dev/doc/go1.20,
 * libc.md §5.1). This is the golang:*-alpine case; `imageHasCCompiler` comes from the image facts.
 */
export function isCgoAutoDisabled(
  build: GoBuild,
  imageHasCCompiler: boolean | undefined,
  cCompilerInstalled: boolean,
): boolean {
  return build.cgo === undefined && imageHasCCompiler === false && !cCompilerInstalled;
}

export function createContext(input: StageBuildInput): DetectionContext {
  const runs = Array.isArray(input?.runs) ? input.runs : [];
  return {
    input: {
      runs,
      ...(isRecord(input?.env) ? { env: input.env } : {}),
      ...(isRecord(input?.args) ? { args: input.args } : {}),
    },
    runs: runs.map((text, index) => {
      const value = typeof text === 'string' ? text : '';
      return { index, text: value, commands: splitShellCommands(value) };
    }),
  };
}

function isRecord<T>(value: T | undefined): value is T {
  return typeof value === 'object' && value !== null;
}
