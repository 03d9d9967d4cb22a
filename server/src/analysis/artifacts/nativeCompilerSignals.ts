import {
  commandText,
  createSignal,
  runLocation,
  wordSpan,
  type DetectionContext,
  type ParsedRun,
  type SignalDraft,
  type SignalLocation,
} from './buildSignalTypes';
import { flagValues, hasFlag, parseArguments } from './commandArguments';
import { walkRunCommands, type RunVariables } from './runVariables';
import { signalPatterns } from './signalPatterns';
import { commandName, type ShellCommand, type ShellWord } from './shellWords';
import { lookupStageVariable } from './stageVariables';

/** Flags that make a C/C++ link fully static (libc.md §5.3). */
const staticLinkFlags: ReadonlySet<string> = new Set(['-static', '-static-pie', '--static']);

/** Flags that only make the compiler runtime static while libc stays dynamic (libc.md §5.3). */
const staticRuntimeFlags: ReadonlySet<string> = new Set(['-static-libgcc', '-static-libstdc++']);

/** Compiler modes that stop before linking, so no executable is written. */
const compileOnlyFlags: ReadonlySet<string> = new Set(['-c', '-E', '-S', '-M', '-MM']);

const ccValueFlags: ReadonlySet<string> = new Set([
  '-o',
  '-target',
  '--target',
  '-I',
  '-L',
  '-l',
  '-D',
  '-include',
  '-x',
  '-MF',
]);

/**
 * Finds C, C++, Zig and GraalVM native builds and whether they link statically (libc.md §5.3).
 */
export function detectNativeCompilerSignals(context: DetectionContext, draft: SignalDraft): void {
  reportStageLdflags(context, draft);
  walkRunCommands(context, (run, command, variables) => {
    reportLdflagsAssignments(run, command, variables, draft);
    const name = commandName(command.words[0]);
    if (name === 'zig') {
      detectZig(run, command, variables, draft);
    } else if (name === 'native-image') {
      detectNativeImage(run, command, variables, draft);
    } else if (signalPatterns.cCompiler.pattern.test(name) || name === 'musl-gcc') {
      detectCCompiler(run, command, name, command.words.slice(1), variables, draft);
    }
  });
}

function detectCCompiler(
  run: ParsedRun,
  command: ShellCommand,
  name: string,
  argumentWords: readonly ShellWord[],
  variables: RunVariables,
  draft: SignalDraft,
): void {
  const parsed = parseArguments(argumentWords, ccValueFlags);
  if (parsed.flags.some((flag) => compileOnlyFlags.has(flag.name))) {
    return;
  }
  const text = commandText(run, command);
  const location = runLocation(run, command);
  const isStatic = parsed.flags.some(
    (flag) =>
      staticLinkFlags.has(flag.name) ||
      (flag.name.startsWith('-Wl,') && flag.name.split(',').includes('-static')),
  );
  const runtimeOnly = parsed.flags.some((flag) => staticRuntimeFlags.has(flag.name));
  if (isStatic) {
    draft.signals.push(createSignal('c-static', text, location));
  } else if (name.endsWith('musl-gcc')) {
    draft.signals.push(createSignal('musl-gcc', text, location));
  } else if (runtimeOnly) {
    draft.signals.push(createSignal('c-static-runtime-only', text, location));
  } else {
    draft.signals.push(createSignal('c-compile', text, location));
  }
  for (const output of flagValues(parsed, '-o')) {
    draft.binaryOutputs.push({ path: variables.expand(output), tool: 'cc', isDirectory: false, location });
  }
}

/** `zig cc -target …`, `zig build -Dtarget=…`, `zig build-exe -target …` (libc.md §5.3). */
function detectZig(run: ParsedRun, command: ShellCommand, variables: RunVariables, draft: SignalDraft): void {
  const subcommand = command.words[1]?.text ?? '';
  const argumentWords = command.words.slice(2);
  const parsed = parseArguments(argumentWords, ccValueFlags);
  const targets = [
    ...flagValues(parsed, '-target', '--target'),
    ...argumentWords.filter((word) => word.text.startsWith('-Dtarget=')).map((word) => word.text.slice(9)),
  ].map((target) => variables.expand(target));
  const text = commandText(run, command);
  const location = runLocation(run, command);
  for (const target of targets) {
    if (signalPatterns.zigMuslTarget.pattern.test(target)) {
      draft.signals.push(createSignal('zig-musl-target', text, location, target));
    } else {
      const floor = signalPatterns.zigGlibcFloorTarget.pattern.exec(target);
      if (floor) {
        draft.signals.push(createSignal('zig-glibc-floor', text, location, floor[1]));
      }
    }
  }
  if (subcommand === 'cc' || subcommand === 'c++') {
    if (targets.length === 0) {
      detectCCompiler(run, command, 'zig-cc', argumentWords, variables, draft);
    } else {
      for (const output of flagValues(parsed, '-o')) {
        draft.binaryOutputs.push({
          path: variables.expand(output),
          tool: 'zig',
          isDirectory: false,
          location,
        });
      }
    }
  } else if (subcommand === 'build') {
    const prefix = flagValues(parsed, '-p', '--prefix')[0] ?? 'zig-out';
    draft.binaryOutputs.push({
      path: `${variables.expand(prefix)}/bin`,
      tool: 'zig',
      isDirectory: true,
      location,
    });
  } else if (subcommand === 'build-exe') {
    for (const word of argumentWords) {
      if (word.text.startsWith('-femit-bin=')) {
        draft.binaryOutputs.push({
          path: variables.expand(word.text.slice(11)),
          tool: 'zig',
          isDirectory: false,
          location,
        });
      }
    }
  }
}

/** GraalVM `native-image` (libc.md §5.3). */
function detectNativeImage(
  run: ParsedRun,
  command: ShellCommand,
  variables: RunVariables,
  draft: SignalDraft,
): void {
  const parsed = parseArguments(
    command.words.slice(1),
    new Set(['-o', '-cp', '-classpath', '--class-path', '-jar']),
  );
  const text = commandText(run, command);
  const location = runLocation(run, command);
  const isStatic = hasFlag(parsed, '--static');
  const musl = parsed.flags.some((flag) => flag.name === '--libc' && flag.value === 'musl');
  if (isStatic && musl) {
    draft.signals.push(createSignal('graalvm-static-musl', text, location));
  } else if (isStatic) {
    draft.signals.push(createSignal('graalvm-static', text, location));
  } else if (hasFlag(parsed, '-H:+StaticExecutableWithDynamicLibC')) {
    draft.signals.push(createSignal('graalvm-mostly-static', text, location));
  } else {
    draft.signals.push(createSignal('graalvm-native-image', text, location));
  }
  for (const output of flagValues(parsed, '-o')) {
    draft.binaryOutputs.push({
      path: variables.expand(output),
      tool: 'native-image',
      isDirectory: false,
      location,
    });
  }
}

function ldflagsAreStatic(value: string): boolean {
  return value.split(/\s+/).some((flag) => staticLinkFlags.has(flag));
}

function reportLdflagsAssignments(
  run: ParsedRun,
  command: ShellCommand,
  variables: RunVariables,
  draft: SignalDraft,
): void {
  const words: { readonly text: string; readonly word: ShellWord; readonly value: string }[] =
    command.assignments
      .filter((assignment) => assignment.name === 'LDFLAGS')
      .map((assignment) => ({ text: assignment.word.text, word: assignment.word, value: assignment.value }));
  if (commandName(command.words[0]) === 'export') {
    for (const word of command.words.slice(1)) {
      if (word.text.startsWith('LDFLAGS=')) {
        words.push({ text: word.text, word, value: word.text.slice(8) });
      }
    }
  }
  for (const entry of words) {
    if (ldflagsAreStatic(variables.expand(entry.value))) {
      draft.signals.push(createSignal('c-static', entry.text, runLocation(run, wordSpan(entry.word))));
    }
  }
}

function reportStageLdflags(context: DetectionContext, draft: SignalDraft): void {
  const variable = lookupStageVariable(context.input, 'LDFLAGS');
  if (variable && ldflagsAreStatic(variable.value)) {
    const location: SignalLocation = { kind: variable.origin, key: 'LDFLAGS' };
    draft.signals.push(createSignal('c-static', `LDFLAGS=${variable.value}`, location));
  }
}
