import { flatCopy } from '../flatString';

/**
 * A small, linear-time splitter of `RUN` text into simple commands and words. It understands
 * quotes, backslash escapes and line continuations, `$(…)`, `${…}` and backticks as parts of a
 * word, the separators `;`, `&&`, `||`, `|`, `&` and newlines, redirections, comments, and
 * `sh -c '…'` scripts. It is not a full shell parser: it only needs to find commands such as
 * `go build` and their flags reliably, and it must never be slow or throw on odd input.
 */

export interface ShellWord {
  /** The word with quotes and escapes removed; `$VAR` and `$(…)` are kept as written. */
  readonly text: string;
  /** Offsets of the word in the text given to `splitShellCommands` (for `sh -c` scripts: of the whole script word). */
  readonly start: number;
  readonly end: number;
}

export interface ShellAssignment {
  readonly name: string;
  readonly value: string;
  readonly word: ShellWord;
}

export interface ShellCommand {
  /** `NAME=value` words before the command name (also those after `env`). */
  readonly assignments: readonly ShellAssignment[];
  /** The command name and its arguments, after wrappers such as `env`, `sudo` and `exec`. */
  readonly words: readonly ShellWord[];
  readonly start: number;
  readonly end: number;
}

/** `sh -c` scripts inside `sh -c` scripts are followed this deep. */
const maxScriptDepth = 3;

const leadingKeywords: ReadonlySet<string> = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  'esac',
  '!',
  '{',
  '}',
  'time',
]);

const wrapperCommands: ReadonlySet<string> = new Set([
  'sudo',
  'doas',
  'exec',
  'nice',
  'nohup',
  'command',
  'time',
]);

const shells: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** An assignment word: a shell name followed by `=`. Anchored, one class run, no nesting: linear. */
const assignmentPattern = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** A short option cluster that contains `c`, such as `-c`, `-ec`, `-euxc`. Anchored, one class run: linear. */
const shellScriptFlagPattern = /^-[a-z]*c[a-z]*$/;

export function splitShellCommands(text: string): ShellCommand[] {
  if (typeof text !== 'string' || text === '') {
    return [];
  }
  let commands = commandsByText.get(text);
  if (!commands) {
    if (commandsByText.size >= MAX_KEPT_TEXTS || keptCharacters + text.length > MAX_KEPT_CHARACTERS) {
      commandsByText.clear();
      keptCharacters = 0;
    }
    // Kept across edits, so neither the key nor the words may hold on to the document (see flatCopy).
    const own = flatCopy(text);
    commands = toCommands(tokenize(own), 0);
    commandsByText.set(own, commands);
    keptCharacters += own.length;
  }
  return commands;
}

/**
 * The commands of recently split texts. The analysis runs on every keystroke and nearly every RUN is
 * unchanged since the previous one, so its commands are reused; the map is emptied when it fills up, which
 * bounds its memory. Callers must treat the result as read-only.
 */
const commandsByText = new Map<string, ShellCommand[]>();
const MAX_KEPT_TEXTS = 5000;
/** Together the kept texts stay under this many characters, so long RUNs cannot fill memory either. */
const MAX_KEPT_CHARACTERS = 4_000_000;
let keptCharacters = 0;

/** The last path segment of a command name: `/usr/local/go/bin/go` → `go`. */
export function commandName(word: ShellWord | undefined): string {
  if (word === undefined) {
    return '';
  }
  const slash = word.text.lastIndexOf('/');
  return slash >= 0 ? word.text.slice(slash + 1) : word.text;
}

function toCommands(groups: readonly ShellWord[][], depth: number): ShellCommand[] {
  const commands: ShellCommand[] = [];
  for (const group of groups) {
    const command = toCommand(group);
    if (command === undefined) {
      continue;
    }
    const script = depth < maxScriptDepth ? shellScript(command) : undefined;
    if (script !== undefined) {
      const nested = toCommands(tokenize(script.text), depth + 1).map((inner) => relocate(inner, script));
      commands.push(...nested);
      continue;
    }
    commands.push(command);
  }
  return commands;
}

function toCommand(group: readonly ShellWord[]): ShellCommand | undefined {
  let index = 0;
  while (index < group.length && leadingKeywords.has(group[index]?.text ?? '')) {
    index++;
  }
  const assignments: ShellAssignment[] = [];
  const takeAssignments = (): void => {
    for (let word = group[index]; word !== undefined; word = group[index]) {
      const match = assignmentPattern.exec(word.text);
      if (!match) {
        return;
      }
      assignments.push({ name: match[1] ?? '', value: word.text.slice(match[0].length), word });
      index++;
    }
  };
  takeAssignments();
  for (let guard = 0; guard < group.length && index < group.length; guard++) {
    const name = commandName(group[index]);
    if (name === 'env') {
      index++;
      while (index < group.length && (group[index]?.text ?? '').startsWith('-')) {
        index++;
      }
      takeAssignments();
    } else if (wrapperCommands.has(name)) {
      index++;
      while (index < group.length && (group[index]?.text ?? '').startsWith('-')) {
        index++;
      }
    } else {
      break;
    }
  }
  const words = group.slice(index);
  const first = group[0];
  const last = group[group.length - 1];
  if (first === undefined || last === undefined || (words.length === 0 && assignments.length === 0)) {
    return undefined;
  }
  return { assignments, words, start: first.start, end: last.end };
}

/** The script of `sh -c '…'`, `bash -ec "…"`. */
function shellScript(command: ShellCommand): ShellWord | undefined {
  if (!shells.has(commandName(command.words[0]))) {
    return undefined;
  }
  const flag = command.words.findIndex((word, i) => i > 0 && shellScriptFlagPattern.test(word.text));
  return flag > 0 ? command.words[flag + 1] : undefined;
}

function relocate(command: ShellCommand, script: ShellWord): ShellCommand {
  const move = (word: ShellWord): ShellWord => ({ text: word.text, start: script.start, end: script.end });
  return {
    assignments: command.assignments.map((assignment) => ({ ...assignment, word: move(assignment.word) })),
    words: command.words.map(move),
    start: script.start,
    end: script.end,
  };
}

/** Splits text into groups of words, one group per simple command. Every index is visited once. */
function tokenize(text: string): ShellWord[][] {
  const groups: ShellWord[][] = [];
  let current: ShellWord[] = [];
  let buffer = '';
  let wordStart = -1;
  let dropNextWord = false;
  const length = text.length;

  const beginWord = (at: number): void => {
    if (wordStart < 0) {
      wordStart = at;
    }
  };
  const endWord = (at: number): void => {
    if (wordStart >= 0) {
      if (dropNextWord) {
        dropNextWord = false;
      } else {
        current.push({ text: flatCopy(buffer), start: wordStart, end: at });
      }
    }
    buffer = '';
    wordStart = -1;
  };
  const endCommand = (): void => {
    if (current.length > 0) {
      groups.push(current);
    }
    current = [];
    dropNextWord = false;
  };

  for (let i = 0; i < length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === '\n') {
        i++;
      } else if (next === '\r' && text[i + 2] === '\n') {
        i += 2;
      } else if (next !== undefined) {
        beginWord(i);
        buffer += next;
        i++;
      }
      continue;
    }
    if (ch === "'") {
      beginWord(i);
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? length : close;
      buffer += text.slice(i + 1, end);
      i = end;
      continue;
    }
    if (ch === '"') {
      beginWord(i);
      i = readDoubleQuoted(text, i + 1, (part) => {
        buffer += part;
      });
      continue;
    }
    if (ch === '`') {
      beginWord(i);
      const close = text.indexOf('`', i + 1);
      const end = close < 0 ? length - 1 : close;
      buffer += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if (ch === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      beginWord(i);
      const end = text[i + 1] === '(' ? findClosingParen(text, i + 1) : closingBrace(text, i + 2);
      buffer += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord(i);
      continue;
    }
    if (ch === '\n' || ch === ';' || ch === '(' || ch === ')') {
      endWord(i);
      endCommand();
      continue;
    }
    if (ch === '&' && text[i + 1] !== '>') {
      endWord(i);
      endCommand();
      if (text[i + 1] === '&') {
        i++;
      }
      continue;
    }
    if (ch === '|') {
      endWord(i);
      endCommand();
      if (text[i + 1] === '|') {
        i++;
      }
      continue;
    }
    if (ch === '>' || ch === '<' || ch === '&') {
      // A redirection: a file-descriptor number before it and the target after it are not arguments.
      if (wordStart >= 0 && /^\d+$/.test(buffer)) {
        buffer = '';
        wordStart = -1;
      } else {
        endWord(i);
      }
      while (i + 1 < length && '<>&|-'.includes(text[i + 1] ?? '')) {
        i++;
      }
      dropNextWord = true;
      continue;
    }
    if (ch === '#' && wordStart < 0) {
      const newline = text.indexOf('\n', i);
      i = newline < 0 ? length : newline - 1;
      continue;
    }
    beginWord(i);
    buffer += ch;
  }
  endWord(length);
  endCommand();
  return groups;
}

/** Reads a double-quoted string from `from` (after the quote); returns the index of the closing quote. */
function readDoubleQuoted(text: string, from: number, append: (part: string) => void): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '"') {
      return i;
    }
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (next !== undefined && '"\\$`'.includes(next)) {
        append(next);
        i += 2;
        continue;
      }
    }
    if (ch === '$' && text[i + 1] === '(') {
      const end = findClosingParen(text, i + 1);
      append(text.slice(i, end + 1));
      i = end + 1;
      continue;
    }
    append(ch);
    i++;
  }
  return text.length;
}

/** Finds the `)` that closes the `(` at `open`, skipping quoted text; the last index when unbalanced. */
function findClosingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) {
        return text.length - 1;
      }
      i = close;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth === 0) {
        return i;
      }
    }
  }
  return text.length - 1;
}

function closingBrace(text: string, from: number): number {
  const close = text.indexOf('}', from);
  return close < 0 ? text.length - 1 : close;
}
