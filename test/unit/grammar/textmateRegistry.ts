/**
 * Loads the grammars the extension contributes into the real TextMate engine (vscode-textmate with the
 * Oniguruma WebAssembly build), the way VS Code does: base grammars by scope name, injection grammars from
 * `contributes.grammars[].injectTo` in package.json.
 *
 * VS Code's own Dockerfile and Markdown grammars are not published on npm by Microsoft; the MIT-licensed
 * copies in the `tm-grammars` package (docker.json and markdown.json, taken unchanged from the VS Code
 * repository, see syntaxes/README.md) stand in for them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..', '..');

/** Base grammars the contributed ones extend, by scope name. */
const BASE_GRAMMARS: Readonly<Record<string, string>> = {
  'source.dockerfile': require.resolve('tm-grammars/grammars/docker.json'),
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
};

export interface ContributedGrammar {
  readonly scopeName: string;
  readonly path: string;
  readonly injectTo?: readonly string[];
  readonly embeddedLanguages?: Readonly<Record<string, string>>;
  readonly language?: string;
}

export function readContributedGrammars(): ContributedGrammar[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { grammars?: ContributedGrammar[] };
  };
  return manifest.contributes.grammars ?? [];
}

/** One token of a line: its text span and its scopes, outermost first. */
export interface Token {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly scopes: readonly string[];
}

let registry: Registry | undefined;

function createRegistry(): Registry {
  const contributed = readContributedGrammars();
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  const onigLib = oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));
  return new Registry({
    onigLib,
    loadGrammar: (scopeName) => {
      const own = contributed.find((grammar) => grammar.scopeName === scopeName);
      const path = own ? join(ROOT, own.path) : BASE_GRAMMARS[scopeName];
      // Grammars that Markdown embeds for other languages are simply absent, as in a bare editor.
      return Promise.resolve(path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null);
    },
    getInjections: (scopeName) =>
      contributed
        .filter((grammar) => grammar.injectTo?.includes(scopeName))
        .map((grammar) => grammar.scopeName),
  });
}

export async function loadGrammar(scopeName: string): Promise<IGrammar> {
  registry ??= createRegistry();
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) {
    throw new Error(`no grammar for ${scopeName}`);
  }
  return grammar;
}

/** Tokenizes lines in order, carrying the state from line to line as the editor does. */
export function tokenizeLines(grammar: IGrammar, lines: readonly string[]): Token[][] {
  let state: StateStack = INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({
      startIndex: token.startIndex,
      endIndex: token.endIndex,
      scopes: token.scopes,
    }));
  });
}
