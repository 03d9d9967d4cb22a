/**
 * Every snippet in snippets/dockerfile.json, expanded with its default placeholder values (and once more for
 * each option of each choice), must parse into the expected stages and draw no finding from any rule at
 * its default severity. The libc family of every stage is checked against the image knowledge base.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { analyze } from '../../../server/src/analysis/analyze';
import { classifyImage, compareGlibc, type LibcFamily } from '../../../server/src/analysis/images';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { expandSnippet, parseSnippet, type SnippetNode } from './snippetExpander';

const ROOT = join(__dirname, '..', '..', '..');

interface SnippetDefinition {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

interface Expectation {
  /** Stages in the expanded text (with the host text, if any). */
  readonly stages: number;
  /** The libc family of each stage's base image in the default expansion, first stage first. */
  readonly libc: readonly LibcFamily[];
  /** A Dockerfile around a single-instruction snippet; `{{snippet}}` marks where it is inserted. */
  readonly host?: string;
}

const EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  'ms-go-static': { stages: 2, libc: ['musl', 'none'] },
  'ms-go-cgo': { stages: 2, libc: ['musl', 'musl'] },
  'ms-rust-musl': { stages: 2, libc: ['musl', 'none'] },
  'ms-rust-gnu': { stages: 2, libc: ['glibc', 'glibc'] },
  'ms-node': { stages: 3, libc: ['musl', 'musl', 'musl'] },
  'ms-python': { stages: 2, libc: ['glibc', 'glibc'] },
  'ms-java-maven': { stages: 2, libc: ['glibc', 'glibc'] },
  'ms-java-gradle': { stages: 2, libc: ['glibc', 'glibc'] },
  'ms-dotnet': { stages: 2, libc: ['glibc', 'glibc'] },
  'ms-static-site': { stages: 2, libc: ['musl', 'musl'] },
  'ms-c-make': { stages: 2, libc: ['glibc', 'glibc'] },
  'ms-copy-from': {
    stages: 2,
    libc: ['musl', 'musl'],
    host: 'FROM alpine:3.24 AS build\nRUN mkdir /out && echo hello > /out/app\n\nFROM alpine:3.24\n{{snippet}}\n',
  },
  'ms-from-as': { stages: 1, libc: ['musl'] },
};

/** The variables VS Code resolves in snippets; any other `$NAME` is a shell or build variable left unescaped. */
const EDITOR_VARIABLES: Readonly<Record<string, string>> = {
  TM_FILENAME: 'Dockerfile',
  TM_FILENAME_BASE: 'Dockerfile',
  TM_DIRECTORY: '/work/app',
  TM_FILEPATH: '/work/app/Dockerfile',
  RELATIVE_FILEPATH: 'Dockerfile',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  WORKSPACE_NAME: 'app',
  WORKSPACE_FOLDER: '/work/app',
  CLIPBOARD: '',
  LINE_COMMENT: '#',
};

const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'dockerfile.json'), 'utf8')) as Record<
  string,
  SnippetDefinition
>;

/** One expansion per choice option (the others at their defaults), after the all-defaults one. */
function variants(definition: SnippetDefinition): { label: string; choose?: (index: number) => number }[] {
  const choices = new Map<number, readonly string[]>();
  const visit = (nodes: readonly SnippetNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'choice' && !choices.has(node.index)) {
        choices.set(node.index, node.options);
      }
      if ((node.kind === 'placeholder' || node.kind === 'variable') && node.children) {
        visit(node.children);
      }
    }
  };
  visit(parseSnippet(definition.body.join('\n')));
  const result: { label: string; choose?: (index: number) => number }[] = [{ label: 'defaults' }];
  for (const [index, options] of choices) {
    options.forEach((option, position) => {
      if (position > 0) {
        result.push({ label: `$${index} = ${option}`, choose: (i) => (i === index ? position : 0) });
      }
    });
  }
  return result;
}

function expand(definition: SnippetDefinition, expectation: Expectation, choose?: (index: number) => number) {
  const expansion = expandSnippet(definition.body, {
    resolveVariable: (name) => EDITOR_VARIABLES[name],
    choose: (index, options) => options[choose?.(index) ?? 0] ?? '',
  });
  const text = expectation.host ? expectation.host.replace('{{snippet}}', expansion.text) : expansion.text;
  return { expansion, text };
}

describe('snippets/dockerfile.json', () => {
  it('is declared for the dockerfile language in package.json', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { snippets?: { language: string; path: string }[] };
    };
    assert.deepEqual(
      manifest.contributes.snippets?.filter((entry) => entry.path === './snippets/dockerfile.json'),
      [{ language: 'dockerfile', path: './snippets/dockerfile.json' }],
    );
  });

  it('has one expectation per snippet and prefixes that sort together', () => {
    const prefixes = Object.values(snippets).map((snippet) => snippet.prefix);
    assert.deepEqual([...prefixes].sort(), Object.keys(EXPECTATIONS).sort());
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    for (const prefix of prefixes) {
      assert.match(
        prefix,
        /^ms-[a-z]+(-[a-z]+)*$/,
        `${prefix} starts with ms- so the templates sort together`,
      );
    }
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(snippet.description.length > 20, `${name} has a description`);
    }
  });

  for (const [name, definition] of Object.entries(snippets)) {
    const expectation = EXPECTATIONS[definition.prefix];
    describe(`${definition.prefix} (${name})`, () => {
      it('gives every tabstop a default and uses no variable the editor does not know', () => {
        const { expansion } = expand(definition, expectation ?? { stages: 0, libc: [] });
        assert.deepEqual(expansion.tabstopsWithoutDefault, []);
        assert.deepEqual(expansion.unknownVariables, [], 'escape $ as \\$ for shell and build variables');
        assert.ok(expansion.tabstops.length > 0, 'a snippet has at least one tabstop');
      });

      it('uses base images whose libc families match the description', () => {
        assert.ok(expectation, `no expectation for ${definition.prefix}`);
        const { text } = expand(definition, expectation);
        const { graph } = analyze(text);
        const families = graph.stages.map((stage) => classifyImage(stage.baseExpanded ?? '').libc);
        assert.deepEqual(families, expectation.libc);
      });

      for (const variant of variants(definition)) {
        it(`parses into ${expectation?.stages} stages and draws no finding (${variant.label})`, () => {
          assert.ok(expectation, `no expectation for ${definition.prefix}`);
          const { text } = expand(definition, expectation, variant.choose);
          const froms = DockerfileParser.parse(text).getFROMs();
          assert.equal(froms.length, expectation.stages, text);

          const result = analyze(text, DEFAULT_SETTINGS);
          assert.deepEqual(result.failures, [], 'no rule may throw');
          const findings = result.findings.map(
            (finding) => `${finding.range.start.line + 1}: ${finding.ruleId} ${finding.message}`,
          );
          assert.deepEqual(findings, [], `findings on:\n${text}`);

          // Every copy between stages keeps the C library: the same family, or none at all for static
          // binaries, and a runtime glibc that is never older than the builder's.
          for (const reference of result.graph.references) {
            if (reference.resolution.type !== 'stage') {
              continue;
            }
            const source = result.graph.stages[reference.resolution.stageIndex];
            const target = result.graph.stages[reference.fromStageIndex];
            const from = classifyImage(source?.baseExpanded ?? '');
            const into = classifyImage(target?.baseExpanded ?? '');
            assert.ok(
              into.libc === from.libc || into.libc === 'none',
              `${from.reference} (${from.libc}) → ${into.reference} (${into.libc})`,
            );
            if (from.glibcVersion !== undefined && into.glibcVersion !== undefined) {
              assert.ok(
                compareGlibc(into.glibcVersion, from.glibcVersion) >= 0,
                `glibc ${from.glibcVersion} in ${from.reference} → ${into.glibcVersion} in ${into.reference}`,
              );
            }
          }
        });
      }
    });
  }
});
