import type { BuildSignals } from '../artifacts';
import type { CompileCommand } from '../split/compileCommands';

/**
 * Where the build stage leaves the artifact that the runtime stage needs, read from the build
 * commands (`go build -o`, `cargo build --release`, `mvn package`, `gradle build`, `dotnet
 * publish -o`, `npm run build`, `cc -o`) and, when they do not say, from the program that the
 * ENTRYPOINT or CMD starts. Paths are absolute, resolved against the WORKDIR each command ran in.
 */

/** What to copy, or a placeholder the user fills in. */
export interface ArtifactCopy {
  /** The path in the build stage; a snippet placeholder when `placeholder` is set. */
  readonly source: string;
  readonly destination: string;
  /** True when `source` is a guess the user must check (written as a snippet tabstop). */
  readonly placeholder: boolean;
  /** A comment line that says what to put there, for placeholders. */
  readonly hint?: string;
  /** The kind of artifact, which decides how the runtime starts it when nothing else says. */
  readonly kind: 'binary' | 'jar' | 'dotnet' | 'node' | 'unknown';
  /** A choice of values for the placeholder (`dist`, `build`). */
  readonly choices?: readonly string[];
}

/** A program the moved ENTRYPOINT or CMD starts, with the WORKDIR it runs in. */
export interface StartedProgram {
  readonly words: readonly string[];
  readonly workdir: string;
}

export interface ArtifactInput {
  readonly signals: BuildSignals;
  readonly commands: readonly CompileCommand[];
  /** The WORKDIR each of the stage's RUNs ran in, by RUN index. */
  readonly runWorkdirs: readonly string[];
  readonly finalWorkdir: string;
  readonly started: StartedProgram | undefined;
}

/** Directories on the build images' PATH whose programs are copied to /usr/local/bin, on every image's PATH. */
const BUILDER_PATH_DIRECTORIES = ['/go/bin', '/usr/local/cargo/bin'];

/** Interpreters whose first argument is the artifact (`java -jar app.jar`, `dotnet App.dll`, `node dist/x.js`). */
const INTERPRETERS: ReadonlyMap<string, number> = new Map([
  ['java', 1],
  ['dotnet', 1],
  ['node', 1],
]);

export function inferArtifact(input: ArtifactInput): ArtifactCopy {
  const workdirOf = (runIndex: number): string => input.runWorkdirs[runIndex] ?? input.finalWorkdir;

  const goBuild = [...input.signals.goBuilds].reverse().find((build) => build.outputs.length > 0);
  if (goBuild && goBuild.location.kind === 'run') {
    return binary(resolvePath(goBuild.outputs[0] ?? '', workdirOf(goBuild.location.runIndex)));
  }
  const native = [...input.signals.binaryOutputs]
    .reverse()
    .find((output) => (output.tool === 'cc' || output.tool === 'zig') && !output.isDirectory);
  if (native && native.location.kind === 'run') {
    return binary(resolvePath(native.path, workdirOf(native.location.runIndex)));
  }
  const cargo = [...input.signals.cargoBuilds].reverse().find((build) => build.outputs.length > 0);
  if (cargo && cargo.location.kind === 'run') {
    const directory = resolvePath(cargo.outputs[0] ?? '', workdirOf(cargo.location.runIndex));
    const command = input.commands.find((candidate) => candidate.tool === 'cargo');
    const name = optionValue(command?.words ?? [], '--bin') ?? startedName(input.started);
    if (name !== undefined) {
      return binary(`${directory}/${name}`);
    }
    return {
      source: `${directory}/package-name`,
      destination: '/usr/local/bin/',
      placeholder: true,
      hint: 'The binary cargo builds is named after the package in Cargo.toml: put that name here.',
      kind: 'binary',
    };
  }
  const publish = [...input.signals.dotnetPublishes].reverse().find((build) => build.outputs.length > 0);
  if (publish && publish.location.kind === 'run') {
    const directory = resolvePath(publish.outputs[0] ?? '', workdirOf(publish.location.runIndex));
    return { source: directory, destination: directory, placeholder: false, kind: 'dotnet' };
  }
  for (const command of [...input.commands].reverse()) {
    const workdir = workdirOf(command.runIndex);
    if (command.tool === 'maven') {
      return jars(`${join(workdir, 'target')}`);
    }
    if (command.tool === 'gradle') {
      return jars(`${join(workdir, 'build/libs')}`);
    }
    if (command.tool === 'npm-build') {
      const mentioned = input.started?.words.join(' ') ?? '';
      const output = /\bbuild\//.test(mentioned) ? 'build' : /\bdist\//.test(mentioned) ? 'dist' : undefined;
      if (output !== undefined) {
        const path = join(workdir, output);
        return { source: path, destination: path, placeholder: false, kind: 'node' };
      }
      return {
        source: join(workdir, 'dist'),
        destination: join(workdir, 'dist'),
        placeholder: true,
        hint: 'The build script writes its output here: keep dist or choose build, as your bundler does.',
        kind: 'node',
        choices: ['dist', 'build'],
      };
    }
  }
  const started = startedPath(input.started);
  if (started !== undefined) {
    return binary(started);
  }
  // Only `go install` names what it installs; `go get` usually fetches a library, not the program.
  const goInstall = input.commands.find((command) => command.tool === 'go' && command.words[1] === 'install');
  const installed = goInstall ? lastPackageElement(goInstall.words) : undefined;
  if (installed !== undefined) {
    return binary(`/go/bin/${installed}`);
  }
  return {
    source: join(input.finalWorkdir, 'path/to/artifact'),
    destination: '/usr/local/bin/',
    placeholder: true,
    hint: `Put the path of the file that '${input.commands[0]?.text ?? 'the build'}' writes here.`,
    kind: 'unknown',
  };
}

function binary(path: string): ArtifactCopy {
  const directory = path.slice(0, path.lastIndexOf('/'));
  const destination = BUILDER_PATH_DIRECTORIES.includes(directory)
    ? `/usr/local/bin/${path.slice(directory.length + 1)}`
    : path;
  return { source: path, destination, placeholder: false, kind: 'binary' };
}

function jars(directory: string): ArtifactCopy {
  return { source: `${directory}/*.jar`, destination: `${directory}/`, placeholder: false, kind: 'jar' };
}

/** The program an ENTRYPOINT or CMD runs, as an absolute path, when it is a path rather than a command on PATH. */
function startedPath(started: StartedProgram | undefined): string | undefined {
  const program = programWord(started);
  if (program === undefined || started === undefined) {
    return undefined;
  }
  if (!program.includes('/') || program.includes('$')) {
    return undefined;
  }
  return resolvePath(program, started.workdir);
}

function startedName(started: StartedProgram | undefined): string | undefined {
  const program = programWord(started);
  if (program === undefined || program.includes('$')) {
    return undefined;
  }
  const name = program.slice(program.lastIndexOf('/') + 1);
  return name === '' ? undefined : name;
}

function programWord(started: StartedProgram | undefined): string | undefined {
  if (!started) {
    return undefined;
  }
  const first = started.words[0];
  if (first === undefined || INTERPRETERS.has(first)) {
    return undefined;
  }
  return first;
}

function optionValue(words: readonly string[], option: string): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === option) {
      return words[i + 1];
    }
    if (word.startsWith(`${option}=`)) {
      return word.slice(option.length + 1);
    }
  }
  return undefined;
}

/** `go install github.com/x/hello@v1` installs `/go/bin/hello`. */
function lastPackageElement(words: readonly string[]): string | undefined {
  const target = [...words.slice(2)].reverse().find((word) => !word.startsWith('-'));
  if (target === undefined || target.startsWith('.') || target.includes('$')) {
    return undefined;
  }
  const withoutVersion = target.replace(/@.*$/, '').replace(/\/\.\.\.$/, '');
  const name = withoutVersion.slice(withoutVersion.lastIndexOf('/') + 1);
  return /^v\d+$/.test(name) || name === '' ? undefined : name;
}

/** Resolves a path as WORKDIR does: absolute paths win, relative ones are joined to the directory. */
export function resolvePath(path: string, workdir: string): string {
  return path.startsWith('/') ? normalize(path) : join(workdir, path);
}

export function join(directory: string, path: string): string {
  // The lookbehind starts the match only at the beginning of a run of slashes: linear on any input.
  return normalize(`${directory.replace(/(?<!\/)\/+$/, '')}/${path}`);
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return `/${parts.join('/')}`;
}
