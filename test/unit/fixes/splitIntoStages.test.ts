/**
 * Golden files for "Split into build and runtime stages": each case in
 * test/fixtures/refactor/split/<case>/ has the single-stage `before.Dockerfile` and the exact
 * `after.Dockerfile` the refactoring writes (snippet placeholders at their defaults). The result must
 * parse into one more stage, lose the ToolchainInFinalStage finding, gain no libc or reference
 * finding, and keep every line of the original file.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { fixesFor, refactoringsAt, type Fix } from '../../../server/src/analysis/fixes';
import { snippetToText } from '../../../server/src/analysis/fixes/snippetText';
import { applyEdits } from '../../../server/src/analysis/fixes/textEdits';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { contextFor, crlf } from './fixHarness';

const CASES = join(__dirname, '..', '..', 'fixtures', 'refactor', 'split');

/** Findings that would mean the split broke the build. */
const FORBIDDEN_AFTER = [
  'ToolchainInFinalStage',
  'LibcMismatch',
  'GlibcVersionSkew',
  'PlatformMismatch',
  'UnknownStageReference',
  'ForwardStageReference',
  'SelfStageReference',
  'StageIndexOutOfRange',
  'DuplicateStageName',
];

function applyWithDefaults(text: string, fix: Fix): string {
  return applyEdits(
    text,
    fix.edits.map((edit) => ({ ...edit, newText: fix.snippet ? snippetToText(edit.newText) : edit.newText })),
  );
}

/** The split offered for the ToolchainInFinalStage finding, which must equal the one on the FROM line. */
function splitOf(text: string): Fix {
  const context = contextFor(text);
  const finding = context.analysis.findings.find((candidate) => candidate.ruleId === 'ToolchainInFinalStage');
  assert.ok(finding, 'the single-stage file is reported');
  const fromDiagnostic = fixesFor(finding, context).filter((fix) => fix.kind === 'refactor.rewrite');
  assert.equal(fromDiagnostic.length, 1, 'one split is offered on the diagnostic');
  const stages = context.analysis.graph.stages;
  const last = stages[stages.length - 1];
  assert.ok(last);
  const fromLine = refactoringsAt(context, {
    start: last.fromKeywordRange.start,
    end: last.fromKeywordRange.start,
  }).filter((fix) => fix.title.startsWith('Split into build and runtime stages'));
  assert.deepEqual(fromLine, fromDiagnostic, 'the FROM line offers the same split');
  const [fix] = fromDiagnostic;
  assert.ok(fix);
  assert.ok(fix.title.startsWith('Split into build and runtime stages'));
  return fix;
}

function checkResult(before: string, after: string): void {
  const old = analyze(before, DEFAULT_SETTINGS);
  const result = analyze(after, DEFAULT_SETTINGS);
  assert.equal(result.parsed.parseError, undefined);
  assert.deepEqual(result.failures, []);
  assert.equal(result.graph.stages.length, old.graph.stages.length + 1, 'one stage more');
  const builder = result.graph.stages[result.graph.stages.length - 2];
  assert.ok(builder?.name, 'the build stage has a name');
  const copies = result.graph.references.filter(
    (reference) => reference.kind === 'copy' && reference.resolution.type === 'stage',
  );
  assert.ok(
    copies.some(
      (reference) =>
        reference.resolution.type === 'stage' &&
        reference.resolution.stageIndex === builder.index &&
        reference.fromStageIndex === builder.index + 1,
    ),
    'the runtime stage copies from the build stage',
  );
  const forbidden = result.findings.filter((finding) => FORBIDDEN_AFTER.includes(finding.ruleId));
  assert.deepEqual(
    forbidden.map((finding) => `${finding.ruleId}: ${finding.message}`),
    [],
  );
  // Every line of the original survives as written (the FROM line gains its name at the end).
  const afterLines = new Set(after.split(/\r\n|\r|\n/));
  for (const line of before.split(/\r\n|\r|\n/)) {
    const named = [...afterLines].some(
      (candidate) => candidate.startsWith(line) && / AS \S+$/i.test(candidate.slice(line.length)),
    );
    assert.ok(afterLines.has(line) || named, `line kept: ${JSON.stringify(line)}`);
  }
}

describe('split into build and runtime stages: golden files', () => {
  for (const name of readdirSync(CASES).sort()) {
    const before = readFileSync(join(CASES, name, 'before.Dockerfile'), 'utf8');
    const expected = readFileSync(join(CASES, name, 'after.Dockerfile'), 'utf8');
    it(name, () => {
      const after = applyWithDefaults(before, splitOf(before));
      assert.equal(after, expected);
      checkResult(before, after);
    });
    if (!before.includes('\r\n')) {
      it(`${name} (CRLF)`, () => {
        const after = applyWithDefaults(crlf(before), splitOf(crlf(before)));
        assert.equal(after, crlf(expected));
        checkResult(crlf(before), after);
      });
    }
  }
});

describe('split into build and runtime stages: snippets and when it is offered', () => {
  it('writes an unknown artifact as a tabstop with a comment that says what to put there', () => {
    const text = readFileSync(join(CASES, 'make-unknown-artifact', 'before.Dockerfile'), 'utf8');
    const fix = splitOf(text);
    assert.equal(fix.snippet, true);
    const inserted = fix.edits[fix.edits.length - 1]?.newText;
    assert.equal(
      inserted,
      [
        '',
        'FROM alpine:3.20',
        "# Put the path of the file that 'make' writes here.",
        'COPY --from=builder ${1:/src/path/to/artifact} /usr/local/bin/',
        '',
      ].join('\n'),
    );
  });

  it('offers dist or build as a choice for an npm build whose output it cannot see', () => {
    const text = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n';
    const fix = splitOf(text);
    assert.equal(fix.snippet, true);
    const inserted = fix.edits[fix.edits.length - 1]?.newText ?? '';
    assert.ok(inserted.includes('COPY --from=builder /app/${1|dist,build|} /app/${1|dist,build|}'), inserted);
    assert.ok(
      inserted.includes(
        'FROM node:22-alpine\nWORKDIR /app\nCOPY --from=builder /app/package*.json /app/\nRUN npm ci --omit=dev\n',
      ),
    );
  });

  it('escapes $ and \\ of moved instructions inside a snippet', () => {
    const text =
      'FROM golang:1.22-alpine\nRUN go get -d ./... && make\nENV GREETING="$HOME \\\n  x}"\nCMD ["app"]\n';
    const fix = splitOf(text);
    assert.equal(fix.snippet, true);
    const inserted = fix.edits[fix.edits.length - 1]?.newText ?? '';
    assert.ok(inserted.includes('ENV GREETING="\\$HOME \\\\\n  x\\}"'), inserted);
    assert.ok(applyWithDefaults(text, fix).includes('ENV GREETING="$HOME \\\n  x}"\n'));
  });

  it('asks for the runtime image with a tabstop when the table has none for the builder', () => {
    const text = 'FROM golang:1.22-windowsservercore-ltsc2022\nRUN go build -o C:/out/app.exe .\n';
    const fix = splitOf(text);
    assert.equal(fix.snippet, true);
    assert.match(fix.title, /\(builder \+ a runtime image\)$/);
    const inserted = fix.edits[fix.edits.length - 1]?.newText ?? '';
    assert.ok(
      inserted.startsWith(
        '\n# Use a runtime image with the same C library and release as golang:1.22-windowsservercore-ltsc2022.\nFROM ${1:runtime-image}\n',
      ),
      inserted,
    );
  });

  it("pairs a Chainguard (Wolfi) Go build with Chainguard's runtime images", () => {
    const dynamic =
      'FROM cgr.dev/chainguard/go:latest-dev\nRUN go build -o /out/app .\nENTRYPOINT ["/out/app"]\n';
    assert.match(splitOf(dynamic).title, /cgr\.dev\/chainguard\/glibc-dynamic\)$/);
    const fixedStatic = dynamic.replace('RUN go build', 'RUN CGO_ENABLED=0 go build');
    assert.match(splitOf(fixedStatic).title, /cgr\.dev\/chainguard\/static\)$/);
  });

  it('leaves one blank line when the moved instruction was the last line, without a final line break', () => {
    const text = 'FROM golang:1.22-alpine\nRUN go build -o /app .\nCMD ["/app"]';
    assert.equal(
      applyWithDefaults(text, splitOf(text)),
      'FROM golang:1.22-alpine AS builder\nRUN go build -o /app .\n\nFROM alpine:3.24\nCOPY --from=builder /app /app\nCMD ["/app"]\n',
    );
  });

  it('names a FROM written over continuation lines after its image', () => {
    const text = 'FROM \\\n  golang:1.22-alpine\nRUN go build -o /app .\nEXPOSE 80\n';
    assert.equal(
      applyWithDefaults(text, splitOf(text)),
      'FROM \\\n  golang:1.22-alpine AS builder\nRUN go build -o /app .\n\nFROM alpine:3.24\nCOPY --from=builder /app /app\nENTRYPOINT ["/app"]\nEXPOSE 80\n',
    );
  });

  it('keeps a Go build on Debian off distroless when a shell-form CMD needs /bin/sh', () => {
    const text = 'FROM golang:1.22\nRUN CGO_ENABLED=0 go build -o /app .\nCMD /app --port $PORT\n';
    assert.match(splitOf(text).title, /debian:bookworm-slim/);
  });

  it('uses lowercase "as" after a lowercase "from" and keeps an existing stage name', () => {
    const lower = applyWithDefaults(
      'from rust:1.80\nrun cargo build --release --bin x\n',
      splitOf('from rust:1.80\nrun cargo build --release --bin x\n'),
    );
    assert.ok(lower.startsWith('from rust:1.80 as builder\n'), lower);
    const named = 'FROM rust:1.80 AS compile\nRUN cargo build --release --bin x\n';
    assert.ok(
      applyWithDefaults(named, splitOf(named)).includes(
        'COPY --from=compile /target/release/x /target/release/x',
      ),
    );
  });

  it('is not offered when the final stage does not compile or already copies from a build stage', () => {
    for (const text of [
      'FROM golang:1.22\nCMD ["go", "version"]\n',
      'FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n',
      'FROM python:3.12\nRUN pip install -r requirements.txt\n',
    ]) {
      const context = contextFor(text);
      const stages = context.analysis.graph.stages;
      const last = stages[stages.length - 1];
      assert.ok(last);
      const offered = refactoringsAt(context, last.fromRange).filter(
        (fix) => fix.kind === 'refactor.rewrite',
      );
      assert.deepEqual(offered, [], text);
    }
  });
});
