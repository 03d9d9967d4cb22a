import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, refactoringsAt } from '../../../server/src/analysis/fixes';
import { applyFix, assertResolved, contextFor, crlf, fixesOf } from './fixHarness';

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('StageIndexReference fixes', () => {
  const text = [
    'FROM golang:1.22-alpine',
    'RUN go build -o /out/app .',
    'FROM alpine:3.20',
    'COPY --from=0 /out/app /app',
    'COPY --from=0 /out/app /app2',
    '',
  ].join('\n');

  it('names the stage after its purpose and rewrites every numeric reference', () => {
    const fixed = applyFix(text, 'StageIndexReference', "Name stage 0 'build' and use the name");
    assert.equal(
      fixed,
      [
        'FROM golang:1.22-alpine AS build',
        'RUN go build -o /out/app .',
        'FROM alpine:3.20',
        'COPY --from=build /out/app /app',
        'COPY --from=build /out/app /app2',
        '',
      ].join('\n'),
    );
    assertResolved(text, fixed, 'StageIndexReference');
  });

  it('is preferred and safe', () => {
    const { fixes } = fixesOf(text, 'StageIndexReference');
    assert.equal(fixes[0]?.isPreferred, true);
    assert.equal(fixes[0]?.safe, true);
    assert.equal(fixes[0]?.kind, 'quickfix');
  });

  it('uses the existing name of a named stage', () => {
    const named =
      'FROM golang:1.22-alpine AS compile\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=0 /out/app /app\n';
    const fixed = applyFix(named, 'StageIndexReference', "Use the name 'compile' instead of 0");
    assert.equal(
      fixed,
      'FROM golang:1.22-alpine AS compile\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=compile /out/app /app\n',
    );
    assertResolved(named, fixed, 'StageIndexReference');
  });

  it('picks a name no stage or reference uses, and writes `as` after a lowercase from', () => {
    const taken = [
      'from golang:1.22-alpine',
      'run go build -o /out/app .',
      'FROM golang:1.22-alpine AS build',
      'RUN go build -o /out/other .',
      'FROM alpine:3.20',
      'COPY --from=0 /out/app /app',
      'COPY --from=build-2 /x /x',
      '',
    ].join('\n');
    const fixed = applyFix(taken, 'StageIndexReference', "Name stage 0 'build-3' and use the name");
    assert.equal(fixed.split('\n')[0], 'from golang:1.22-alpine as build-3');
    assert.equal(fixed.split('\n')[5], 'COPY --from=build-3 /out/app /app');
    assertResolved(taken, fixed, 'StageIndexReference');
  });

  it('derives deps, test and assets from what the stage runs', () => {
    const deps =
      'FROM node:20-alpine\nRUN npm ci\nFROM node:20-alpine\nCOPY --from=0 /app/node_modules /app/node_modules\n';
    assert.ok(fixesOf(deps, 'StageIndexReference').fixes[0]?.title.includes("'deps'"));
    const tests = 'FROM golang:1.22\nRUN go test ./...\nFROM alpine:3.20\nCOPY --from=0 /etc/os-release /x\n';
    assert.ok(fixesOf(tests, 'StageIndexReference').fixes[0]?.title.includes("'test'"));
    const assets =
      'FROM node:20-alpine\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=0 /app/dist /usr/share/nginx/html\n';
    assert.ok(fixesOf(assets, 'StageIndexReference').fixes[0]?.title.includes("'assets'"));
  });

  it('keeps CRLF line endings and continuation lines intact', () => {
    const continued = crlf(
      'FROM golang:1.22-alpine \\\n  AS x\nFROM golang:1.22-alpine\nRUN go build \\\n  -o /out/app .\nFROM alpine:3.20\nCOPY \\\n  --from=1 /out/app /app\n',
    );
    const fixed = applyFix(continued, 'StageIndexReference', "Name stage 1 'build' and use the name");
    assert.equal(
      fixed,
      crlf(
        'FROM golang:1.22-alpine \\\n  AS x\nFROM golang:1.22-alpine AS build\nRUN go build \\\n  -o /out/app .\nFROM alpine:3.20\nCOPY \\\n  --from=build /out/app /app\n',
      ),
    );
    assertResolved(continued, fixed, 'StageIndexReference');
  });

  it('offers "Name all stages" as a source action', () => {
    const context = contextFor(text);
    const [fix] = refactoringsAt(context, ORIGIN).filter(
      (candidate) => candidate.title === 'Name all stages',
    );
    assert.ok(fix);
    assert.equal(fix.kind, 'source');
    assert.equal(
      applyEdits(text, fix.edits),
      [
        'FROM golang:1.22-alpine AS build',
        'RUN go build -o /out/app .',
        'FROM alpine:3.20 AS runtime',
        'COPY --from=build /out/app /app',
        'COPY --from=build /out/app /app2',
        '',
      ].join('\n'),
    );
  });

  it('gives two stages of the same purpose different names in "Name all stages"', () => {
    const two =
      'FROM golang:1.22\nRUN go build -o /a .\nFROM golang:1.22\nRUN go build -o /b .\nFROM alpine:3.20\nCOPY --from=0 /a /a\nCOPY --from=1 /b /b\n';
    const [fix] = refactoringsAt(contextFor(two), ORIGIN);
    assert.equal(
      applyEdits(two, fix?.edits ?? []),
      'FROM golang:1.22 AS build\nRUN go build -o /a .\nFROM golang:1.22 AS build-2\nRUN go build -o /b .\nFROM alpine:3.20 AS runtime\nCOPY --from=build /a /a\nCOPY --from=build-2 /b /b\n',
    );
  });
});

describe('StageNameCasing fix', () => {
  const text = [
    'FROM golang:1.22-alpine AS Builder',
    'RUN go build -o /out/app .',
    'FROM Builder AS Test',
    'RUN --mount=type=cache,from=BUILDER,target=/c go test ./...',
    'FROM alpine:3.20',
    'COPY --from=Builder /out/app /app',
    'COPY --from=test /out/app /app2',
    '',
  ].join('\n');

  it('lowercases the name and every reference (COPY --from, mount from=)', () => {
    const fixed = applyFix(text, 'StageNameCasing', "Rename stage to 'builder'", 0);
    assert.equal(
      fixed,
      [
        'FROM golang:1.22-alpine AS builder',
        'RUN go build -o /out/app .',
        'FROM Builder AS Test',
        'RUN --mount=type=cache,from=builder,target=/c go test ./...',
        'FROM alpine:3.20',
        'COPY --from=builder /out/app /app',
        'COPY --from=test /out/app /app2',
        '',
      ].join('\n'),
    );
    assertResolved(text, fixed, 'StageNameCasing');
  });

  it('rewrites a FROM that refers to the stage', () => {
    const from =
      'FROM golang:1.22-alpine AS Base\nFROM base AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
    const fixed = applyFix(from, 'StageNameCasing', "Rename stage to 'base'");
    assert.equal(fixed, from.replace('AS Base', 'AS base'));
    assertResolved(from, fixed, 'StageNameCasing');
  });

  it('works with CRLF and with the name on a continuation line', () => {
    const continued = crlf(
      'FROM golang:1.22-alpine \\\n  AS Build\nFROM alpine:3.20\nCOPY \\\n  --from=Build /out/app /app\n',
    );
    const fixed = applyFix(continued, 'StageNameCasing', "Rename stage to 'build'");
    assert.equal(
      fixed,
      crlf(
        'FROM golang:1.22-alpine \\\n  AS build\nFROM alpine:3.20\nCOPY \\\n  --from=build /out/app /app\n',
      ),
    );
    assertResolved(continued, fixed, 'StageNameCasing');
  });

  it('renames a mount option that stands after a line continuation', () => {
    const mount =
      'FROM alpine:3.20 AS Build\nFROM alpine:3.20\nRUN --mount=type=bind,\\\nfrom=Build,target=/mnt true\n';
    const fixed = applyFix(mount, 'StageNameCasing', "Rename stage to 'build'");
    assert.equal(fixed, mount.replace(/Build/g, 'build'));
    assertResolved(mount, fixed, 'StageNameCasing');
  });
});

describe('FromAsCasing fix', () => {
  it("writes 'AS' after FROM and 'as' after from", () => {
    const text =
      'FROM golang:1.22-alpine as build\nRUN go build -o /out/app .\nfrom alpine:3.20 AS runtime\nCOPY --from=build /out/app /app\n';
    const upper = applyFix(text, 'FromAsCasing', "Change to 'AS'", 0);
    assert.equal(upper, text.replace('alpine as build', 'alpine AS build'));
    assertResolved(text, upper, 'FromAsCasing');
    const lower = applyFix(text, 'FromAsCasing', "Change to 'as'", 2);
    assert.equal(lower, text.replace('AS runtime', 'as runtime'));
    assertResolved(text, lower, 'FromAsCasing');
  });
});
