import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { applyEdits, fixAll } from '../../../server/src/analysis/fixes';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { crlf } from './fixHarness';

function runFixAll(text: string): string {
  return applyEdits(text, fixAll(text, analyze(text), DEFAULT_SETTINGS));
}

const MESSY = [
  'FROM golang:1.22-alpine as Builder',
  'RUN go build -o /out/app .',
  'FROM golang:1.22-alpine',
  'RUN go build -o /out/tool ./tool',
  'from alpine:3.20 AS Runtime',
  'COPY --from=Builder /out/app /app',
  'COPY --from=1 /out/tool /tool',
  'COPY --from=biulder /out/app /app2',
  '',
].join('\n');

describe('fix-all', () => {
  it('applies the safe fixes (casing, AS casing, naming index references) and nothing else', () => {
    assert.equal(
      runFixAll(MESSY),
      [
        'FROM golang:1.22-alpine AS builder',
        'RUN go build -o /out/app .',
        'FROM golang:1.22-alpine AS build',
        'RUN go build -o /out/tool ./tool',
        'from alpine:3.20 as runtime',
        'COPY --from=builder /out/app /app',
        'COPY --from=build /out/tool /tool',
        // A typo is not safe to fix blindly: it stays for the user to choose.
        'COPY --from=biulder /out/app /app2',
        '',
      ].join('\n'),
    );
  });

  it('returns edits only on the lines it changes', () => {
    const edits = fixAll(MESSY, analyze(MESSY), DEFAULT_SETTINGS);
    assert.deepEqual([...new Set(edits.map((edit) => edit.range.start.line))], [0, 2, 4, 5, 6]);
    assert.ok(edits.every((edit) => edit.range.start.line === edit.range.end.line));
  });

  it('changes nothing the second time', () => {
    const once = runFixAll(MESSY);
    assert.deepEqual(fixAll(once, analyze(once), DEFAULT_SETTINGS), []);
  });

  it('gives two unnamed stages of the same purpose distinct names', () => {
    const text =
      'FROM golang:1.22\nRUN go build -o /a .\nFROM golang:1.22\nRUN go build -o /b .\nFROM alpine:3.20\nCOPY --from=0 /a /a\nCOPY --from=1 /b /b\n';
    assert.equal(
      runFixAll(text),
      'FROM golang:1.22 AS build\nRUN go build -o /a .\nFROM golang:1.22 AS build-2\nRUN go build -o /b .\nFROM alpine:3.20\nCOPY --from=build /a /a\nCOPY --from=build-2 /b /b\n',
    );
  });

  it('keeps CRLF line endings', () => {
    assert.equal(runFixAll(crlf(MESSY)), crlf(runFixAll(MESSY)));
  });

  it('returns no edits for a clean file', () => {
    const clean =
      'FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
    assert.deepEqual(fixAll(clean, analyze(clean), DEFAULT_SETTINGS), []);
  });
});
