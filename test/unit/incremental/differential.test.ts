/**
 * The incremental analysis must be indistinguishable from analysing the text from scratch. Long random
 * edit sequences are applied to Dockerfile-shaped texts; after every edit the incremental parse tree and
 * analysis are compared with a whole-text parse and `analyze()` of the same text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis/analyze';
import { IncrementalAnalysis } from '../../../server/src/analysis/incremental/incrementalAnalysis';
import { applyEdit, dockerfileText, textEdit } from '../fuzz/dockerfileArbitrary';
import { snapshotAnalysis, snapshotDockerfile } from './treeSnapshot';

const SEQUENCES = Number(process.env.FUZZ_SEQUENCES ?? 25);

function assertSameAsFromScratch(incremental: IncrementalAnalysis, text: string): void {
  const expected = analyze(text);
  const actual = incremental.analyze(text);
  assert.deepEqual(
    snapshotDockerfile(actual.parsed.dockerfile),
    snapshotDockerfile(expected.parsed.dockerfile),
  );
  assert.deepEqual(snapshotAnalysis(actual), snapshotAnalysis(expected));
}

describe('incremental analysis', () => {
  it('equals a from-scratch analysis after every edit of long random edit sequences', () => {
    fc.assert(
      fc.property(dockerfileText, fc.array(textEdit, { minLength: 15, maxLength: 40 }), (initial, edits) => {
        const incremental = new IncrementalAnalysis();
        let text = initial;
        assertSameAsFromScratch(incremental, text);
        for (const edit of edits) {
          text = applyEdit(text, edit);
          assertSameAsFromScratch(incremental, text);
        }
      }),
      { numRuns: SEQUENCES },
    );
  });

  it('equals a from-scratch analysis when typing through a multi-stage file character by character', () => {
    const target = [
      '# escape=`',
      'ARG BASE=golang:1.22',
      'FROM ${BASE} AS build',
      'RUN <<EOF',
      'go build -o /out/app . `',
      'EOF',
      'FROM build AS test',
      'RUN go test ./... `',
      '    && echo ok',
      'FROM alpine:3.20',
      'COPY --from=build /out/app /app',
      '',
    ].join('\r\n');
    const incremental = new IncrementalAnalysis();
    for (let length = 0; length <= target.length; length++) {
      assertSameAsFromScratch(incremental, target.slice(0, length));
    }
  });

  it('equals a from-scratch analysis when a heredoc is opened at the top of many stages and closed again', () => {
    const stages = Array.from(
      { length: 40 },
      (_, index) => `FROM alpine AS s${index}\nRUN echo ${index}\n`,
    ).join('');
    const incremental = new IncrementalAnalysis();
    assertSameAsFromScratch(incremental, stages);
    const opened = `FROM alpine AS top\nRUN <<EOF\n${stages}`;
    assertSameAsFromScratch(incremental, opened);
    assertSameAsFromScratch(incremental, opened.replace('FROM alpine AS s20', 'EOF\nFROM alpine AS s20'));
    assertSameAsFromScratch(incremental, stages);
  });
});
