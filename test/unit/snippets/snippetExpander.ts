/**
 * A small expander for VS Code / LSP snippet syntax, so tests can turn a snippet body into the text an
 * editor inserts when the user accepts every default. It follows VS Code's SnippetParser: `$1`, `${1}`,
 * `${1:default}` (nested), `${1|a,b|}`, `$NAME`, `${NAME}`, `${NAME:default}`, and the escapes `\$`, `\}`,
 * `\\` (inside choices `\,`, `\|` and `\\`). Anything that does not form a valid construct is literal text,
 * as in the editor. Transforms (`${1/regex/format/}`) are rejected because no snippet here needs them.
 */

export type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number }
  | { readonly kind: 'placeholder'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] }
  | {
      readonly kind: 'variable';
      readonly name: string;
      readonly children: readonly SnippetNode[] | undefined;
    };

export interface ExpandOptions {
  /** The value of a snippet variable such as TM_FILENAME; undefined when the editor does not know it. */
  readonly resolveVariable?: (name: string) => string | undefined;
  /** The option a choice tabstop takes; the first option (what the editor preselects) by default. */
  readonly choose?: (index: number, options: readonly string[]) => string;
}

export interface Expansion {
  readonly text: string;
  /** Every tabstop index the snippet uses, ascending. */
  readonly tabstops: readonly number[];
  /** Tabstop indexes (other than 0) that no placeholder or choice gives a default value. */
  readonly tabstopsWithoutDefault: readonly number[];
  /** Variables the resolver did not know; the editor inserts their names instead. */
  readonly unknownVariables: readonly string[];
}

/** Parses a snippet body into nodes. Never throws except on transforms, which it does not support. */
export function parseSnippet(body: string): SnippetNode[] {
  const parser = new SnippetParser(body);
  return parser.parseUntil(false);
}

/** Expands a snippet body as the editor does when every placeholder keeps its default. */
export function expandSnippet(body: string | readonly string[], options: ExpandOptions = {}): Expansion {
  const text = typeof body === 'string' ? body : body.join('\n');
  const nodes = parseSnippet(text);
  const defaults = new Map<number, readonly SnippetNode[] | string>();
  const tabstops = new Set<number>();
  walk(nodes, (node) => {
    if (node.kind === 'tabstop' || node.kind === 'placeholder' || node.kind === 'choice') {
      tabstops.add(node.index);
    }
    // The first placeholder of an index that has a value defines the value of every occurrence.
    if (node.kind === 'placeholder' && node.children.length > 0 && !defaults.has(node.index)) {
      defaults.set(node.index, node.children);
    }
    if (node.kind === 'choice' && !defaults.has(node.index)) {
      const choose = options.choose ?? ((_index: number, choices: readonly string[]) => choices[0] ?? '');
      defaults.set(node.index, choose(node.index, node.options));
    }
  });

  const unknownVariables: string[] = [];
  const resolving = new Set<number>();
  const valueOf = (index: number): string => {
    const value = defaults.get(index);
    if (index === 0 || value === undefined) {
      return '';
    }
    if (typeof value === 'string') {
      return value;
    }
    if (resolving.has(index)) {
      // `${1:a $1}` refers to itself; the editor shows the inner occurrence empty.
      return '';
    }
    resolving.add(index);
    const result = render(value);
    resolving.delete(index);
    return result;
  };
  const render = (list: readonly SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'tabstop':
          case 'placeholder':
          case 'choice':
            return valueOf(node.index);
          case 'variable': {
            const resolved = options.resolveVariable?.(node.name);
            if (resolved === undefined) {
              unknownVariables.push(node.name);
              return node.children ? render(node.children) : node.name;
            }
            return resolved === '' && node.children ? render(node.children) : resolved;
          }
        }
      })
      .join('');

  const expanded = render(nodes);
  const sorted = [...tabstops].sort((a, b) => a - b);
  return {
    text: expanded,
    tabstops: sorted,
    tabstopsWithoutDefault: sorted.filter((index) => index !== 0 && !defaults.has(index)),
    unknownVariables: [...new Set(unknownVariables)],
  };
}

function walk(nodes: readonly SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if ((node.kind === 'placeholder' || node.kind === 'variable') && node.children) {
      walk(node.children, visit);
    }
  }
}

const VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
const DIGITS = /^[0-9]+/;

class SnippetParser {
  private position = 0;

  constructor(private readonly source: string) {}

  /**
   * Parses nodes up to the end of the text, or, when `nested`, up to the unescaped `}` that closes a
   * placeholder's default. Returns undefined when a nested default is never closed.
   */
  parseUntil(nested: true): SnippetNode[] | undefined;
  parseUntil(nested: false): SnippetNode[];
  parseUntil(nested: boolean): SnippetNode[] | undefined {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') {
        nodes.push({ kind: 'text', value: text });
        text = '';
      }
    };
    while (this.position < this.source.length) {
      const char = this.source[this.position];
      if (char === '\\') {
        const next = this.source[this.position + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.position += 2;
        } else {
          text += char;
          this.position += 1;
        }
        continue;
      }
      if (char === '}' && nested) {
        this.position += 1;
        flush();
        return nodes;
      }
      if (char === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
        text += char;
        this.position += 1;
        continue;
      }
      text += char;
      this.position += 1;
    }
    if (nested) {
      return undefined;
    }
    flush();
    return nodes;
  }

  /** Parses the construct starting at `$`, or returns undefined (position unchanged) when there is none. */
  private parseDollar(): SnippetNode | undefined {
    const start = this.position;
    const rest = this.source.slice(start + 1);
    const digits = DIGITS.exec(rest);
    if (digits) {
      this.position = start + 1 + digits[0].length;
      return { kind: 'tabstop', index: Number(digits[0]) };
    }
    const name = VARIABLE_NAME.exec(rest);
    if (name) {
      this.position = start + 1 + name[0].length;
      return { kind: 'variable', name: name[0], children: undefined };
    }
    if (rest.startsWith('{')) {
      const node = this.parseBraced(start + 2);
      if (node) {
        return node;
      }
    }
    this.position = start;
    return undefined;
  }

  /** Parses what follows `${`; undefined when it is not a valid construct. */
  private parseBraced(offset: number): SnippetNode | undefined {
    const rest = this.source.slice(offset);
    const digits = DIGITS.exec(rest);
    const name = digits ? undefined : VARIABLE_NAME.exec(rest);
    const head = digits?.[0] ?? name?.[0];
    if (head === undefined) {
      return undefined;
    }
    const after = offset + head.length;
    const next = this.source[after];
    if (next === '}') {
      this.position = after + 1;
      return digits
        ? { kind: 'tabstop', index: Number(head) }
        : { kind: 'variable', name: head, children: undefined };
    }
    if (next === '/') {
      throw new Error(`snippet transforms are not supported: ${this.source.slice(offset - 2, offset + 30)}`);
    }
    if (next === ':') {
      this.position = after + 1;
      const children = this.parseUntil(true);
      if (children === undefined) {
        return undefined;
      }
      return digits
        ? { kind: 'placeholder', index: Number(head), children }
        : { kind: 'variable', name: head, children };
    }
    if (next === '|' && digits) {
      const options = this.parseChoiceOptions(after + 1);
      if (options) {
        return { kind: 'choice', index: Number(head), options };
      }
    }
    return undefined;
  }

  /** Parses `a,b|}` after `${1|`; undefined when the choice is not closed by `|}`. */
  private parseChoiceOptions(offset: number): string[] | undefined {
    const options: string[] = [];
    let current = '';
    let index = offset;
    while (index < this.source.length) {
      const char = this.source[index];
      const next = this.source[index + 1];
      if (char === '\\' && (next === ',' || next === '|' || next === '\\')) {
        current += next;
        index += 2;
        continue;
      }
      if (char === ',') {
        options.push(current);
        current = '';
        index += 1;
        continue;
      }
      if (char === '|') {
        if (next !== '}') {
          return undefined;
        }
        options.push(current);
        this.position = index + 2;
        return options;
      }
      current += char;
      index += 1;
    }
    return undefined;
  }
}
