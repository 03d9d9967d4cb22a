/**
 * Every regular expression literal in server/src, found with the TypeScript parser, runs against
 * adversarial strings (long runs of the characters it mentions, with a trailing character that makes it
 * fail) in bounded time, so none can backtrack catastrophically on a line of a Dockerfile.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCES = join(ROOT, 'server', 'src');
const LENGTH = 20_000;
/** Linear patterns take a few milliseconds over all attack strings; quadratic ones take seconds. */
const BOUND_MS = 1_500;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface FoundPattern {
  readonly where: string;
  readonly regex: RegExp;
}

function findPatterns(): FoundPattern[] {
  const found: FoundPattern[] = [];
  for (const file of sourceFiles(SOURCES)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({
          where: `${relative(ROOT, file)}:${line + 1} ${text}`,
          regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Characters worth repeating against a pattern: those it names, plus the usual suspects in Dockerfiles. */
function attackCharacters(regex: RegExp): string[] {
  const named = regex.source.replace(/\\[dDwWsSbB]/g, '').replace(/[\\^$.*+?()[\]{}|]/g, '');
  return [
    ...new Set([
      ...named,
      ' ',
      '\t',
      'a',
      '0',
      '-',
      '_',
      '.',
      ':',
      '/',
      '=',
      '$',
      '{',
      '}',
      '\\',
      '`',
      '#',
      '"',
      "'",
      ',',
    ]),
  ];
}

function attackStrings(regex: RegExp): string[] {
  const characters = attackCharacters(regex);
  const strings: string[] = [];
  for (const character of characters) {
    strings.push(character.repeat(LENGTH) + '\u0000', character.repeat(LENGTH) + '!');
  }
  for (let index = 0; index + 1 < characters.length; index++) {
    strings.push((characters[index] + characters[index + 1]).repeat(LENGTH / 2) + '\n!');
  }
  strings.push(`# ${' '.repeat(LENGTH)}=`, `${'a='.repeat(LENGTH / 2)}`, `\${${'a:-${'.repeat(LENGTH / 8)}`);
  return strings;
}

describe('regular expressions in server/src', () => {
  const patterns = findPatterns();

  it('are found (the audit is not vacuous)', () => {
    assert.ok(patterns.length > 20, `only ${patterns.length} found`);
  });

  for (const { where, regex } of patterns) {
    it(`runs in linear time on adversarial input: ${where}`, () => {
      const strings = attackStrings(regex);
      const start = performance.now();
      for (const input of strings) {
        regex.lastIndex = 0;
        regex.test(input);
        if (regex.global || regex.sticky) {
          regex.lastIndex = 0;
          input.replace(regex, '');
        }
      }
      const elapsed = performance.now() - start;
      assert.ok(elapsed < BOUND_MS, `${strings.length} strings took ${elapsed.toFixed(0)} ms`);
    });
  }
});
