/**
 * Properties every offered fix must have, over every rule fixture (as written, CRLF, continuation lines)
 * and over generated multi-stage files: applying it never throws and yields text that parses and
 * analyses without a rule failure; no edit reaches outside its line or splits a line break; the lines
 * before the first and after the last edited line are unchanged; no new line-ending style appears; and
 * fix-all applied to its own result changes nothing.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis/analyze';
import { applyEdits, fixAll, fixesFor, refactoringsAt, type Fix } from '../../../server/src/analysis/fixes';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../server/src/analysis/settings';
import { parseFixture, toContinuationForm, toCrlf } from '../fixtureFormat';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'rules');

function lineBreaks(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

function assertWellFormedFix(text: string, fix: Fix, settings: AnalysisSettings): string {
  const lines = text.split(/\r\n|\r|\n/);
  for (const { range } of fix.edits) {
    for (const position of [range.start, range.end]) {
      assert.ok(
        position.line >= 0 && position.line < lines.length,
        `${fix.title}: line ${position.line} exists`,
      );
      assert.ok(
        position.character >= 0 && position.character <= (lines[position.line] ?? '').length,
        `${fix.title}: character ${position.character} lies within line ${position.line}`,
      );
    }
  }
  const after = applyEdits(text, fix.edits);
  const result = analyze(after, settings);
  assert.equal(result.parsed.parseError, undefined, `${fix.title}: the result parses`);
  assert.deepEqual(result.failures, [], `${fix.title}: no rule fails on the result`);
  for (const ending of lineBreaks(after)) {
    assert.ok(
      lineBreaks(text).has(ending) || lineBreaks(text).size === 0,
      `${fix.title}: no new line ending`,
    );
  }
  const firstLine = Math.min(...fix.edits.map((edit) => edit.range.start.line));
  const lastLine = Math.max(...fix.edits.map((edit) => edit.range.end.line));
  const newLines = after.split(/\r\n|\r|\n/);
  assert.deepEqual(
    newLines.slice(0, firstLine),
    lines.slice(0, firstLine),
    `${fix.title}: lines above are kept`,
  );
  const keptBelow = lines.length - lastLine - 1;
  assert.deepEqual(
    newLines.slice(newLines.length - keptBelow),
    lines.slice(lines.length - keptBelow),
    `${fix.title}: lines below are kept`,
  );
  return after;
}

/** Checks every fix offered for every finding, every refactoring at each line start, and fix-all. */
function checkAllFixes(text: string, settings: AnalysisSettings): number {
  const analysis = analyze(text, settings);
  const context = { text, analysis, settings };
  let checked = 0;
  for (const finding of analysis.findings) {
    for (const fix of fixesFor(finding, context)) {
      assertWellFormedFix(text, fix, settings);
      checked++;
    }
  }
  for (const stage of analysis.graph.stages) {
    for (const fix of refactoringsAt(context, stage.fromRange)) {
      assertWellFormedFix(text, fix, settings);
      checked++;
    }
  }
  const once = applyEdits(text, fixAll(text, analysis, settings));
  assert.deepEqual(analyze(once, settings).failures, []);
  assert.deepEqual(fixAll(once, analyze(once, settings), settings), [], 'fix-all twice is fix-all once');
  return checked;
}

describe('fix properties over the rule fixtures', () => {
  for (const ruleDirectory of readdirSync(FIXTURES).sort()) {
    for (const file of readdirSync(join(FIXTURES, ruleDirectory)).sort()) {
      const fixture = parseFixture(readFileSync(join(FIXTURES, ruleDirectory, file), 'utf8'));
      const settings = { ...DEFAULT_SETTINGS, ...fixture.settings };
      const variants = [fixture, toCrlf(fixture), toContinuationForm(fixture)].filter(
        (variant) => variant !== undefined,
      );
      it(`${ruleDirectory}/${file}`, () => {
        const checked = variants.map((variant) => checkAllFixes(variant.text, settings));
        // Every variant of a file offers the same fixes, whatever its line endings and continuations.
        assert.ok(
          checked.every((count) => count === checked[0]),
          `fix counts differ: ${checked.join(', ')}`,
        );
      });
    }
  }
});

const NAMES = [
  'build',
  'Build',
  'builder',
  'deps',
  'test',
  '1st',
  'my:stage',
  'scratch',
  'context',
  'runtime',
];
const REFERENCES = [
  ...NAMES,
  'biulder',
  'bulder',
  '0',
  '1',
  '2',
  '7',
  '$SOURCE',
  '${SOURCE}',
  'nginx:1.27',
  'busybox',
];
const BASES = [
  'golang:1.22-alpine',
  'golang:1.22',
  'alpine:3.20',
  'node:20-alpine',
  'scratch',
  '${BASE}',
  'build',
  'Build',
  'deps',
];

const instruction = fc.oneof(
  fc.constantFrom(
    'RUN go build -o /out/app .',
    'RUN npm ci',
    'RUN go test ./...',
    '# a comment',
    '',
    'WORKDIR /src',
  ),
  fc.constantFrom(...REFERENCES).map((reference) => `COPY --from=${reference} /out/app /app`),
  // Numeric and variable references are rarer in the list above but have fixes of their own.
  fc.constantFrom('0', '1', '$SOURCE').map((reference) => `COPY --from=${reference} /out/tool /tool`),
  fc
    .constantFrom(...REFERENCES)
    .map((reference) => `RUN --mount=type=bind,from=${reference},target=/mnt true`),
  fc.constant('RUN <<EOF\necho FROM fake AS Fake\nEOF'),
);

const stage = fc.record({
  from: fc.constantFrom('FROM', 'from', 'From'),
  base: fc.constantFrom(...BASES),
  as: fc.option(fc.tuple(fc.constantFrom('AS', 'as', 'As'), fc.constantFrom(...NAMES)), { nil: undefined }),
  comment: fc.boolean(),
  body: fc.array(instruction, { maxLength: 4 }),
});

const dockerfile = fc.record({
  directives: fc.subarray(['# syntax=docker/dockerfile:1', '# check=skip=UnusedStage', '# escape=\\']),
  args: fc.subarray(['ARG SOURCE=build', 'ARG BASE=alpine:3.20']),
  stages: fc.array(stage, { minLength: 1, maxLength: 5 }),
  crlf: fc.boolean(),
  continuations: fc.boolean(),
  finalNewline: fc.boolean(),
});

function render(file: typeof dockerfile extends fc.Arbitrary<infer T> ? T : never): string {
  const lines: string[] = [...file.directives, ...file.args];
  for (const { from, base, as, comment, body } of file.stages) {
    if (comment) {
      lines.push(`# Stage from ${base}.`);
    }
    const head = `${from} ${base}${as ? ` ${as[0]} ${as[1]}` : ''}`;
    lines.push(file.continuations ? head.replace(' ', ' \\\n  ') : head);
    for (const line of body) {
      lines.push(file.continuations && line.startsWith('COPY') ? line.replace(' ', ' \\\n  ') : line);
    }
  }
  const text = lines.join('\n') + (file.finalNewline ? '\n' : '');
  return file.crlf ? text.replace(/\n/g, '\r\n') : text;
}

describe('fix properties over generated Dockerfiles', () => {
  it('hold for every offered fix', () => {
    let checked = 0;
    fc.assert(
      fc.property(dockerfile, (file) => {
        checked += checkAllFixes(render(file), DEFAULT_SETTINGS);
      }),
      { numRuns: 150 },
    );
    // The generator must actually produce findings with fixes, or the property says nothing.
    assert.ok(checked > 150, `only ${checked} fixes were checked`);
  });
});
