/**
 * Expands `$NAME`, `${NAME}` and the `${NAME:-word}` family the way BuildKit's shell lexer does for
 * FROM lines, with the values of global ARGs. The scan is linear in the input and nesting is capped,
 * so hostile input cannot make it slow or blow the stack.
 */
export interface Expansion {
  readonly value: string;
  /** False when some variable had no value and was replaced by the empty string. */
  readonly complete: boolean;
  /** Names of the variables that were referenced. */
  readonly variables: readonly string[];
}

const MAX_DEPTH = 16;
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

export function expandVariables(
  text: string,
  values: ReadonlyMap<string, string | undefined>,
  escapeChar = '\\',
): Expansion {
  const state = { complete: true, variables: [] as string[] };
  const value = expand(text, values, escapeChar, state, 0);
  return { value, complete: state.complete, variables: state.variables };
}

/** True when the text contains an unescaped `$` that starts a variable. */
export function hasVariable(text: string, escapeChar = '\\'): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escapeChar) {
      i++;
    } else if (ch === '$') {
      const next = text[i + 1] ?? '';
      if (next === '{' || NAME_START.test(next)) {
        return true;
      }
    }
  }
  return false;
}

interface ExpandState {
  complete: boolean;
  variables: string[];
}

function expand(
  text: string,
  values: ReadonlyMap<string, string | undefined>,
  escapeChar: string,
  state: ExpandState,
  depth: number,
): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === escapeChar && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1] ?? '';
    if (NAME_START.test(next)) {
      let end = i + 2;
      while (end < text.length && NAME_PART.test(text[end])) {
        end++;
      }
      out += lookup(text.slice(i + 1, end), values, state);
      i = end;
      continue;
    }
    if (next === '{') {
      const close = findClosingBrace(text, i + 2);
      if (close < 0) {
        // An unterminated `${` is kept as written, which is what a half-typed line needs.
        out += text.slice(i);
        break;
      }
      out += expandBraced(text.slice(i + 2, close), values, escapeChar, state, depth);
      i = close + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function expandBraced(
  inner: string,
  values: ReadonlyMap<string, string | undefined>,
  escapeChar: string,
  state: ExpandState,
  depth: number,
): string {
  let nameEnd = 0;
  while (nameEnd < inner.length && NAME_PART.test(inner[nameEnd])) {
    nameEnd++;
  }
  const name = inner.slice(0, nameEnd);
  const rest = inner.slice(nameEnd);
  if (name === '') {
    state.complete = false;
    return '';
  }
  state.variables.push(name);
  const current = values.get(name);
  const isSet = current !== undefined;
  const isNonEmpty = isSet && current !== '';
  const word = (from: number): string =>
    depth >= MAX_DEPTH ? '' : expand(rest.slice(from), values, escapeChar, state, depth + 1);
  if (rest === '') {
    return lookup(name, values, state, false);
  }
  if (rest.startsWith(':-')) {
    return isNonEmpty ? current : word(2);
  }
  if (rest.startsWith('-')) {
    return isSet ? current : word(1);
  }
  if (rest.startsWith(':+')) {
    return isNonEmpty ? word(2) : '';
  }
  if (rest.startsWith('+')) {
    return isSet ? word(1) : '';
  }
  // `${X:?message}` and anything BuildKit would reject: use the value if there is one.
  return lookup(name, values, state, false);
}

function lookup(
  name: string,
  values: ReadonlyMap<string, string | undefined>,
  state: ExpandState,
  record = true,
): string {
  if (record) {
    state.variables.push(name);
  }
  const value = values.get(name);
  if (value === undefined) {
    state.complete = false;
    return '';
  }
  return value;
}

function findClosingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      if (depth === 0) {
        return i;
      }
      depth--;
    }
  }
  return -1;
}
