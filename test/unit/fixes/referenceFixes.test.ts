import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { applyFix, assertResolved, crlf, fixesOf } from './fixHarness';

const titles = (text: string, ruleId: string, line?: number) =>
  fixesOf(text, ruleId, line).fixes.map((fix) => fix.title);

describe('UnknownStageReference fix', () => {
  const text = [
    'FROM golang:1.22-alpine AS builder',
    'RUN go build -o /out/app .',
    'FROM alpine:3.20',
    'COPY --from=biulder /out/app /app',
    'RUN --mount=type=bind,from=bulder,target=/mnt ls /mnt',
    '',
  ].join('\n');

  it('changes a COPY --from typo to the closest stage, preferred', () => {
    const fixed = applyFix(text, 'UnknownStageReference', "Change to 'builder'", 3);
    assert.equal(fixed, text.replace('--from=biulder', '--from=builder'));
    assertResolved(text, fixed, 'UnknownStageReference');
    assert.equal(fixesOf(text, 'UnknownStageReference', 3).fixes[0]?.isPreferred, true);
  });

  it('changes a mount from= typo', () => {
    const fixed = applyFix(text, 'UnknownStageReference', "Change to 'builder'", 4);
    assert.equal(fixed, text.replace('from=bulder', 'from=builder'));
    assertResolved(text, fixed, 'UnknownStageReference');
  });

  it('writes the lowercased name into a FROM', () => {
    const from =
      'FROM golang:1.22-alpine AS base\nRUN apk add git\nFROM Base AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
    const fixed = applyFix(from, 'UnknownStageReference', "Change to 'base'");
    assert.equal(fixed, from.replace('FROM Base', 'FROM base'));
    assertResolved(from, fixed, 'UnknownStageReference');
  });

  it('offers each equally close earlier stage, none preferred', () => {
    const two =
      'FROM alpine:3.20 AS buildx\nFROM alpine:3.20 AS buildy\nFROM alpine:3.20\nCOPY --from=buildz /x /x\n';
    const { fixes } = fixesOf(two, 'UnknownStageReference');
    assert.deepEqual(
      fixes.filter((fix) => fix.title.startsWith('Change')).map((fix) => [fix.title, fix.isPreferred]),
      [
        ["Change to 'buildx'", undefined],
        ["Change to 'buildy'", undefined],
      ],
    );
  });
});

describe('VariableStageReference fix', () => {
  const text = [
    'ARG SOURCE=build',
    'FROM golang:1.22-alpine AS build',
    'RUN go build -o /out/app .',
    'FROM alpine:3.20',
    'COPY --from=${SOURCE} /out/app /app',
    '',
  ].join('\n');

  it('writes the stage the ARG default names', () => {
    const fixed = applyFix(text, 'VariableStageReference', "Change to 'build'");
    assert.equal(fixed, text.replace('--from=${SOURCE}', '--from=build'));
    assertResolved(text, fixed, 'VariableStageReference');
  });

  it('follows a configured build argument', () => {
    const two = text.replace('FROM alpine:3.20', 'FROM alpine:3.20 AS other\nFROM alpine:3.20');
    const settings = { ...DEFAULT_SETTINGS, buildArgs: { SOURCE: 'other' } };
    const { fixes } = fixesOf(two, 'VariableStageReference', undefined, settings);
    assert.equal(fixes[0]?.title, "Change to 'other'");
  });

  it('offers nothing when the default names no stage', () => {
    const none = text.replace('SOURCE=build', 'SOURCE=nginx:1.27');
    assert.deepEqual(
      titles(none, 'VariableStageReference').filter((title) => title.startsWith('Change')),
      [],
    );
  });
});

describe('ForwardStageReference fix', () => {
  const text = [
    '# The runtime image.',
    'FROM alpine:3.20 AS runtime',
    'COPY --from=build /out/app /app',
    '',
    '# Builds the app.',
    'FROM golang:1.22-alpine AS build',
    'RUN go build \\',
    '    -o /out/app .',
    '',
    'FROM runtime',
    '',
  ].join('\n');

  it('moves the whole stage with its comments before the stage that needs it', () => {
    const fixed = applyFix(text, 'ForwardStageReference', "Move stage 'build' before stage 'runtime'");
    assert.equal(
      fixed,
      [
        '# Builds the app.',
        'FROM golang:1.22-alpine AS build',
        'RUN go build \\',
        '    -o /out/app .',
        '',
        '# The runtime image.',
        'FROM alpine:3.20 AS runtime',
        'COPY --from=build /out/app /app',
        '',
        'FROM runtime',
        '',
      ].join('\n'),
    );
    assertResolved(text, fixed, 'ForwardStageReference');
  });

  it('keeps CRLF line endings', () => {
    const fixed = applyFix(crlf(text), 'ForwardStageReference', "Move stage 'build' before stage 'runtime'");
    assert.equal(
      fixed,
      crlf(applyFix(text, 'ForwardStageReference', "Move stage 'build' before stage 'runtime'")),
    );
  });

  it('is not offered when the move would make a cycle', () => {
    const cycle =
      'FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\nCOPY --from=a /y /y\nFROM alpine:3.20\nCOPY --from=b /x /x\n';
    assert.deepEqual(
      titles(cycle, 'ForwardStageReference').filter((title) => title.startsWith('Move')),
      [],
    );
  });

  it('is not offered when it would move the last stage or shift a numeric reference', () => {
    const last = 'FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\n';
    assert.deepEqual(
      titles(last, 'ForwardStageReference').filter((title) => title.startsWith('Move')),
      [],
    );
    const numeric =
      'FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=0 /x /x\n';
    assert.deepEqual(
      titles(numeric, 'ForwardStageReference').filter((title) => title.startsWith('Move')),
      [],
    );
  });

  it('moves a stage that runs to the end of a file without a final line break', () => {
    const noEol =
      'FROM alpine:3.20 AS runtime\nCOPY --from=build /out/app /app\nFROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\nFROM runtime';
    const fixed = applyFix(noEol, 'ForwardStageReference', "Move stage 'build' before stage 'runtime'");
    assert.equal(
      fixed,
      'FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\nFROM alpine:3.20 AS runtime\nCOPY --from=build /out/app /app\nFROM runtime',
    );
  });
});

describe('UnusedStage fix', () => {
  const text = [
    'FROM golang:1.22-alpine AS build',
    'RUN go build -o /out/app .',
    '',
    '# Only for debugging.',
    'FROM build AS debug',
    'RUN apk add --no-cache delve',
    '',
    'FROM alpine:3.20',
    'COPY --from=build /out/app /app',
    '',
  ].join('\n');

  it('removes the stage with its comments, not preferred', () => {
    const { fixes } = fixesOf(text, 'UnusedStage');
    const remove = fixes.find((fix) => fix.title === "Remove stage 'debug'");
    assert.equal(remove?.isPreferred, false);
    const fixed = applyFix(text, 'UnusedStage', "Remove stage 'debug'");
    assert.equal(
      fixed,
      [
        'FROM golang:1.22-alpine AS build',
        'RUN go build -o /out/app .',
        '',
        'FROM alpine:3.20',
        'COPY --from=build /out/app /app',
        '',
      ].join('\n'),
    );
    assertResolved(text, fixed, 'UnusedStage');
  });

  it('is not offered when a later numeric reference would shift', () => {
    const numeric =
      'FROM alpine:3.20 AS unused\nFROM golang:1.22-alpine\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=1 /out/app /app\n';
    assert.deepEqual(
      titles(numeric, 'UnusedStage').filter((title) => title.startsWith('Remove')),
      [],
    );
  });
});
