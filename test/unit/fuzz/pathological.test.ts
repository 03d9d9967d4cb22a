/**
 * Inputs built to hurt: each is analysed from scratch and incrementally (open, then one typed character)
 * within a generous bound, without a rule failing. The benchmark (bench/) carries the real numbers; these
 * bounds only catch a blow-up (a quadratic or exponential path), so they hold on a loaded machine too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { IncrementalAnalysis } from '../../../server/src/analysis/incremental/incrementalAnalysis';

const MB = 1024 * 1024;

/** A stage with a 25 KB heredoc script: 200 of them make a 5 MB file. */
function scriptStage(index: number): string {
  const script = Array.from(
    { length: 500 },
    (_, line) => `echo "step ${index}.${line}: ${'x'.repeat(30)}"`,
  ).join('\n');
  return `FROM debian:bookworm AS s${index}\nRUN <<EOF\n${script}\nEOF\nCOPY --from=s${Math.max(0, index - 1)} /out /out\n`;
}

const CASES: { name: string; text: () => string; boundMs: number }[] = [
  {
    name: 'a 5 MB file',
    text: () =>
      Array.from({ length: 200 }, (_, index) => scriptStage(index))
        .join('')
        .slice(0, 5 * MB),
    boundMs: 120_000,
  },
  { name: 'one 1 MB line', text: () => `FROM alpine\nRUN echo ${'a'.repeat(MB)}\n`, boundMs: 60_000 },
  {
    name: '50,000 continuation lines',
    text: () => `FROM alpine\nRUN true \\\n${'    && echo line \\\n'.repeat(50_000)}    && true\n`,
    boundMs: 120_000,
  },
  {
    name: '10,000 stages',
    text: () =>
      Array.from(
        { length: 10_000 },
        (_, index) => `FROM alpine:3.20 AS s${index}\nCOPY --from=s${Math.max(0, index - 1)} /out /out\n`,
      ).join(''),
    boundMs: 180_000,
  },
  {
    name: 'an unterminated heredoc at the top of 10,000 stages',
    text: () =>
      `FROM alpine\nRUN <<EOF\n${Array.from({ length: 10_000 }, (_, index) => `FROM alpine AS s${index}\nRUN echo ${index}\n`).join('')}`,
    boundMs: 180_000,
  },
];

describe('pathological inputs', () => {
  for (const { name, text: build, boundMs } of CASES) {
    it(`analyses ${name} within ${boundMs / 1000} s, from scratch and incrementally`, () => {
      const text = build();
      const start = performance.now();
      const result = analyze(text);
      const incremental = new IncrementalAnalysis();
      incremental.analyze(text);
      const edited = incremental.analyze(`${text.slice(0, 14)}x${text.slice(14)}`);
      const elapsed = performance.now() - start;
      assert.deepEqual(
        [...result.failures, ...edited.failures].map((failure) => failure.ruleId),
        [],
      );
      assert.ok(elapsed < boundMs, `took ${elapsed.toFixed(0)} ms`);
    });
  }
});
