import {
  commandText,
  createSignal,
  runLocation,
  wordSpan,
  type DetectionContext,
  type GoBuild,
  type ParsedRun,
  type SignalDraft,
  type SignalLocation,
} from './buildSignalTypes';
import { flagValues, hasFlag, parseArguments } from './commandArguments';
import { walkRunCommands, type RunVariables } from './runVariables';
import { signalPatterns } from './signalPatterns';
import { commandName, type ShellCommand, type ShellWord } from './shellWords';
import { lookupStageVariable } from './stageVariables';

/** `go` itself and tonistiigi/xx's wrapper, which passes the target platform to it. */
const goCommands: ReadonlySet<string> = new Set(['go', 'xx-go']);

/** Go build flags that take a value (`go help build`); everything else is a switch. */
const goValueFlags: ReadonlySet<string> = new Set([
  '-o',
  '-tags',
  '-ldflags',
  '-gcflags',
  '-asmflags',
  '-gccgoflags',
  '-mod',
  '-modfile',
  '-overlay',
  '-pgo',
  '-pkgdir',
  '-buildmode',
  '-compiler',
  '-installsuffix',
  '-p',
  '-toolexec',
  '-C',
  '-coverpkg',
  '-covermode',
]);

/** GOPATH in the official golang images (docker-library/golang Dockerfile `ENV GOPATH /go`). */
const defaultGoPath = '/go';

/**
 * Finds Go builds and the settings that decide whether their binaries are static (libc.md §5.1):
 * CGO_ENABLED from the command, the RUN's shell, ENV/ARG or `go env -w`; `-tags`; `-ldflags`;
 * `-race`; and the paths `go build -o` and `go install` write.
 */
export function detectGoSignals(context: DetectionContext, draft: SignalDraft): void {
  reportStageCgo(context, draft);
  const goEnv = new Map<string, string>();
  walkRunCommands(context, (run, command, variables) => {
    reportCgoAssignments(run, command, variables, draft);
    const words = command.words;
    const name = commandName(words[0]);
    if (name === 'xx-verify' && words.some((word) => word.text === '--static')) {
      draft.signals.push(
        createSignal('xx-verify-static', commandText(run, command), runLocation(run, command)),
      );
      return;
    }
    if (!goCommands.has(name)) {
      return;
    }
    const subIndex = words.findIndex((word, i) => i > 0 && !word.text.startsWith('-'));
    const subcommand = words[subIndex]?.text;
    if (subcommand === 'env' && words.some((word) => word.text === '-w')) {
      for (const word of words.slice(subIndex + 1)) {
        const equals = word.text.indexOf('=');
        if (equals > 0) {
          const key = word.text.slice(0, equals);
          const value = variables.expand(word.text.slice(equals + 1));
          goEnv.set(key, value);
          if (key === 'CGO_ENABLED') {
            reportCgoValue(value, word.text, runLocation(run, wordSpan(word)), draft);
          }
        }
      }
      return;
    }
    if (subcommand === 'build' || subcommand === 'install') {
      const build = readGoBuild(run, command, subcommand, words.slice(subIndex + 1), variables, goEnv);
      draft.goBuilds.push(build);
      reportGoBuild(run, command, build, draft);
      for (const output of build.outputs) {
        draft.binaryOutputs.push({
          path: output,
          tool: 'go',
          isDirectory: isDirectoryOutput(output),
          location: build.location,
        });
      }
    }
  });
}

function readGoBuild(
  run: ParsedRun,
  command: ShellCommand,
  subcommand: 'build' | 'install',
  argumentWords: readonly ShellWord[],
  variables: RunVariables,
  goEnv: ReadonlyMap<string, string>,
): GoBuild {
  const goflags = variables.lookup('GOFLAGS', command)?.value ?? goEnv.get('GOFLAGS') ?? '';
  const goflagWords: ShellWord[] = goflags
    .split(/\s+/)
    .filter((text) => text !== '')
    .map((text) => ({ text, start: command.start, end: command.end }));
  // The Go flag package accepts `--flag` as well as `-flag`.
  const normalized = [...goflagWords, ...argumentWords].map((word) =>
    word.text.startsWith('--') ? { ...word, text: word.text.slice(1) } : word,
  );
  const parsed = parseArguments(normalized, goValueFlags);
  const tags = flagValues(parsed, '-tags')
    .flatMap((value) => variables.expand(value).split(/[,\s]+/))
    .filter((tag) => tag !== '');
  const ldflags = flagValues(parsed, '-ldflags').map((value) => variables.expand(value));
  const cgoVariable = variables.lookup('CGO_ENABLED', command);
  const goEnvCgo = goEnv.get('CGO_ENABLED');
  const goos = variables.lookup('GOOS', command)?.value ?? goEnv.get('GOOS');
  const goarch = variables.lookup('GOARCH', command)?.value ?? goEnv.get('GOARCH');
  const explicitOutputs = flagValues(parsed, '-o').map((value) => variables.expand(value));
  const packages = parsed.positionals.map((word) => variables.expand(word.text));
  const outputs =
    explicitOutputs.length > 0
      ? explicitOutputs
      : defaultOutputs(subcommand, packages, variables, command, goos, goarch);
  return {
    subcommand,
    cgo: cgoVariable?.value ?? goEnvCgo,
    cgoFrom: cgoVariable?.from ?? (goEnvCgo !== undefined ? 'go-env' : undefined),
    goos,
    goarch,
    tags,
    staticLdflags: ldflags.some((value) => signalPatterns.goExtldflagsStatic.pattern.test(value)),
    race: hasFlag(parsed, '-race', '-msan', '-asan'),
    outputs,
    location: runLocation(run, command),
  };
}

/**
 * Where Go writes a binary without `-o`: `go build ./cmd/x` writes `x` into the working
 * directory; `go install` writes into GOBIN or GOPATH/bin, in a GOOS_GOARCH subdirectory when
 * cross-compiling (`go help install`).
 */
function defaultOutputs(
  subcommand: 'build' | 'install',
  packages: readonly string[],
  variables: RunVariables,
  command: ShellCommand,
  goos: string | undefined,
  goarch: string | undefined,
): string[] {
  const name = packages.length === 1 ? binaryName(packages[0] ?? '') : undefined;
  if (subcommand === 'build') {
    return name === undefined ? [] : [name];
  }
  const gobin = variables.lookup('GOBIN', command)?.value;
  const binDirectory =
    gobin ??
    `${(variables.lookup('GOPATH', command)?.value ?? defaultGoPath).split(':')[0] ?? defaultGoPath}/bin`;
  if (name === undefined) {
    return [binDirectory];
  }
  const outputs = [`${binDirectory}/${name}`];
  if (gobin === undefined && goos !== undefined && goarch !== undefined) {
    outputs.push(`${binDirectory}/${goos}_${goarch}/${name}`);
  }
  return outputs;
}

/** The binary name Go derives from a package path: its last element, skipping a `/vN` major-version suffix. */
function binaryName(packagePath: string): string | undefined {
  const withoutVersion = packagePath.split('@')[0] ?? '';
  if (withoutVersion.includes('...') || withoutVersion.includes('$')) {
    return undefined;
  }
  if (withoutVersion.endsWith('.go')) {
    const file = withoutVersion.slice(withoutVersion.lastIndexOf('/') + 1);
    return file.slice(0, -3) || undefined;
  }
  const elements = withoutVersion.split('/').filter((element) => element !== '' && element !== '.');
  let last = elements.pop();
  if (last !== undefined && /^v\d+$/.test(last) && elements.length > 0) {
    last = elements.pop();
  }
  return last === undefined || last === '..' ? undefined : last;
}

function reportGoBuild(run: ParsedRun, command: ShellCommand, build: GoBuild, draft: SignalDraft): void {
  const text = commandText(run, command);
  const location = build.location;
  draft.signals.push(createSignal('go-build', text, location, build.outputs[0]));
  if (build.staticLdflags) {
    draft.signals.push(createSignal('go-static-ldflags', text, location));
  }
  if (build.tags.includes('netgo') && build.tags.includes('osusergo')) {
    draft.signals.push(createSignal('go-netgo-osusergo', text, location, build.tags.join(',')));
  }
  if (build.tags.includes('dynamic')) {
    draft.signals.push(createSignal('go-tags-dynamic', text, location));
  }
  if (build.race) {
    draft.signals.push(createSignal('go-race', text, location));
  }
}

/** `-o dir/` and a bare `GOPATH/bin` (when the binary name is unknown) are directories. */
function isDirectoryOutput(output: string): boolean {
  return output.endsWith('/') || output.endsWith('/bin');
}

/** CGO_ENABLED set on the command line (`CGO_ENABLED=0 go build`, `export CGO_ENABLED=0`). */
function reportCgoAssignments(
  run: ParsedRun,
  command: ShellCommand,
  variables: RunVariables,
  draft: SignalDraft,
): void {
  for (const assignment of command.assignments) {
    if (assignment.name === 'CGO_ENABLED') {
      reportCgoValue(
        variables.expand(assignment.value),
        assignment.word.text,
        runLocation(run, wordSpan(assignment.word)),
        draft,
      );
    }
  }
  const name = commandName(command.words[0]);
  if (name === 'export' || name === 'declare' || name === 'typeset') {
    for (const word of command.words.slice(1)) {
      if (word.text.startsWith('CGO_ENABLED=')) {
        reportCgoValue(
          variables.expand(word.text.slice(12)),
          word.text,
          runLocation(run, wordSpan(word)),
          draft,
        );
      }
    }
  }
}

function reportStageCgo(context: DetectionContext, draft: SignalDraft): void {
  const variable = lookupStageVariable(context.input, 'CGO_ENABLED');
  if (variable) {
    reportCgoValue(
      variable.value,
      `CGO_ENABLED=${variable.value}`,
      { kind: variable.origin, key: 'CGO_ENABLED' },
      draft,
    );
  }
}

function reportCgoValue(value: string, matched: string, location: SignalLocation, draft: SignalDraft): void {
  const trimmed = value.trim();
  if (trimmed === '0') {
    draft.signals.push(createSignal('go-cgo-disabled', matched, location, trimmed));
  } else if (trimmed === '1') {
    draft.signals.push(createSignal('go-cgo-enabled', matched, location, trimmed));
  }
}
