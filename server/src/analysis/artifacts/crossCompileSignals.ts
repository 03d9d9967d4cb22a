import { architectureOfTarget, normalizeArchitecture } from './architectures';
import { runLocation, wordSpan, type ParsedRun, type SignalLocation } from './buildSignalTypes';
import { createContext } from './buildSignals';
import { walkRunCommands, type RunVariables } from './runVariables';
import { signalPatterns } from './signalPatterns';
import { commandName, type ShellCommand, type ShellWord } from './shellWords';
import { lookupStageVariable, type StageBuildInput } from './stageVariables';

/**
 * Signals that a stage builds for a platform other than the one it runs on, for the platform rule
 * (libc.md §6): GOOS/GOARCH, cargo/rustup targets, tonistiigi/xx helpers, .NET -a/-r, zig -target,
 * --platform/--cpu flags, cross C compilers, pinned TARGET* defaults and arch-specific downloads.
 */
export type CrossCompileKind =
  | 'go-target-env'
  | 'cargo-target'
  | 'rustup-target'
  | 'cargo-build-target-env'
  | 'xx-helper'
  | 'dotnet-arch'
  | 'dotnet-runtime'
  | 'zig-target'
  | 'platform-flag'
  | 'cross-c-compiler'
  | 'pinned-platform-arg'
  | 'arch-specific-download';

export interface CrossCompileSignal {
  readonly kind: CrossCompileKind;
  readonly matched: string;
  /** The target as written after variable expansion, e.g. 'arm64', 'x86_64-unknown-linux-musl'. */
  readonly value: string;
  /** The value follows BuildKit's target platform (`$TARGETARCH`, an xx helper), so it is right for every platform. */
  readonly followsTarget: boolean;
  /** The BuildKit architecture a literal value names, e.g. 'amd64' for GOARCH=amd64 or x86_64-…; undefined when it follows the target. */
  readonly architecture?: string;
  readonly location: SignalLocation;
  readonly source: string;
}

export interface CrossCompileSignals {
  readonly signals: readonly CrossCompileSignal[];
  /** BuildKit platform arguments (`TARGETARCH`, `BUILDPLATFORM`, …) referenced in the stage's RUN or ENV text. */
  readonly referencedPlatformArgs: readonly string[];
}

const source = 'libc.md §6 (cross-compilation signals; arch name map)';

/** BuildKit's automatic platform ARGs, which it fills in itself (Dockerfile reference, "Automatic platform ARGs"). */
export const AUTOMATIC_PLATFORM_ARGS: readonly string[] = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
];

const goTargetVariables: ReadonlySet<string> = new Set(['GOOS', 'GOARCH', 'GOARM']);
const downloadCommands: ReadonlySet<string> = new Set(['curl', 'wget']);

export function findCrossCompileSignals(input: StageBuildInput): CrossCompileSignals {
  const signals: CrossCompileSignal[] = [];
  const referenced = new Set<string>();
  try {
    const context = createContext(input);
    reportStageVariables(context.input, signals);
    for (const run of context.runs) {
      collectPlatformReferences(run.text, referenced);
      reportDownloads(run, signals);
    }
    for (const value of Object.values(context.input.env ?? {})) {
      collectPlatformReferences(typeof value === 'string' ? value : '', referenced);
    }
    walkRunCommands(context, (run, command, variables) => {
      reportAssignments(run, command, variables, signals);
      reportCommand(run, command, variables, signals);
    });
  } catch {
    // Detection is written not to throw; a missing signal only makes the platform rule quieter.
  }
  return { signals, referencedPlatformArgs: AUTOMATIC_PLATFORM_ARGS.filter((name) => referenced.has(name)) };
}

function makeSignal(
  kind: CrossCompileKind,
  matched: string,
  value: string,
  location: SignalLocation,
  architectureOf: (value: string) => string | undefined,
): CrossCompileSignal {
  const followsTarget = followsTargetPlatform(value);
  const architecture = followsTarget ? undefined : architectureOf(value);
  return {
    kind,
    matched,
    value,
    followsTarget,
    ...(architecture === undefined ? {} : { architecture }),
    location,
    source,
  };
}

function followsTargetPlatform(text: string): boolean {
  return (
    signalPatterns.targetPlatformReference.pattern.test(text) ||
    text.includes('xx-info') ||
    text.includes('xx-cargo --print-target-triple')
  );
}

const literalArchitecture = (value: string): string | undefined => normalizeArchitecture(value)?.architecture;
const targetArchitecture = (value: string): string | undefined => architectureOfTarget(value)?.architecture;

/** Resolves a value one level but keeps `$TARGET*` references visible, so that "follows the target" survives expansion. */
function expandKeepingTarget(value: string, variables: RunVariables): string {
  return followsTargetPlatform(value) ? value : variables.expand(value);
}

function reportStageVariables(input: StageBuildInput, signals: CrossCompileSignal[]): void {
  for (const name of ['GOOS', 'GOARCH', 'GOARM', 'CARGO_BUILD_TARGET']) {
    const variable = lookupStageVariable(input, name);
    if (!variable) {
      continue;
    }
    const raw = input.env?.[name] ?? variable.value;
    const value = followsTargetPlatform(raw) ? raw : variable.value;
    const location: SignalLocation = { kind: variable.origin, key: name };
    signals.push(
      name === 'CARGO_BUILD_TARGET'
        ? makeSignal('cargo-build-target-env', `${name}=${value}`, value, location, targetArchitecture)
        : makeSignal(
            'go-target-env',
            `${name}=${value}`,
            value,
            location,
            name === 'GOARCH' ? literalArchitecture : () => undefined,
          ),
    );
  }
  for (const name of ['TARGETARCH', 'TARGETPLATFORM', 'TARGETOS', 'TARGETVARIANT']) {
    const value = input.args?.[name];
    if (typeof value === 'string' && value !== '') {
      const architecture =
        name === 'TARGETARCH'
          ? literalArchitecture(value)
          : name === 'TARGETPLATFORM'
            ? literalArchitecture(value.split('/')[1] ?? '')
            : undefined;
      signals.push({
        kind: 'pinned-platform-arg',
        matched: `ARG ${name}=${value}`,
        value,
        followsTarget: false,
        ...(architecture === undefined ? {} : { architecture }),
        location: { kind: 'arg', key: name },
        source: 'libc.md §6 (ARG TARGETARCH=amd64 pins the value; docker/buildx#510)',
      });
    }
  }
}

function reportAssignments(
  run: ParsedRun,
  command: ShellCommand,
  variables: RunVariables,
  signals: CrossCompileSignal[],
): void {
  const assignments: { readonly name: string; readonly value: string; readonly word: ShellWord }[] = [
    ...command.assignments,
  ];
  if (commandName(command.words[0]) === 'export') {
    for (const word of command.words.slice(1)) {
      const equals = word.text.indexOf('=');
      if (equals > 0) {
        assignments.push({ name: word.text.slice(0, equals), value: word.text.slice(equals + 1), word });
      }
    }
  }
  for (const { name, value, word } of assignments) {
    const expanded = expandKeepingTarget(value, variables);
    const location = runLocation(run, wordSpan(word));
    if (goTargetVariables.has(name)) {
      signals.push(
        makeSignal(
          'go-target-env',
          word.text,
          expanded,
          location,
          name === 'GOARCH' ? literalArchitecture : () => undefined,
        ),
      );
    } else if (name === 'CARGO_BUILD_TARGET') {
      signals.push(makeSignal('cargo-build-target-env', word.text, expanded, location, targetArchitecture));
    } else if (name === 'CC' || name === 'CXX') {
      const cross = signalPatterns.crossCCompiler.pattern.exec(
        commandName({ text: expanded, start: 0, end: 0 }),
      );
      if (cross) {
        signals.push(
          makeSignal('cross-c-compiler', word.text, expanded, location, () =>
            literalArchitecture(cross[1] ?? ''),
          ),
        );
      }
    }
  }
}

function reportCommand(
  run: ParsedRun,
  command: ShellCommand,
  variables: RunVariables,
  signals: CrossCompileSignal[],
): void {
  const words = command.words;
  const name = commandName(words[0]);
  const text = run.text.slice(command.start, command.end);
  const location = runLocation(run, command);
  const valueAfter = (flags: readonly string[]): string[] => {
    const values: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const word = words[i]?.text ?? '';
      for (const flag of flags) {
        if (word === flag && words[i + 1] !== undefined) {
          values.push(expandKeepingTarget(words[i + 1]?.text ?? '', variables));
        } else if (word.startsWith(`${flag}=`)) {
          values.push(expandKeepingTarget(word.slice(flag.length + 1), variables));
        }
      }
    }
    return values;
  };

  if (name.startsWith('xx-')) {
    signals.push({
      kind: 'xx-helper',
      matched: text,
      value: name,
      followsTarget: true,
      location,
      source: `${source}; tonistiigi/xx README`,
    });
  }
  if (name === 'cargo' || name === 'cross' || name === 'xx-cargo') {
    for (const value of valueAfter(['--target'])) {
      signals.push(makeSignal('cargo-target', text, value, location, targetArchitecture));
    }
  } else if (name === 'rustup' && words[1]?.text === 'target' && words[2]?.text === 'add') {
    for (const word of words.slice(3)) {
      if (!word.text.startsWith('-')) {
        signals.push(
          makeSignal(
            'rustup-target',
            text,
            expandKeepingTarget(word.text, variables),
            location,
            targetArchitecture,
          ),
        );
      }
    }
  } else if (name === 'dotnet') {
    for (const value of valueAfter(['-a', '--arch'])) {
      signals.push(makeSignal('dotnet-arch', text, value, location, literalArchitecture));
    }
    for (const value of valueAfter(['-r', '--runtime'])) {
      signals.push(makeSignal('dotnet-runtime', text, value, location, targetArchitecture));
    }
  } else if (name === 'zig') {
    const targets = [
      ...valueAfter(['-target', '--target']),
      ...words
        .filter((word) => word.text.startsWith('-Dtarget='))
        .map((word) => expandKeepingTarget(word.text.slice(9), variables)),
    ];
    for (const value of targets) {
      signals.push(makeSignal('zig-target', text, value, location, targetArchitecture));
    }
  } else {
    for (const value of valueAfter(['--platform', '--python-platform', '--cpu'])) {
      signals.push(makeSignal('platform-flag', text, value, location, platformArchitecture));
    }
  }
}

/** The architecture in a platform value: linux/arm64, manylinux2014_x86_64, x64. */
function platformArchitecture(value: string): string | undefined {
  const direct = normalizeArchitecture(value);
  if (direct) {
    return direct.architecture;
  }
  const slash = value.split('/')[1];
  if (slash !== undefined) {
    return normalizeArchitecture(slash)?.architecture;
  }
  const match = signalPatterns.architectureInUrl.pattern.exec(value);
  return match ? normalizeArchitecture(match[1] ?? '')?.architecture : undefined;
}

/** `curl …x86_64….tar.gz` in a RUN that never looks at the target architecture (matze/wastebin#192). */
function reportDownloads(run: ParsedRun, signals: CrossCompileSignal[]): void {
  if (signalPatterns.architectureDetection.pattern.test(run.text)) {
    return;
  }
  for (const command of run.commands) {
    if (!downloadCommands.has(commandName(command.words[0]))) {
      continue;
    }
    for (const word of command.words.slice(1)) {
      if (!signalPatterns.url.pattern.test(word.text)) {
        continue;
      }
      const match = signalPatterns.architectureInUrl.pattern.exec(word.text);
      if (match) {
        const architecture = normalizeArchitecture(match[1] ?? '')?.architecture;
        signals.push({
          kind: 'arch-specific-download',
          matched: word.text,
          value: match[1] ?? '',
          followsTarget: false,
          ...(architecture === undefined ? {} : { architecture }),
          location: runLocation(run, wordSpan(word)),
          source: `${source}; ${signalPatterns.architectureInUrl.source}`,
        });
      }
    }
  }
}

/** Adds the BuildKit platform arguments that `$NAME`/`${NAME…}` references in `text` name. */
function collectPlatformReferences(text: string, into: Set<string>): void {
  if (!text.includes('$')) {
    return;
  }
  for (const name of AUTOMATIC_PLATFORM_ARGS) {
    let from = 0;
    for (let index = text.indexOf(name, from); index >= 0; index = text.indexOf(name, from)) {
      const before = text[index - 1];
      const after = text[index + name.length] ?? '';
      if ((before === '$' || (before === '{' && text[index - 2] === '$')) && !/[A-Za-z0-9_]/.test(after)) {
        into.add(name);
        break;
      }
      from = index + name.length;
    }
  }
}
