import type { ShellWord } from './shellWords';

export interface ParsedFlag {
  /** The flag as written up to any `=`, e.g. '--target', '-o'. */
  readonly name: string;
  readonly value: string | undefined;
  readonly word: ShellWord;
}

export interface ParsedArguments {
  readonly flags: readonly ParsedFlag[];
  readonly positionals: readonly ShellWord[];
}

/**
 * Splits arguments into flags and positionals. `--flag=value` carries its value; a flag named in
 * `valueFlags` takes the next word as its value; other flags are switches.
 */
export function parseArguments(
  words: readonly ShellWord[],
  valueFlags: ReadonlySet<string>,
): ParsedArguments {
  const flags: ParsedFlag[] = [];
  const positionals: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === undefined) {
      continue;
    }
    const text = word.text;
    if (!text.startsWith('-') || text === '-' || text === '--') {
      positionals.push(word);
      continue;
    }
    const equals = text.indexOf('=');
    if (equals > 0) {
      flags.push({ name: text.slice(0, equals), value: text.slice(equals + 1), word });
    } else if (valueFlags.has(text)) {
      flags.push({ name: text, value: words[i + 1]?.text, word });
      i++;
    } else {
      flags.push({ name: text, value: undefined, word });
    }
  }
  return { flags, positionals };
}

/** The values of every occurrence of the named flags. */
export function flagValues(parsed: ParsedArguments, ...names: string[]): string[] {
  return parsed.flags
    .filter((flag) => names.includes(flag.name) && flag.value !== undefined)
    .map((flag) => flag.value ?? '');
}

export function hasFlag(parsed: ParsedArguments, ...names: string[]): boolean {
  return parsed.flags.some((flag) => names.includes(flag.name));
}
