import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, assertResolved, crlf, fixesOf } from './fixHarness';

describe('DuplicateStageName fix', () => {
  const text = [
    'FROM golang:1.22 AS build',
    'RUN go build -o /out/app .',
    'FROM alpine:3.20',
    'COPY --from=build /out/app /app',
    'FROM golang:1.22 AS build',
    'RUN go test ./...',
    'FROM alpine:3.20',
    'COPY --from=build /out/app /app',
    '',
  ].join('\n');

  it('renames the later stage and points the references after it at the new name', () => {
    const fixed = applyFix(
      text,
      'DuplicateStageName',
      "Rename stage to 'build-2' and use it after this stage",
    );
    assert.equal(
      fixed,
      [
        'FROM golang:1.22 AS build',
        'RUN go build -o /out/app .',
        'FROM alpine:3.20',
        'COPY --from=build /out/app /app',
        'FROM golang:1.22 AS build-2',
        'RUN go test ./...',
        'FROM alpine:3.20',
        'COPY --from=build-2 /out/app /app',
        '',
      ].join('\n'),
    );
    assertResolved(text, fixed, 'DuplicateStageName');
  });

  it('keeps CRLF line endings', () => {
    const fixed = applyFix(
      crlf(text),
      'DuplicateStageName',
      "Rename stage to 'build-2' and use it after this stage",
    );
    assert.equal(fixed.split('\r\n')[4], 'FROM golang:1.22 AS build-2');
    assert.equal(fixed.split('\n').length, crlf(text).split('\n').length);
  });
});

describe('ReservedStageName fix', () => {
  it('renames to a name from the purpose, and FROM scratch keeps meaning the empty image', () => {
    const text = [
      'FROM golang:1.22-alpine AS scratch',
      'RUN go build -o /out/app .',
      'FROM scratch',
      'COPY --from=scratch /out/app /app',
      '',
    ].join('\n');
    const fixed = applyFix(text, 'ReservedStageName', "Rename stage to 'build'");
    assert.equal(
      fixed,
      [
        'FROM golang:1.22-alpine AS build',
        'RUN go build -o /out/app .',
        'FROM scratch',
        'COPY --from=build /out/app /app',
        '',
      ].join('\n'),
    );
    assertResolved(text, fixed, 'ReservedStageName');
  });
});

describe('InvalidStageName fix', () => {
  const text = [
    'FROM alpine:3.20 AS 1st',
    'FROM alpine:3.20 AS my:stage',
    'FROM alpine:3.20',
    'COPY --from=1st /etc/os-release /a',
    'COPY --from=my:stage /etc/os-release /b',
    '',
  ].join('\n');

  it("prefixes a name that does not start with a letter ('1st' → 'stage-1st')", () => {
    const fixed = applyFix(text, 'InvalidStageName', "Rename stage to 'stage-1st'", 0);
    assert.equal(fixed, text.replace('AS 1st', 'AS stage-1st').replace('--from=1st', '--from=stage-1st'));
    assertResolved(text, fixed, 'InvalidStageName');
  });

  it("replaces invalid characters ('my:stage' → 'my-stage')", () => {
    const fixed = applyFix(text, 'InvalidStageName', "Rename stage to 'my-stage'", 1);
    assert.equal(
      fixed,
      text.replace('AS my:stage', 'AS my-stage').replace('--from=my:stage', '--from=my-stage'),
    );
    assertResolved(text, fixed, 'InvalidStageName');
  });

  it('is preferred', () => {
    assert.equal(fixesOf(text, 'InvalidStageName', 0).fixes[0]?.isPreferred, true);
  });
});
