import { commandName, splitShellCommands, type ShellCommand } from '../artifacts/shellWords';

/**
 * Build commands that turn sources into an artifact, as a table. The artifact signals in
 * `artifacts/` already know `go build`, `cargo build`, `dotnet publish` and direct compiler calls;
 * this table adds the build drivers whose output they cannot see (make, Maven, Gradle, npm
 * scripts), because a stage that runs them is still compiling and ships its toolchain.
 */

/** What kind of build a command is, which decides where its artifact usually lands. */
export type CompileTool =
  'go' | 'cargo' | 'make' | 'cmake' | 'maven' | 'gradle' | 'dotnet' | 'npm-build' | 'cc';

interface CompileCommandRule {
  readonly tool: CompileTool;
  /** Command names (the first word, path stripped). */
  readonly commands: readonly string[];
  /** The subcommands that build; empty means any invocation builds. */
  readonly subcommands: readonly string[];
  /** Why this command counts as compiling. */
  readonly why: string;
}

export const compileCommandRules: readonly CompileCommandRule[] = [
  // `go get` built and installed packages in GOPATH mode (Go before 1.17), which is what older
  // single-stage Dockerfiles rely on; `go get -d` only downloads and is excluded below.
  { tool: 'go', commands: ['go'], subcommands: ['build', 'install', 'get'], why: 'Go compiler' },
  { tool: 'cargo', commands: ['cargo'], subcommands: ['build', 'install', 'zigbuild'], why: 'Rust compiler' },
  { tool: 'make', commands: ['make', 'gmake'], subcommands: [], why: 'Makefile targets compile' },
  { tool: 'cmake', commands: ['cmake', 'ninja'], subcommands: [], why: 'CMake/Ninja builds' },
  {
    tool: 'maven',
    commands: ['mvn', 'mvnw'],
    subcommands: ['package', 'install', 'verify', 'deploy'],
    why: 'Maven lifecycle phases from package on write target/*.jar',
  },
  {
    tool: 'gradle',
    commands: ['gradle', 'gradlew'],
    subcommands: ['build', 'assemble', 'jar', 'bootJar', 'shadowJar', 'installDist'],
    why: 'Gradle tasks that write build/libs/*.jar',
  },
  { tool: 'dotnet', commands: ['dotnet'], subcommands: ['build', 'publish'], why: '.NET SDK builds' },
  {
    tool: 'npm-build',
    commands: ['npm', 'yarn', 'pnpm'],
    subcommands: ['build', 'run build'],
    why: 'the package build script (bundlers, TypeScript) writes dist/ or build/',
  },
  {
    tool: 'cc',
    commands: ['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++'],
    subcommands: [],
    why: 'C/C++ compiler',
  },
];

/** Packages whose installation turns an OS image into a build environment (libc.md §5.3). */
const toolchainPackages =
  /^(?:gcc|g\+\+|gcc-c\+\+|build-base|build-essential|clang\d*|make|cmake|musl-dev|libc6-dev)(?:[<>=~].*)?$/;

const installCommands: ReadonlyMap<string, string> = new Map([
  ['apk', 'add'],
  ['apt-get', 'install'],
  ['apt', 'install'],
  ['dnf', 'install'],
  ['yum', 'install'],
  ['microdnf', 'install'],
]);

/** One build command found in a RUN. */
export interface CompileCommand {
  readonly tool: CompileTool;
  /** Index of the RUN among the stage's own RUN instructions. */
  readonly runIndex: number;
  /** The command as written, for messages. */
  readonly text: string;
  /** Its words with quotes removed. */
  readonly words: readonly string[];
}

export interface CompileFindings {
  readonly commands: readonly CompileCommand[];
  /** The first install of a compiler or build tool (`apk add build-base`, `apt-get install make`), as written. */
  readonly toolchainInstall: string | undefined;
}

/** Finds build commands and toolchain installs in the RUN texts of a stage. Never throws. */
export function findCompileCommands(runs: readonly string[]): CompileFindings {
  const commands: CompileCommand[] = [];
  let toolchainInstall: string | undefined;
  runs.forEach((run, runIndex) => {
    let parsed: ShellCommand[];
    try {
      parsed = splitShellCommands(run);
    } catch {
      return;
    }
    for (const command of parsed) {
      const words = command.words.map((word) => word.text);
      const name = commandName(command.words[0]);
      const text = run.slice(command.start, command.end);
      if (toolchainInstall === undefined && installsToolchain(name, words)) {
        toolchainInstall = text;
      }
      const tool = matchCompileRule(name, words);
      if (tool) {
        commands.push({ tool, runIndex, text, words });
      }
    }
  });
  return { commands, toolchainInstall };
}

function matchCompileRule(name: string, words: readonly string[]): CompileTool | undefined {
  const plainName = name.replace(/^\.\//, '');
  const rule = compileCommandRules.find((candidate) => candidate.commands.includes(plainName));
  if (!rule) {
    return undefined;
  }
  const rest = words.slice(1).filter((word) => !word.startsWith('-'));
  if (rule.tool === 'go' && rest[0] === 'get' && words.includes('-d')) {
    return undefined;
  }
  if (rule.subcommands.length === 0) {
    return rule.tool;
  }
  const joined = rest.slice(0, 2).join(' ');
  const builds = rule.subcommands.some((subcommand) =>
    subcommand.includes(' ') ? joined === subcommand : rest.includes(subcommand),
  );
  return builds ? rule.tool : undefined;
}

function installsToolchain(name: string, words: readonly string[]): boolean {
  const subcommand = installCommands.get(name);
  if (subcommand === undefined || !words.includes(subcommand)) {
    return false;
  }
  return words.slice(1).some((word) => toolchainPackages.test(word));
}
