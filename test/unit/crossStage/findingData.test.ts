/** The `data` of the cross-stage findings is what quick fixes read: its shape is a contract. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';

function dataOf(text: string, ruleId: string) {
  return analyze(text)
    .findings.filter((finding) => finding.ruleId === ruleId)
    .map((finding) => finding.data);
}

describe('cross-stage finding data', () => {
  it('LibcMismatch names both stages, images, C libraries and releases', () => {
    assert.deepEqual(
      dataOf(
        'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n',
        'LibcMismatch',
      ),
      [
        {
          sourceStage: 0,
          targetStage: 1,
          sourceImage: 'golang:1.22',
          targetImage: 'alpine:3.20',
          sourceLibc: 'glibc',
          targetLibc: 'musl',
          sourceRelease: 'bookworm',
          targetRelease: '3.20',
          goBuild: true,
          copiedPath: '/out/app',
        },
      ],
    );
  });

  it('LibcMismatch uses -1 for an image source and marks Rust builds', () => {
    assert.deepEqual(
      dataOf('FROM alpine:3.20\nCOPY --from=nginx:1.27 /usr/sbin/nginx /usr/sbin/\n', 'LibcMismatch')[0]
        ?.sourceStage,
      -1,
    );
    assert.equal(
      dataOf(
        'FROM rust:1.80-bookworm AS build\nRUN cargo build --release\nFROM alpine:3.20\nCOPY --from=build /target/release/app /app\n',
        'LibcMismatch',
      )[0]?.rustBuild,
      true,
    );
  });

  it('GlibcVersionSkew adds both glibc versions', () => {
    const [data] = dataOf(
      'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM debian:bullseye-slim\nCOPY --from=build /out/app /app\n',
      'GlibcVersionSkew',
    );
    assert.equal(data?.sourceGlibc, '2.36');
    assert.equal(data?.targetGlibc, '2.31');
    assert.equal(data?.targetRelease, 'bullseye');
  });

  it('PlatformMismatch adds the platforms', () => {
    const [data] = dataOf(
      'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n',
      'PlatformMismatch',
    );
    assert.equal(data?.sourcePlatform, '$BUILDPLATFORM');
    assert.equal('targetPlatform' in (data ?? {}), false);
    assert.equal(data?.sourceStage, 0);
  });

  it('PlatformArgOverride and PackageManagerMismatch carry what their fixes need', () => {
    assert.deepEqual(dataOf('ARG TARGETARCH=amd64\nFROM alpine\n', 'PlatformArgOverride'), [
      { argName: 'TARGETARCH' },
    ]);
    assert.deepEqual(dataOf('FROM alpine:3.20\nRUN apt-get install -y curl\n', 'PackageManagerMismatch'), [
      { expected: 'apk', found: 'apt-get' },
    ]);
  });
});
