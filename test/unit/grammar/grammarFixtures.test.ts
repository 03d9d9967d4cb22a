/**
 * Tokenizes every fixture in test/fixtures/grammar with the real TextMate engine and the grammars declared
 * in package.json, and checks every scope assertion. Each fixture runs twice: split into lines as VS Code
 * splits them, and with CRLF line endings split on LF only, so every line keeps its `\r` (as in tools that
 * do not normalise line endings).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseGrammarFixture, type GrammarFixture } from './grammarFixture';
import { loadGrammar, readContributedGrammars, tokenizeLines } from './textmateRegistry';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'grammar');

async function check(fixture: GrammarFixture, lines: readonly string[]): Promise<void> {
  const grammar = await loadGrammar(fixture.scopeName);
  const tokens = tokenizeLines(grammar, lines);
  const failures: string[] = [];
  for (const assertion of fixture.assertions) {
    for (const column of assertion.columns) {
      const token = tokens[assertion.line]?.find(
        (candidate) => candidate.startIndex <= column && column < candidate.endIndex,
      );
      const where = `line ${assertion.line + 1}, column ${column + 1} (assertion on line ${assertion.assertionLine + 1})`;
      if (!token) {
        failures.push(`${where}: no token`);
        continue;
      }
      const text = JSON.stringify(fixture.lines[assertion.line]?.slice(token.startIndex, token.endIndex));
      let next = 0;
      for (const scope of assertion.required) {
        const found = token.scopes.indexOf(scope, next);
        if (found < 0) {
          failures.push(`${where}: ${text} lacks ${scope}; has ${token.scopes.join(' ')}`);
          break;
        }
        next = found + 1;
      }
      for (const scope of assertion.forbidden) {
        if (token.scopes.includes(scope)) {
          failures.push(`${where}: ${text} must not have ${scope}; has ${token.scopes.join(' ')}`);
        }
      }
    }
  }
  assert.deepEqual(failures, []);
}

describe('grammar contributions in package.json', () => {
  const grammars = readContributedGrammars();

  it('declare the Dockerfile injection and the Markdown fenced-block injection', () => {
    const dockerfile = grammars.find((grammar) => grammar.scopeName === 'dockerfile.stages.injection');
    const markdown = grammars.find((grammar) => grammar.scopeName === 'markdown.dockerfile.codeblock');
    assert.deepEqual(dockerfile?.injectTo, ['source.dockerfile']);
    assert.deepEqual(markdown?.injectTo, ['text.html.markdown']);
    assert.deepEqual(markdown?.embeddedLanguages, { 'meta.embedded.block.dockerfile': 'dockerfile' });
  });

  it('point at grammar files that declare the same scope name and an injection selector', () => {
    for (const grammar of grammars.filter((candidate) => candidate.injectTo)) {
      const path = join(ROOT, grammar.path);
      assert.ok(existsSync(path), `${grammar.path} exists`);
      const raw = JSON.parse(readFileSync(path, 'utf8')) as { scopeName: string; injectionSelector?: string };
      assert.equal(raw.scopeName, grammar.scopeName);
      for (const target of grammar.injectTo ?? []) {
        assert.match(raw.injectionSelector ?? '', new RegExp(`^L:${target.replace(/\./g, '\\.')}\\b`));
      }
    }
  });
});

for (const file of readdirSync(FIXTURES)
  .filter((name) => /\.(Dockerfile|md)$/.test(name))
  .sort()) {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  const fixture = parseGrammarFixture(text.split(/\r\n|\r|\n/));
  describe(`grammar fixture ${file}: ${fixture.description}`, () => {
    it('has assertions', () => {
      assert.ok(fixture.assertions.length > 0);
    });
    it('as written', () => check(fixture, fixture.lines));
    it('CRLF, lines keep their \\r', () => check(fixture, fixture.lines.join('\r\n').split('\n')));
  });
}
