import {
  commandText,
  createSignal,
  runLocation,
  type DetectionContext,
  type DotnetPublish,
  type SignalDraft,
} from './buildSignalTypes';
import { architectureOfTarget, normalizeArchitecture } from './architectures';
import { walkRunCommands, type RunVariables } from './runVariables';
import { signalPatterns } from './signalPatterns';
import { commandName, type ShellWord } from './shellWords';

/** `dotnet publish` options that take a value (`dotnet publish --help`). */
const valueOptions: ReadonlySet<string> = new Set([
  '-r',
  '--runtime',
  '-a',
  '--arch',
  '--os',
  '-o',
  '--output',
  '-c',
  '--configuration',
  '-f',
  '--framework',
  '-v',
  '--verbosity',
  '-p',
  '--property',
  '-property',
]);

/** MSBuild properties that decide whether output is native (libc.md §5.4), lowercased. */
interface PublishProperties {
  runtimeidentifier?: string;
  selfcontained?: string;
  publishaot?: string;
  publishsinglefile?: string;
  publishreadytorun?: string;
}

/**
 * Finds `dotnet publish` and whether its output is framework-dependent IL (portable) or
 * libc-specific native output: a runtime identifier, self-contained, single-file, ReadyToRun or
 * Native AOT (libc.md §5.4).
 */
export function detectDotnetSignals(context: DetectionContext, draft: SignalDraft): void {
  walkRunCommands(context, (run, command, variables) => {
    const words = command.words;
    if (commandName(words[0]) !== 'dotnet' || words[1]?.text !== 'publish') {
      return;
    }
    const publish = readPublish(words.slice(2), variables, runLocation(run, command));
    draft.dotnetPublishes.push(publish);
    const text = commandText(run, command);
    const location = publish.location;
    if (publish.runtimeLibc === 'musl') {
      draft.signals.push(createSignal('dotnet-musl-rid', text, location, publish.runtimeIdentifier));
    } else if (publish.runtimeLibc === 'glibc') {
      draft.signals.push(createSignal('dotnet-glibc-rid', text, location, publish.runtimeIdentifier));
    }
    if (publish.nativeAot) {
      draft.signals.push(createSignal('dotnet-native-aot', text, location));
    } else if (publish.selfContained === true || publish.singleFile || publish.readyToRun) {
      draft.signals.push(createSignal('dotnet-self-contained', text, location));
    } else if (publish.frameworkDependent) {
      draft.signals.push(createSignal('dotnet-framework-dependent', text, location));
    }
    for (const output of publish.outputs) {
      draft.binaryOutputs.push({ path: output, tool: 'dotnet', isDirectory: true, location });
    }
  });
}

function readPublish(
  words: readonly ShellWord[],
  variables: RunVariables,
  location: DotnetPublish['location'],
): DotnetPublish {
  const options = new Map<string, string>();
  const properties: PublishProperties = {};
  let selfContained: boolean | undefined;
  for (let i = 0; i < words.length; i++) {
    const text = words[i]?.text ?? '';
    const property = propertyAssignment(text);
    if (property) {
      readProperties(variables.expand(property), properties);
      continue;
    }
    if (text === '--self-contained' || text === '--sc') {
      const next = words[i + 1]?.text.toLowerCase();
      selfContained = next === 'false' ? false : true;
      if (next === 'true' || next === 'false') {
        i++;
      }
      continue;
    }
    if (text === '--no-self-contained') {
      selfContained = false;
      continue;
    }
    const equals = text.indexOf('=');
    const name = equals > 0 ? text.slice(0, equals) : text;
    if (valueOptions.has(name)) {
      const value = equals > 0 ? text.slice(equals + 1) : words[++i]?.text;
      if (value !== undefined) {
        if (name === '-p' || name === '--property' || name === '-property') {
          readProperties(variables.expand(value), properties);
        } else {
          options.set(name, variables.expand(value));
        }
      }
    }
  }
  if (selfContained === undefined && properties.selfcontained !== undefined) {
    selfContained = properties.selfcontained.toLowerCase() === 'true';
  }
  const runtimeIdentifier = options.get('-r') ?? options.get('--runtime') ?? properties.runtimeidentifier;
  const arch = options.get('-a') ?? options.get('--arch');
  const nativeAot = isTrue(properties.publishaot);
  const singleFile = isTrue(properties.publishsinglefile);
  const readyToRun = isTrue(properties.publishreadytorun);
  const output = options.get('-o') ?? options.get('--output');
  return {
    runtimeIdentifier,
    runtimeLibc: runtimeLibc(runtimeIdentifier),
    architecture:
      (arch !== undefined ? normalizeArchitecture(arch)?.architecture : undefined) ??
      (runtimeIdentifier !== undefined ? architectureOfTarget(runtimeIdentifier)?.architecture : undefined),
    selfContained,
    nativeAot,
    singleFile,
    readyToRun,
    frameworkDependent:
      runtimeIdentifier === undefined &&
      arch === undefined &&
      selfContained !== true &&
      !nativeAot &&
      !singleFile &&
      !readyToRun,
    outputs: output === undefined ? [] : [output],
    location,
  };
}

/** `-p:Name=Value`, `/p:Name=Value`, `--property:Name=Value`, `-property:Name=Value`. */
function propertyAssignment(text: string): string | undefined {
  for (const prefix of ['-p:', '/p:', '--property:', '-property:', '/property:']) {
    if (text.toLowerCase().startsWith(prefix)) {
      return text.slice(prefix.length);
    }
  }
  return undefined;
}

/** Reads `Name=Value;Name2=Value2` into the properties that matter here. */
function readProperties(text: string, properties: PublishProperties): void {
  for (const pair of text.split(';')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      continue;
    }
    const key = pair.slice(0, equals).trim().toLowerCase();
    const value = pair.slice(equals + 1).trim();
    if (
      key === 'runtimeidentifier' ||
      key === 'selfcontained' ||
      key === 'publishaot' ||
      key === 'publishsinglefile' ||
      key === 'publishreadytorun'
    ) {
      properties[key] = value;
    }
  }
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.toLowerCase() === 'true';
}

function runtimeLibc(rid: string | undefined): DotnetPublish['runtimeLibc'] {
  if (rid === undefined) {
    return undefined;
  }
  const lower = rid.toLowerCase();
  if (signalPatterns.dotnetMuslRid.pattern.test(lower)) {
    return 'musl';
  }
  if (signalPatterns.dotnetGlibcRid.pattern.test(lower)) {
    return 'glibc';
  }
  return lower.startsWith('win') ? 'windows' : 'other';
}
