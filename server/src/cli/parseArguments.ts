/** The parsed command line of `dockerfile-stages check`. */
export interface CheckCommand {
  readonly format: OutputFormat;
  readonly target: string | undefined;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly paths: readonly string[];
  /** How many threads analyse files; undefined lets the CLI choose from the number of CPUs. */
  readonly jobs: number | undefined;
}

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'mermaid', 'dot'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export type ParsedArguments =
  | { readonly kind: 'check'; readonly command: CheckCommand }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'error'; readonly message: string };

export const USAGE = `Usage: dockerfile-stages check [options] PATH...

Checks Dockerfiles for multi-stage problems. A directory is searched for Dockerfile, Containerfile,
*.Dockerfile, Dockerfile.* (and *.containerfile, Containerfile.*), skipping .git and node_modules.

Options:
  --format FORMAT            text, json, sarif, or the stage graph as mermaid or dot
                             (default: text)
  --target NAME              the stage that is built (default: the last stage)
  --build-arg NAME=VALUE     a value for a global ARG, as docker build --build-arg (repeatable)
  --jobs N                   analyse on N threads (default: more threads for large runs on
                             machines with more than two CPUs)
  -h, --help                 show this help
  --version                  show the version

Settings: the nearest .dockerfile-stages.json in each checked file's folder or a folder above it
(keys: images, rules, target, buildArgs) applies to that file; --target and --build-arg win over it.

Exit status: 0 when no error was found, 1 when an error-severity finding was reported,
2 for usage errors, unreadable paths or an invalid .dockerfile-stages.json (the files are still checked).`;

/** Parses argv (without `node` and the script). Never throws; errors come back as `kind: 'error'`. */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  if (argv.length === 0) {
    return { kind: 'error', message: 'missing command: use "dockerfile-stages check PATH..."' };
  }
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    return { kind: 'help' };
  }
  if (command === '--version') {
    return { kind: 'version' };
  }
  if (command !== 'check') {
    return { kind: 'error', message: `unknown command '${command}': the only command is "check"` };
  }

  let format: OutputFormat = 'text';
  let target: string | undefined;
  const buildArgs: Record<string, string> = {};
  const paths: string[] = [];
  let jobs: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i];
    const [flag, inlineValue] = splitFlag(argument);
    const takeValue = (): string | undefined => inlineValue ?? rest[++i];
    if (flag === '-h' || flag === '--help') {
      return { kind: 'help' };
    } else if (flag === '--format') {
      const value = takeValue();
      if (!(OUTPUT_FORMATS as readonly string[]).includes(value ?? '')) {
        return { kind: 'error', message: `--format must be one of ${OUTPUT_FORMATS.join(', ')}` };
      }
      format = value as OutputFormat;
    } else if (flag === '--target') {
      const value = takeValue();
      if (!value) {
        return { kind: 'error', message: '--target needs a stage name' };
      }
      target = value;
    } else if (flag === '--build-arg') {
      const value = takeValue() ?? '';
      const equals = value.indexOf('=');
      if (equals <= 0) {
        return { kind: 'error', message: `--build-arg needs NAME=VALUE, got '${value}'` };
      }
      buildArgs[value.slice(0, equals)] = value.slice(equals + 1);
    } else if (flag === '--jobs') {
      const value = takeValue() ?? '';
      if (!/^[1-9][0-9]{0,3}$/.test(value)) {
        return { kind: 'error', message: `--jobs needs a whole number from 1 to 9999, got '${value}'` };
      }
      jobs = Number(value);
    } else if (argument === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    } else if (argument.startsWith('-') && argument !== '-') {
      return { kind: 'error', message: `unknown option '${argument}'` };
    } else {
      paths.push(argument);
    }
  }
  if (paths.length === 0) {
    return { kind: 'error', message: 'no PATH given: name Dockerfiles or directories to check' };
  }
  return { kind: 'check', command: { format, target, buildArgs, paths, jobs } };
}

function splitFlag(argument: string): [string, string | undefined] {
  if (!argument.startsWith('--')) {
    return [argument, undefined];
  }
  const equals = argument.indexOf('=');
  return equals < 0 ? [argument, undefined] : [argument.slice(0, equals), argument.slice(equals + 1)];
}
