/**
 * Quick fixes of the C library and platform rules: each is applied to a Dockerfile and the new text is
 * checked exactly, then the file is analysed again to see the finding gone and no new error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { applyFix, assertResolved, crlf, fixesOf } from './fixHarness';

/** Applies a fix and checks that the result has none of the C library and platform findings left. */
function fixAndCheck(text: string, ruleId: string, title: string): string {
  const fixed = applyFix(text, ruleId, title);
  assertResolved(text, fixed, ruleId);
  const left = analyze(fixed).findings.filter((finding) =>
    ['LibcMismatch', 'GlibcVersionSkew', 'PlatformMismatch', 'PlatformArgOverride'].includes(finding.ruleId),
  );
  assert.deepEqual(
    left.map((finding) => `${finding.ruleId}: ${finding.message}`),
    [],
  );
  return fixed;
}

/** The LibcMismatch fixes that switch a base image, as [title, preferred]. */
function imageSwitches(text: string): [string, boolean][] {
  return fixesOf(text, 'LibcMismatch')
    .fixes.filter((fix) => fix.title.startsWith('Use base image'))
    .map((fix) => [fix.title, fix.isPreferred ?? false]);
}

function lines(...content: string[]): string {
  return `${content.join('\n')}\n`;
}

describe('LibcMismatch fixes', () => {
  const goIntoAlpine = lines(
    'FROM golang:1.22 AS build',
    'WORKDIR /src',
    'COPY . .',
    'RUN go build -o /out/server ./cmd/server',
    '',
    'FROM alpine:3.20',
    'COPY --from=build /out/server /usr/local/bin/server',
    'ENTRYPOINT ["/usr/local/bin/server"]',
  );

  it('builds Go static with ENV CGO_ENABLED=0 in the build stage (preferred)', () => {
    const { fixes } = fixesOf(goIntoAlpine, 'LibcMismatch');
    assert.equal(fixes[0]?.title, "Build a static binary (ENV CGO_ENABLED=0 in stage 'build')");
    assert.equal(fixes[0]?.isPreferred, true);
    assert.equal(
      fixAndCheck(goIntoAlpine, 'LibcMismatch', "Build a static binary (ENV CGO_ENABLED=0 in stage 'build')"),
      goIntoAlpine.replace('FROM golang:1.22 AS build\n', 'FROM golang:1.22 AS build\nENV CGO_ENABLED=0\n'),
    );
  });

  it("moves the runtime to the builder's family", () => {
    assert.equal(
      fixAndCheck(
        goIntoAlpine,
        'LibcMismatch',
        "Use base image 'debian:bookworm-slim' for stage 1 (glibc, as the builder)",
      ),
      goIntoAlpine.replace('FROM alpine:3.20', 'FROM debian:bookworm-slim'),
    );
  });

  it("moves the builder to the runtime's family", () => {
    assert.equal(
      fixAndCheck(
        goIntoAlpine,
        'LibcMismatch',
        "Use base image 'golang:1.22-alpine' for stage 'build' (musl, as the runtime)",
      ),
      goIntoAlpine.replace('FROM golang:1.22 AS build', 'FROM golang:1.22-alpine AS build'),
    );
  });

  it('keeps CRLF line endings when it adds the ENV line', () => {
    const text = crlf(goIntoAlpine);
    assert.equal(
      fixAndCheck(text, 'LibcMismatch', "Build a static binary (ENV CGO_ENABLED=0 in stage 'build')"),
      crlf(goIntoAlpine.replace('AS build\n', 'AS build\nENV CGO_ENABLED=0\n')),
    );
  });

  it('uses distroless/base when the runtime was distroless/static', () => {
    const text = lines(
      'FROM golang:1.22 AS build',
      'RUN go build -o /out/app .',
      'FROM gcr.io/distroless/static-debian12',
      'COPY --from=build /out/app /app',
    );
    assert.equal(
      fixAndCheck(
        text,
        'LibcMismatch',
        "Use base image 'gcr.io/distroless/base-debian12' for stage 1 (glibc, as the builder)",
      ),
      text.replace('static-debian12', 'base-debian12'),
    );
  });

  it('switches a Rust builder to rust:<version>-alpine', () => {
    const text = lines(
      'FROM rust:1.80 AS build',
      'RUN cargo build --release',
      'FROM alpine:3.20',
      'COPY --from=build /target/release/app /app',
    );
    assert.equal(
      fixAndCheck(
        text,
        'LibcMismatch',
        "Use base image 'rust:1.80-alpine' for stage 'build' (musl, as the runtime)",
      ),
      text.replace('rust:1.80 AS', 'rust:1.80-alpine AS'),
    );
    assert.equal(
      fixAndCheck(
        text,
        'LibcMismatch',
        "Use base image 'debian:bookworm-slim' for stage 1 (glibc, as the builder)",
      ),
      text.replace('FROM alpine:3.20', 'FROM debian:bookworm-slim'),
    );
  });

  it('moves a musl build to Debian, or the runtime to its Alpine release', () => {
    const text = lines(
      'FROM golang:1.22-alpine3.20 AS build',
      'RUN apk add --no-cache gcc musl-dev',
      'RUN go build -o /out/app .',
      'FROM debian:bookworm-slim',
      'COPY --from=build /out/app /app',
    );
    assert.equal(
      fixAndCheck(text, 'LibcMismatch', "Use base image 'alpine:3.20' for stage 1 (musl, as the builder)"),
      text.replace('FROM debian:bookworm-slim', 'FROM alpine:3.20'),
    );
    assert.equal(
      fixAndCheck(
        text,
        'LibcMismatch',
        "Use base image 'golang:1.22-bookworm' for stage 'build' (glibc, as the runtime), then rewrite its apk commands for apt",
      ),
      text.replace('golang:1.22-alpine3.20', 'golang:1.22-bookworm'),
    );
  });

  // Both stages install packages, each with its own distribution's package manager.
  const rustOnAlpine = lines(
    'FROM rust:1.80 AS build',
    'RUN apt-get update && apt-get install -y libssl-dev',
    'RUN cargo build --release',
    'FROM alpine:3.20',
    'RUN apk add --no-cache ca-certificates',
    'COPY --from=build /target/release/app /app',
  );
  const runtimeToDebian: [string, boolean] = [
    "Use base image 'debian:bookworm-slim' for stage 1 (glibc, as the builder), then rewrite its apk commands for apt",
    false,
  ];

  it('names the package-manager commands a switch leaves behind, and then prefers no switch', () => {
    const text = rustOnAlpine;
    assert.deepEqual(imageSwitches(text), [
      runtimeToDebian,
      [
        "Use base image 'rust:1.80-alpine' for stage 'build' (musl, as the runtime), then rewrite its apt-get commands for apk",
        false,
      ],
    ]);
    // The switch itself is exact; the commands it names are what PackageManagerMismatch then reports.
    const fixed = applyFix(text, 'LibcMismatch', imageSwitches(text)[0]?.[0] ?? '');
    assert.equal(fixed, text.replace('FROM alpine:3.20', 'FROM debian:bookworm-slim'));
    assert.deepEqual(
      analyze(fixed)
        .findings.filter((finding) => finding.ruleId === 'PackageManagerMismatch')
        .map((finding) => finding.data),
      [{ expected: 'apt', found: 'apk' }],
    );
  });

  it('prefers the complete switch when the other one leaves commands behind', () => {
    const text = rustOnAlpine.replace('RUN apt-get update && apt-get install -y libssl-dev\n', '');
    assert.deepEqual(imageSwitches(text), [
      runtimeToDebian,
      ["Use base image 'rust:1.80-alpine' for stage 'build' (musl, as the runtime)", true],
    ]);
  });

  it('offers no image switch that would not resolve the finding (.NET with a glibc runtime identifier)', () => {
    const text = lines(
      'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build',
      'RUN dotnet publish -r linux-x64 --self-contained -o /out',
      'FROM alpine:3.20',
      'COPY --from=build /out /app',
    );
    const { fixes } = fixesOf(text, 'LibcMismatch');
    assert.ok(
      !fixes.some((fix) => fix.title.includes('sdk:8.0-alpine')),
      fixes.map((fix) => fix.title).join(' | '),
    );
  });
});

describe('GlibcVersionSkew fixes', () => {
  const text = lines(
    'FROM golang:1.22 AS build',
    'RUN go build -o /out/app .',
    '',
    'FROM debian:bullseye-slim',
    'COPY --from=build /out/app /app',
  );

  it("moves the runtime to the builder's release (preferred)", () => {
    const { fixes } = fixesOf(text, 'GlibcVersionSkew');
    assert.equal(fixes[0]?.isPreferred, true);
    assert.equal(
      fixAndCheck(text, 'GlibcVersionSkew', "Use base image 'debian:bookworm-slim' for stage 1 (debian 12)"),
      text.replace('debian:bullseye-slim', 'debian:bookworm-slim'),
    );
  });

  it("moves the builder to the runtime's release", () => {
    assert.equal(
      fixAndCheck(
        text,
        'GlibcVersionSkew',
        "Use base image 'golang:1.22-bullseye' for stage 'build' (debian 11)",
      ),
      text.replace('golang:1.22 AS', 'golang:1.22-bullseye AS'),
    );
  });

  it('keeps the distroless flavour and changes its Debian release', () => {
    const distroless = lines(
      'FROM gcc:13 AS build',
      'RUN gcc -o /out/app main.c',
      'FROM gcr.io/distroless/cc-debian11',
      'COPY --from=build /out/app /app',
    );
    assert.equal(
      fixAndCheck(
        distroless,
        'GlibcVersionSkew',
        "Use base image 'gcr.io/distroless/cc-debian12' for stage 1 (debian 12)",
      ),
      distroless.replace('cc-debian11', 'cc-debian12'),
    );
  });
});

describe('PlatformArgOverride fixes', () => {
  it('removes the default value', () => {
    const text = lines('ARG TARGETARCH=amd64', 'FROM alpine:3.20', 'ARG TARGETARCH', 'RUN echo $TARGETARCH');
    const { fixes } = fixesOf(text, 'PlatformArgOverride');
    assert.equal(fixes[0]?.isPreferred, true);
    assert.equal(
      fixAndCheck(text, 'PlatformArgOverride', 'Remove the default value of ARG TARGETARCH'),
      text.replace('ARG TARGETARCH=amd64', 'ARG TARGETARCH'),
    );
  });

  it('removes one default of an ARG with several', () => {
    const text = lines('FROM alpine:3.20', 'ARG TARGETOS=linux TARGETARCH=arm64');
    const fixed = applyFix(text, 'PlatformArgOverride', 'Remove the default value of ARG TARGETOS');
    assert.equal(fixed, lines('FROM alpine:3.20', 'ARG TARGETOS TARGETARCH=arm64'));
    assertResolved(text, fixed, 'PlatformArgOverride');
  });
});

describe('PlatformMismatch fixes', () => {
  it('makes a Go build on $BUILDPLATFORM cross-compile for the target', () => {
    const text = lines(
      'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build',
      'WORKDIR /src',
      'RUN CGO_ENABLED=0 go build -o /out/app . && \\',
      '    go build -o /out/tool ./cmd/tool',
      '',
      'FROM alpine:3.20',
      'COPY --from=build /out/app /app',
    );
    assert.equal(
      fixAndCheck(
        text,
        'PlatformMismatch',
        "Cross-compile for the target platform (GOOS=$TARGETOS GOARCH=$TARGETARCH in stage 'build')",
      ),
      lines(
        'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build',
        'ARG TARGETOS',
        'ARG TARGETARCH',
        'WORKDIR /src',
        'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app . && \\',
        '    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/tool ./cmd/tool',
        '',
        'FROM alpine:3.20',
        'COPY --from=build /out/app /app',
      ),
    );
  });

  it('declares only the platform ARG the stage lacks', () => {
    const text = lines(
      'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build',
      'ARG TARGETARCH',
      'RUN go build -o /out/app .',
      'FROM alpine:3.20',
      'COPY --from=build /out/app /app',
    );
    const fixed = fixAndCheck(
      text,
      'PlatformMismatch',
      "Cross-compile for the target platform (GOOS=$TARGETOS GOARCH=$TARGETARCH in stage 'build')",
    );
    assert.equal(
      fixed,
      lines(
        'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build',
        'ARG TARGETOS',
        'ARG TARGETARCH',
        'RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .',
        'FROM alpine:3.20',
        'COPY --from=build /out/app /app',
      ),
    );
  });

  it('drops --platform=$BUILDPLATFORM from a stage that is not Go, where the flag sits', () => {
    const text = lines(
      'FROM --platform=$BUILDPLATFORM rust:1.80-bookworm AS chef',
      'WORKDIR /app',
      'FROM chef AS build',
      'RUN cargo build --release',
      'FROM debian:bookworm-slim',
      'COPY --from=build /app/target/release/server /server',
    );
    assert.equal(
      fixAndCheck(text, 'PlatformMismatch', "Remove --platform=$BUILDPLATFORM from stage 'chef'"),
      text.replace('--platform=$BUILDPLATFORM ', ''),
    );
  });

  it('builds a stage pinned to another platform for the runtime stage platform', () => {
    const text = lines(
      'FROM --platform=linux/amd64 golang:1.22 AS build',
      'RUN CGO_ENABLED=0 go build -o /out/app .',
      'FROM --platform=linux/arm64 debian:bookworm-slim',
      'COPY --from=build /out/app /app',
    );
    assert.equal(
      fixAndCheck(text, 'PlatformMismatch', "Build stage 'build' for linux/arm64 (--platform=linux/arm64)"),
      text.replace('--platform=linux/amd64', '--platform=linux/arm64'),
    );
  });
});
