import { findBuildSignals, type BuildSignals } from '../artifacts';
import type { StageFacts } from '../stageFacts';
import { findCompileCommands, type CompileFindings } from './compileCommands';

/**
 * Toolchains whose image is a build environment rather than a runtime. Python is left out on
 * purpose: a Python image is also the interpreter the application runs in, so shipping it is
 * normal. A Node image counts only when the stage runs a build script (see below).
 */
const BUILD_TOOLCHAINS: ReadonlySet<string> = new Set([
  'go',
  'rust',
  'c',
  'java-build',
  'jdk',
  'dotnet-sdk',
  'node',
]);

/** Human names for messages and titles. */
const TOOLCHAIN_LABELS: Readonly<Record<string, string>> = {
  go: 'Go',
  rust: 'Rust',
  c: 'C',
  'java-build': 'Java build',
  jdk: 'JDK',
  'dotnet-sdk': '.NET SDK',
  node: 'Node.js',
};

/** A stage that compiles with a toolchain it also ships. */
export interface ShippedToolchain {
  /** The toolchain id (ImageFacts.toolchain vocabulary; 'c' for an installed compiler). */
  readonly toolchain: string;
  readonly label: string;
  /** Whether the toolchain comes with the base image or is installed by a RUN. */
  readonly origin: 'image' | 'installed';
  /** The command that installed it, when installed. */
  readonly install: string | undefined;
  /** The first build command, as written, for messages. */
  readonly buildCommand: string;
  readonly compile: CompileFindings;
  /** Build signals of the stage's own RUNs (indexes match `facts.runs`). */
  readonly signals: BuildSignals;
}

/**
 * Says whether a stage ships a build toolchain and uses it to compile: its image is a toolchain
 * image (classifyImage's `toolchain`), or a RUN installs a compiler or make, and some RUN builds.
 * Only the stage's own RUNs count, so a stage that merely inherits from a build stage is not
 * reported twice. Never throws.
 */
export function findShippedToolchain(facts: StageFacts): ShippedToolchain | undefined {
  const compile = findCompileCommands(facts.runs);
  const signals = findBuildSignals({ runs: facts.runs, env: facts.env, args: facts.args });
  const buildCommand = compile.commands[0]?.text;
  if (buildCommand === undefined) {
    return undefined;
  }
  const imageToolchain = facts.image.toolchain;
  if (imageToolchain !== undefined && BUILD_TOOLCHAINS.has(imageToolchain)) {
    // A Node image is the runtime of a Node application; only a build step makes it a toolchain.
    const counts =
      imageToolchain !== 'node' || compile.commands.some((command) => command.tool === 'npm-build');
    if (counts) {
      return {
        toolchain: imageToolchain,
        label: TOOLCHAIN_LABELS[imageToolchain] ?? imageToolchain,
        origin: 'image',
        install: undefined,
        buildCommand,
        compile,
        signals,
      };
    }
  }
  if (compile.toolchainInstall !== undefined && imageToolchain === undefined) {
    return {
      toolchain: 'c',
      label: TOOLCHAIN_LABELS.c ?? 'C',
      origin: 'installed',
      install: compile.toolchainInstall,
      buildCommand,
      compile,
      signals,
    };
  }
  return undefined;
}
