import {
  commandText,
  createSignal,
  runLocation,
  type DetectionContext,
  type ParsedRun,
  type SignalDraft,
} from './buildSignalTypes';
import { flagValues, parseArguments } from './commandArguments';
import { walkRunCommands, type RunVariables } from './runVariables';
import { commandName, type ShellCommand } from './shellWords';
import { lookupStageVariable } from './stageVariables';

const pipCommands: ReadonlySet<string> = new Set(['pip', 'pip3']);
const nodePackageManagers: ReadonlySet<string> = new Set(['npm', 'pnpm', 'yarn']);

/**
 * Signals from interpreted ecosystems whose build output still contains native code or depends on
 * the builder's interpreter (libc.md §5.5, Appendix A): Elixir releases, jlink runtimes, and
 * installs that pick wheels or prebuilt addons for an explicit platform.
 */
export function detectEcosystemSignals(context: DetectionContext, draft: SignalDraft): void {
  reportForceRubyPlatform(context, draft);
  walkRunCommands(context, (run, command, variables) => {
    const words = command.words;
    const name = commandName(words[0]);
    const location = runLocation(run, command);
    const text = commandText(run, command);
    if (command.assignments.some((assignment) => assignment.name === 'BUNDLE_FORCE_RUBY_PLATFORM')) {
      draft.signals.push(createSignal('bundle-force-ruby-platform', text, location));
    }
    if (name === 'mix' && words[1]?.text === 'release') {
      const parsed = parseArguments(words.slice(2), new Set(['--path', '--overwrite']));
      const environment = variables.lookup('MIX_ENV', command)?.value ?? 'prod';
      const path = flagValues(parsed, '--path')[0] ?? `_build/${environment}/rel`;
      draft.signals.push(createSignal('mix-release', text, location));
      draft.binaryOutputs.push({ path: variables.expand(path), tool: 'mix', isDirectory: true, location });
    } else if (name === 'jlink') {
      const parsed = parseArguments(
        words.slice(1),
        new Set(['--output', '--add-modules', '--module-path', '-p', '--compress']),
      );
      const output = flagValues(parsed, '--output')[0];
      draft.signals.push(createSignal('jlink', text, location, output));
      if (output !== undefined) {
        draft.binaryOutputs.push({
          path: variables.expand(output),
          tool: 'jlink',
          isDirectory: true,
          location,
        });
      }
    } else if (isPipInstall(command, name)) {
      const platform = platformFlag(command, ['--platform', '--python-platform'], variables);
      if (platform !== undefined) {
        draft.signals.push(createSignal('pip-platform', text, location, platform));
      }
    } else if (nodePackageManagers.has(name)) {
      const platform = (['--os', '--libc', '--cpu'] as const)
        .map((flag) => {
          const value = platformFlag(command, [flag], variables);
          return value === undefined ? undefined : `${flag.slice(2)}=${value}`;
        })
        .filter((entry) => entry !== undefined);
      if (platform.length > 0) {
        draft.signals.push(createSignal('node-platform-install', text, location, platform.join(' ')));
      }
    } else if (name === 'bundle' && words.some((word) => word.text === 'force_ruby_platform')) {
      draft.signals.push(createSignal('bundle-force-ruby-platform', text, location));
    } else if (name === 'uv') {
      reportUvManagedPython(run, command, variables, draft);
    }
  });
}

/** `pip install`, `python -m pip install`, `uv pip install`. */
function isPipInstall(command: ShellCommand, name: string): boolean {
  const texts = command.words.map((word) => word.text);
  const pipIndex = pipCommands.has(name) ? 0 : texts.findIndex((text, i) => i > 0 && pipCommands.has(text));
  return pipIndex >= 0 && texts.slice(pipIndex + 1).includes('install');
}

function platformFlag(
  command: ShellCommand,
  names: readonly string[],
  variables: RunVariables,
): string | undefined {
  const words = command.words;
  for (let i = 1; i < words.length; i++) {
    const text = words[i]?.text ?? '';
    for (const name of names) {
      if (text === name) {
        return variables.expand(words[i + 1]?.text ?? '');
      }
      if (text.startsWith(`${name}=`)) {
        return variables.expand(text.slice(name.length + 1));
      }
    }
  }
  return undefined;
}

/**
 * `uv sync`, `uv venv` and `uv python install` may download a uv-managed interpreter that a venv
 * then links to, unless downloads are off or a system interpreter is named.
 */
function reportUvManagedPython(
  run: ParsedRun,
  command: ShellCommand,
  variables: RunVariables,
  draft: SignalDraft,
): void {
  const words = command.words.map((word) => word.text);
  const subcommand = words[1];
  const managed =
    subcommand === 'sync' || subcommand === 'venv' || (subcommand === 'python' && words[2] === 'install');
  if (!managed) {
    return;
  }
  const downloads = variables.lookup('UV_PYTHON_DOWNLOADS', command)?.value.toLowerCase();
  const systemInterpreter = words.some(
    (word, i) =>
      (word === '--python' && (words[i + 1] ?? '').startsWith('/')) || word.startsWith('--python=/'),
  );
  if (
    downloads === '0' ||
    downloads === 'never' ||
    downloads === 'false' ||
    systemInterpreter ||
    words.includes('--no-python-downloads')
  ) {
    return;
  }
  draft.signals.push(createSignal('uv-managed-python', commandText(run, command), runLocation(run, command)));
}

function reportForceRubyPlatform(context: DetectionContext, draft: SignalDraft): void {
  const variable = lookupStageVariable(context.input, 'BUNDLE_FORCE_RUBY_PLATFORM');
  if (variable) {
    draft.signals.push(
      createSignal('bundle-force-ruby-platform', `BUNDLE_FORCE_RUBY_PLATFORM=${variable.value}`, {
        kind: variable.origin,
        key: 'BUNDLE_FORCE_RUBY_PLATFORM',
      }),
    );
  }
}
