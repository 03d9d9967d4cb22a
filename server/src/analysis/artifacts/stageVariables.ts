/** The text of one stage that build-signal detection reads. */
export interface StageBuildInput {
  /** The text of each `RUN` instruction (shell form as written, exec form joined with spaces, heredoc bodies included). */
  readonly runs: readonly string[];
  /** `ENV` values in effect in the stage, inherited ones included. */
  readonly env?: Readonly<Record<string, string>>;
  /** `ARG` declarations of the stage with their defaults (undefined when declared without one). */
  readonly args?: Readonly<Record<string, string | undefined>>;
}

export type VariableOrigin = 'env' | 'arg';

export interface StageVariable {
  readonly value: string;
  readonly origin: VariableOrigin;
}

/**
 * Looks up a variable as `RUN` sees it: `ENV` wins over an `ARG` of the same name (Dockerfile
 * reference, "Using ARG variables"). An `ARG` without a default is unset unless a build argument
 * is passed, which the analyzer cannot see.
 */
export function lookupStageVariable(input: StageBuildInput, name: string): StageVariable | undefined {
  const env = input.env;
  if (env && Object.prototype.hasOwnProperty.call(env, name)) {
    const value = env[name];
    if (typeof value === 'string') {
      return {
        value: expandVariables(value, (inner) => (inner === name ? undefined : argValue(input, inner))),
        origin: 'env',
      };
    }
  }
  const arg = argValue(input, name);
  return arg === undefined ? undefined : { value: arg, origin: 'arg' };
}

function argValue(input: StageBuildInput, name: string): string | undefined {
  const args = input.args;
  if (!args || !Object.prototype.hasOwnProperty.call(args, name)) {
    return undefined;
  }
  const value = args[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Expands `$NAME`, `${NAME}` and `${NAME:-default}` one level with `lookup`; references it cannot
 * resolve stay as written. A hand-written scan keeps this linear on unterminated `${`.
 */
export function expandVariables(value: string, lookup: (name: string) => string | undefined): string {
  if (!value.includes('$')) {
    return value;
  }
  let result = '';
  let i = 0;
  while (i < value.length) {
    const dollar = value.indexOf('$', i);
    if (dollar < 0) {
      result += value.slice(i);
      break;
    }
    result += value.slice(i, dollar);
    if (value[dollar + 1] === '{') {
      const close = value.indexOf('}', dollar + 2);
      if (close < 0) {
        result += value.slice(dollar);
        break;
      }
      const body = value.slice(dollar + 2, close);
      const separator = body.indexOf(':-');
      const name = separator >= 0 ? body.slice(0, separator) : body;
      const resolved = lookup(name) ?? (separator >= 0 ? body.slice(separator + 2) : undefined);
      result += resolved ?? value.slice(dollar, close + 1);
      i = close + 1;
      continue;
    }
    let end = dollar + 1;
    while (end < value.length && /[A-Za-z0-9_]/.test(value[end] ?? '')) {
      end++;
    }
    const name = value.slice(dollar + 1, end);
    result += name === '' ? '$' : (lookup(name) ?? value.slice(dollar, end));
    i = end;
  }
  return result;
}
