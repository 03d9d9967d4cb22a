/**
 * Property-based fuzzing of the analysis on Dockerfile-shaped random text: it never throws, no rule fails,
 * every range it returns lies inside the document, and the same text gives the same result twice.
 * `npm run fuzz` runs the long mode (FUZZ_RUNS=100000).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Range } from 'vscode-languageserver-types';
import { analyze, type AnalysisResult } from '../../../server/src/analysis/analyze';
import { IncrementalAnalysis } from '../../../server/src/analysis/incremental/incrementalAnalysis';
import { snapshotAnalysis } from '../incremental/treeSnapshot';
import { dockerfileText } from './dockerfileArbitrary';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

function assertInside(range: Range, lines: readonly string[], what: string): void {
  const inside = (line: number, character: number) =>
    Number.isInteger(line) &&
    Number.isInteger(character) &&
    line >= 0 &&
    line < lines.length &&
    character >= 0 &&
    character <= lines[line].length;
  assert.ok(
    inside(range.start.line, range.start.character),
    `${what} starts outside: ${JSON.stringify(range)}`,
  );
  assert.ok(inside(range.end.line, range.end.character), `${what} ends outside: ${JSON.stringify(range)}`);
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what} ends before it starts: ${JSON.stringify(range)}`);
}

function assertRangesInside(result: AnalysisResult): void {
  const lines = result.parsed.lines;
  for (const finding of result.findings) {
    assertInside(finding.range, lines, `${finding.ruleId} finding`);
  }
  for (const stage of result.graph.stages) {
    for (const range of [
      stage.range,
      stage.fromRange,
      stage.fromKeywordRange,
      stage.nameRange,
      stage.baseRange,
    ]) {
      if (range) {
        assertInside(range, lines, `stage ${stage.index}`);
      }
    }
  }
  for (const reference of result.graph.references) {
    assertInside(reference.valueRange, lines, `${reference.kind} reference`);
  }
}

describe('analysis fuzzing', () => {
  it(`never throws or fails a rule, keeps ranges inside the document and is deterministic (${RUNS} texts)`, () => {
    fc.assert(
      fc.property(dockerfileText, (text) => {
        const first = analyze(text);
        assert.deepEqual(
          first.failures.map((failure) => `${failure.ruleId}: ${failure.message.split('\n')[0]}`),
          [],
        );
        assertRangesInside(first);
        assert.deepEqual(snapshotAnalysis(analyze(text)), snapshotAnalysis(first));
        assert.deepEqual(snapshotAnalysis(new IncrementalAnalysis().analyze(text)), snapshotAnalysis(first));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('analysis of what is not text', () => {
  // A malformed LSP message can carry any JSON value where the document text belongs.
  for (const value of [undefined, null, 42, {}, ['FROM alpine']]) {
    it(`analyses ${JSON.stringify(value) ?? 'undefined'} as an empty file instead of throwing`, () => {
      const empty = snapshotAnalysis(analyze(''));
      assert.deepEqual(snapshotAnalysis(analyze(value as string)), empty);
      assert.deepEqual(snapshotAnalysis(new IncrementalAnalysis().analyze(value as string)), empty);
    });
  }
});
