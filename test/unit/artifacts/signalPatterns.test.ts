import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nativeFilePattern } from '../../../server/src/analysis/artifacts/copiedPathRules';
import { signalPatterns } from '../../../server/src/analysis/artifacts/signalPatterns';
import {
  findBuildSignals,
  findCrossCompileSignals,
  classifyCopiedPath,
} from '../../../server/src/analysis/artifacts';
import { neutralWordPatterns, windowsReleasePattern } from '../../../server/src/analysis/images/tagWords';

type PatternName = keyof typeof signalPatterns;

/** One text each pattern must match and one it must not. */
const examples: Record<PatternName, readonly [string, string]> = {
  goExtldflagsStatic: ['-linkmode external -extldflags "-static"', '-extldflags "-static-libgcc"'],
  rustMuslTarget: ['armv7-unknown-linux-musleabihf', 'x86_64-unknown-linux-gnu'],
  rustGlibcFloorTarget: ['x86_64-unknown-linux-gnu.2.17', 'x86_64-unknown-linux-gnu'],
  rustCrtStatic: ['-C target-feature=+crt-static', '-C target-feature=-crt-static'],
  rustCrtDynamic: ['-C target-feature=-crt-static', '-C target-feature=+crt-static'],
  zigMuslTarget: ['x86_64-linux-musl', 'x86_64-linux-gnu'],
  zigGlibcFloorTarget: ['x86_64-linux-gnu.2.28', 'x86_64-linux-musl'],
  dotnetMuslRid: ['linux-musl-x64', 'linux-x64'],
  dotnetGlibcRid: ['linux-arm64', 'linux-musl-arm64'],
  cCompiler: ['aarch64-linux-gnu-gcc-12', 'gccgo'],
  cToolchainPackage: ['build-base', 'libgcc'],
  glibcCompatPackage: ['gcompat', 'gcompat-dev'],
  distroRustPackage: ['cargo', 'cargo-audit'],
  targetPlatformReference: ['${TARGETARCH#v}', '$TARGETARCHIVE'],
  architectureDetection: ['case $(uname -m) in', 'curl -O https://x/tool.tgz'],
  architectureInUrl: ['https://x/zig-linux-x86_64-0.13.tar.xz', 'https://x/amd64x/tool'],
  url: ['https://example.com', 'ftp://example.com'],
  crossCCompiler: ['aarch64-linux-gnu-gcc', 'gcc'],
};

/** Inputs that make backtracking regular expressions blow up, each about 50,000 characters long. */
const adversarialSeeds = [
  'a',
  '-',
  '.',
  '_',
  '0',
  '1.',
  'a-',
  'a.',
  '-a',
  '=',
  ' ',
  '"',
  "'",
  '$',
  '${',
  '-extldflags ',
  '-extldflags= ',
  'x86_64-',
  '-unknown-linux-',
  'linux-musl-',
  'gcc-',
  'a-gcc',
  '+',
  '\\',
  '/',
];
const adversarialInputs = adversarialSeeds.flatMap((seed) => {
  const body = seed.repeat(Math.ceil(50_000 / seed.length));
  return [body, `${body}!`, `x86_64${body}`, `${body}-static`];
});

function timeAll(pattern: RegExp): number {
  const started = performance.now();
  for (const input of adversarialInputs) {
    pattern.test(input);
  }
  return performance.now() - started;
}

describe('signal patterns', () => {
  for (const [name, entry] of Object.entries(signalPatterns) as [
    PatternName,
    (typeof signalPatterns)[PatternName],
  ][]) {
    describe(name, () => {
      const [match, noMatch] = examples[name];
      it(`matches ${JSON.stringify(match)}`, () => assert.ok(entry.pattern.test(match)));
      it(`does not match ${JSON.stringify(noMatch)}`, () => assert.ok(!entry.pattern.test(noMatch)));
      it('names its source', () => assert.ok(entry.source.length > 0));
      it('finishes quickly on 50,000-character adversarial input', () => {
        assert.ok(timeAll(entry.pattern) < 1_000);
      });
    });
  }

  it('has an example for every pattern', () => {
    assert.deepEqual(Object.keys(examples).sort(), Object.keys(signalPatterns).sort());
  });

  it('path and tag-word patterns finish quickly on adversarial input', () => {
    for (const pattern of [nativeFilePattern.pattern, windowsReleasePattern, ...neutralWordPatterns]) {
      assert.ok(timeAll(pattern) < 1_000, String(pattern));
    }
  });
});

describe('detection on adversarial input', () => {
  for (const seed of adversarialSeeds.concat([
    'go build ',
    'CGO_ENABLED=0 ',
    'cargo build --target ',
    'apk add gcc ',
    'dotnet publish -p:',
    'sh -c "',
    '$(',
    'curl https://x86_64/',
    'export A=$A ',
  ])) {
    it(`returns for ${JSON.stringify(seed)} × 50,000 characters`, () => {
      const text = seed.repeat(Math.ceil(50_000 / seed.length));
      const started = performance.now();
      findBuildSignals({
        runs: [text],
        env: { CGO_ENABLED: text, RUSTFLAGS: text, LDFLAGS: text, GOFLAGS: text },
      });
      findCrossCompileSignals({ runs: [text], env: { GOARCH: text }, args: { TARGETARCH: text } });
      classifyCopiedPath(text, { binaryOutputs: [text] });
      assert.ok(performance.now() - started < 3_000);
    });
  }
});
