/**
 * Stage facts, the stage graph, copy edges and some rules keep per-stage results between document versions,
 * keyed by the instruction objects the incremental parser reuses. These tests edit files on which those
 * rules report (libc, glibc, platform, package manager, toolchain findings) and switch settings between
 * edits, and check after every step that the incremental analysis equals a from-scratch one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis/analyze';
import { IncrementalAnalysis } from '../../../server/src/analysis/incremental/incrementalAnalysis';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../server/src/analysis/settings';
import { snapshotAnalysis } from './treeSnapshot';

const BASE_LINES = [
  'ARG BASE=golang:1.22',
  'ARG RUNTIME=alpine:3.20',
  'FROM ${BASE} AS build',
  'RUN go build -o /out/app .',
  'FROM ${RUNTIME} AS runtime',
  'RUN apt-get update',
  'COPY --from=build /out/app /app',
  'FROM --platform=linux/arm64 debian:bookworm AS other',
  'RUN gcc -o /out/tool tool.c',
  'COPY --from=build /out/app /app',
  'RUN --mount=type=bind,from=build,source=/out/app,target=/x cp /x /y',
  'FROM runtime AS final',
  'COPY --from=other /out/tool /usr/local/bin/tool',
  'COPY --from=nginx:1.27 /usr/sbin/nginx /usr/sbin/nginx',
  'RUN apk add --no-cache curl',
  '',
];

/** Lines an edit may write: each changes what one of the memoized rules sees. */
const REPLACEMENTS = [
  'FROM golang:1.22-alpine AS build',
  'FROM build AS build2',
  'FROM ubuntu:24.04 AS runtime',
  'FROM gcr.io/distroless/static AS final',
  'FROM --platform=linux/amd64 ${RUNTIME} AS runtime',
  'RUN CGO_ENABLED=0 go build -o /out/app .',
  'RUN apt-get install -y gcc',
  'RUN apk add gcompat',
  'RUN yum install -y make',
  'COPY --from=runtime /app /app',
  'COPY --from=0 /out/app /app2',
  'ENV CGO_ENABLED=0',
  'ARG VERSION=1',
  'ARG RUNTIME',
  '# dockerfile-stages ignore=LibcMismatch',
  '',
];

const SETTINGS: readonly AnalysisSettings[] = [
  DEFAULT_SETTINGS,
  { ...DEFAULT_SETTINGS, buildArgs: { BASE: 'golang:1.22-alpine', RUNTIME: 'debian:bookworm-slim' } },
  { ...DEFAULT_SETTINGS, images: [{ glob: 'alpine', libc: 'glibc', packageManager: 'apt' }] },
  { ...DEFAULT_SETTINGS, target: 'runtime' },
];

interface LineEdit {
  readonly kind: 'replace' | 'insert' | 'delete' | 'append';
  readonly line: number;
  readonly text: string;
  readonly settings: number;
}

const edit: fc.Arbitrary<LineEdit> = fc.record({
  kind: fc.constantFrom<LineEdit['kind']>('replace', 'insert', 'delete', 'append'),
  line: fc.nat(),
  text: fc.constantFrom(...REPLACEMENTS),
  settings: fc.nat(SETTINGS.length - 1),
});

function applyLineEdit(lines: string[], change: LineEdit): string[] {
  const next = [...lines];
  const at = change.line % Math.max(next.length, 1);
  if (change.kind === 'replace') {
    next[at] = change.text;
  } else if (change.kind === 'insert') {
    next.splice(at, 0, change.text);
  } else if (change.kind === 'delete') {
    next.splice(at, 1);
  } else {
    next[at] = `${next[at] ?? ''}x`;
  }
  return next;
}

function assertSameAsFromScratch(
  incremental: IncrementalAnalysis,
  text: string,
  settings: AnalysisSettings,
): void {
  assert.deepEqual(
    snapshotAnalysis(incremental.analyze(text, settings)),
    snapshotAnalysis(analyze(text, settings)),
  );
}

describe('per-stage memoization', () => {
  it('the starting file has findings of the memoized rules, so the comparison below means something', () => {
    const ruleIds = new Set(analyze(BASE_LINES.join('\n')).findings.map((finding) => finding.ruleId));
    assert.ok(ruleIds.has('LibcMismatch'), [...ruleIds].join());
    assert.ok(ruleIds.has('PackageManagerMismatch'), [...ruleIds].join());
  });

  it('equals a from-scratch analysis after every line edit and settings change', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 10, maxLength: 40 }), (edits) => {
        const incremental = new IncrementalAnalysis();
        let lines = BASE_LINES;
        assertSameAsFromScratch(incremental, lines.join('\n'), DEFAULT_SETTINGS);
        for (const change of edits) {
          lines = applyLineEdit(lines, change);
          assertSameAsFromScratch(incremental, lines.join('\n'), SETTINGS[change.settings]);
        }
      }),
      { numRuns: Number(process.env.FUZZ_SEQUENCES ?? 60) },
    );
  });

  it('equals a from-scratch analysis when one stage is typed into character by character', () => {
    const incremental = new IncrementalAnalysis();
    const typed = 'RUN apk add gcompat && apt-get install -y curl';
    for (let length = 0; length <= typed.length; length++) {
      const lines = [...BASE_LINES];
      lines[5] = typed.slice(0, length);
      assertSameAsFromScratch(incremental, lines.join('\n'), DEFAULT_SETTINGS);
    }
  });
});
