import {
  commandText,
  createSignal,
  runLocation,
  type CargoBuild,
  type DetectionContext,
  type SignalDraft,
  type SignalLocation,
} from './buildSignalTypes';
import { flagValues, hasFlag, parseArguments } from './commandArguments';
import { walkRunCommands } from './runVariables';
import { signalPatterns } from './signalPatterns';
import { commandName } from './shellWords';
import { lookupStageVariable } from './stageVariables';

/** cargo itself, tonistiigi/xx's wrapper, and cross-rs (libc.md §5.2). */
const cargoCommands: ReadonlySet<string> = new Set(['cargo', 'xx-cargo', 'cross']);

const buildSubcommands: ReadonlySet<string> = new Set(['build', 'install', 'zigbuild', 'rustc']);

const cargoValueFlags: ReadonlySet<string> = new Set([
  '--target',
  '--target-dir',
  '--root',
  '--bin',
  '--profile',
  '--features',
  '-F',
  '--manifest-path',
  '-p',
  '--package',
  '-j',
  '--jobs',
  '--path',
  '--version',
  '--git',
  '--branch',
  '--tag',
  '--rev',
  '--config',
]);

/** CARGO_HOME in the official rust images (rust-lang/docker-rust `ENV CARGO_HOME=/usr/local/cargo`). */
const defaultCargoHome = '/usr/local/cargo';

/** Variables that carry rustc flags, where `+crt-static` can be set (The Cargo Book, "Environment variables"). */
const rustflagVariables: readonly string[] = [
  'RUSTFLAGS',
  'CARGO_ENCODED_RUSTFLAGS',
  'CARGO_BUILD_RUSTFLAGS',
];

/**
 * Finds Rust builds and what decides their C library (libc.md §5.2): musl targets, `+crt-static`
 * and `-crt-static`, cargo-zigbuild's glibc-versioned targets, and the directories cargo writes.
 */
export function detectRustSignals(context: DetectionContext, draft: SignalDraft): void {
  reportCrtStatic(context, draft);
  walkRunCommands(context, (run, command, variables) => {
    const words = command.words;
    if (!cargoCommands.has(commandName(words[0]))) {
      return;
    }
    let index = 1;
    while (words[index]?.text.startsWith('+')) {
      index++;
    }
    if (words[index]?.text === 'auditable') {
      index++;
    }
    const subcommand = words[index]?.text ?? '';
    if (!buildSubcommands.has(subcommand)) {
      return;
    }
    const parsed = parseArguments(words.slice(index + 1), cargoValueFlags);
    const fromEnvironment = variables.lookup('CARGO_BUILD_TARGET', command)?.value;
    const targets = [...flagValues(parsed, '--target'), ...(fromEnvironment ? [fromEnvironment] : [])]
      .map((target) => variables.expand(target).trim())
      .filter((target) => target !== '');
    const release = hasFlag(parsed, '--release', '-r');
    const location = runLocation(run, command);
    const text = commandText(run, command);
    const outputs = cargoOutputs(
      subcommand,
      parsed,
      targets,
      release,
      (name) => variables.lookup(name, command)?.value,
    );
    const build: CargoBuild = {
      subcommand,
      targets,
      release,
      zigbuild: subcommand === 'zigbuild',
      outputs,
      location,
    };
    draft.cargoBuilds.push(build);
    draft.signals.push(createSignal('cargo-build', text, location, targets[0]));
    if (build.zigbuild) {
      draft.signals.push(createSignal('cargo-zigbuild', text, location));
    }
    for (const target of targets) {
      reportTarget(target, text, location, draft);
    }
    for (const output of outputs) {
      draft.binaryOutputs.push({ path: output, tool: 'cargo', isDirectory: true, location });
    }
  });
}

function reportTarget(target: string, text: string, location: SignalLocation, draft: SignalDraft): void {
  if (signalPatterns.rustMuslTarget.pattern.test(target)) {
    draft.signals.push(createSignal('rust-musl-target', text, location, target));
    return;
  }
  const floor = signalPatterns.rustGlibcFloorTarget.pattern.exec(target);
  if (floor) {
    draft.signals.push(createSignal('rust-glibc-floor', text, location, floor[1]));
  }
}

/**
 * The directories cargo writes binaries to: `target[/<triple>]/<profile>` for builds,
 * `<root>/bin` for `cargo install` (The Cargo Book, "Build cache" and "cargo install").
 */
function cargoOutputs(
  subcommand: string,
  parsed: ReturnType<typeof parseArguments>,
  targets: readonly string[],
  release: boolean,
  lookup: (name: string) => string | undefined,
): string[] {
  if (subcommand === 'install') {
    const root =
      flagValues(parsed, '--root')[0] ??
      lookup('CARGO_INSTALL_ROOT') ??
      lookup('CARGO_HOME') ??
      defaultCargoHome;
    return [`${root}/bin`];
  }
  const profile = flagValues(parsed, '--profile')[0];
  const profileDirectory =
    release || profile === 'release'
      ? 'release'
      : profile === undefined || profile === 'dev'
        ? 'debug'
        : profile;
  const targetDirectory = flagValues(parsed, '--target-dir')[0] ?? lookup('CARGO_TARGET_DIR') ?? 'target';
  if (targets.length === 0) {
    return [`${targetDirectory}/${profileDirectory}`];
  }
  return targets.map((target) => `${targetDirectory}/${target}/${profileDirectory}`);
}

/** `+crt-static`/`-crt-static` anywhere in a RUN (RUSTFLAGS, a written config.toml) or in a flags variable. */
function reportCrtStatic(context: DetectionContext, draft: SignalDraft): void {
  for (const run of context.runs) {
    const staticMatch = signalPatterns.rustCrtStatic.pattern.exec(run.text);
    if (staticMatch) {
      draft.signals.push(
        createSignal(
          'rust-crt-static',
          staticMatch[0],
          runLocation(run, { start: staticMatch.index, end: staticMatch.index + staticMatch[0].length }),
        ),
      );
    }
    const dynamicMatch = signalPatterns.rustCrtDynamic.pattern.exec(run.text);
    if (dynamicMatch) {
      draft.signals.push(
        createSignal(
          'rust-crt-static-disabled',
          dynamicMatch[0],
          runLocation(run, { start: dynamicMatch.index, end: dynamicMatch.index + dynamicMatch[0].length }),
        ),
      );
    }
  }
  for (const name of rustflagVariables) {
    const variable = lookupStageVariable(context.input, name);
    if (!variable) {
      continue;
    }
    const location: SignalLocation = { kind: variable.origin, key: name };
    if (signalPatterns.rustCrtStatic.pattern.test(variable.value)) {
      draft.signals.push(createSignal('rust-crt-static', `${name}=${variable.value}`, location));
    }
    if (signalPatterns.rustCrtDynamic.pattern.test(variable.value)) {
      draft.signals.push(createSignal('rust-crt-static-disabled', `${name}=${variable.value}`, location));
    }
  }
}
