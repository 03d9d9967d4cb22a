import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { summarizeGraph, viewOfAnalysis } from '../../../server/src/analysis/graph';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';

function summaryOf(text: string) {
  return summarizeGraph(viewOfAnalysis(analyze(text, DEFAULT_SETTINGS), DEFAULT_SETTINGS));
}

describe('status bar summary', () => {
  it('shows the libc path into the target and warns when a glibc binary lands on musl', () => {
    const summary = summaryOf(
      'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
    );
    assert.equal(summary.text, '2 stages · glibc → musl ⚠');
    assert.equal(summary.warning, true);
    assert.match(summary.tooltip, /Problems view/);
  });

  it('shows a matching path without a warning', () => {
    const summary = summaryOf(
      'FROM golang:1.22-alpine AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
    );
    assert.deepEqual([summary.text, summary.warning], ['2 stages · musl → musl', false]);
  });

  it('names scratch as "no libc" and joins several source families', () => {
    const summary = summaryOf(
      [
        'FROM golang:1.22-alpine AS go',
        'RUN CGO_ENABLED=0 go build -o /app .',
        'FROM debian:bookworm AS certs',
        'FROM scratch',
        'COPY --from=go /app /app',
        'COPY --from=certs /etc/ssl/certs /etc/ssl/certs',
        '',
      ].join('\n'),
    );
    assert.equal(summary.text, '3 stages · glibc + musl → no libc');
  });

  it('counts stages alone when families are unknown or there is nothing to build', () => {
    assert.equal(summaryOf('FROM registry.example.com/base AS a\nFROM a\n').text, '2 stages');
    assert.equal(summaryOf('# just a comment\n').text, '0 stages');
    assert.equal(summaryOf('FROM alpine:3.20\n').text, '1 stage');
  });
});
