import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  architectureOfTarget,
  findCrossCompileSignals,
  normalizeArchitecture,
  type CrossCompileKind,
  type CrossCompileSignal,
  type StageBuildInput,
} from '../../../server/src/analysis/artifacts';

function signals(input: StageBuildInput | string, kind: CrossCompileKind): CrossCompileSignal[] {
  const stage = typeof input === 'string' ? { runs: [input] } : input;
  return findCrossCompileSignals(stage).signals.filter((signal) => signal.kind === kind);
}

function only(input: StageBuildInput | string, kind: CrossCompileKind): CrossCompileSignal {
  const found = signals(input, kind);
  assert.equal(found.length, 1, `one ${kind} in ${JSON.stringify(input)}, got ${found.length}`);
  const [first] = found;
  assert.ok(first);
  return first;
}

describe('findCrossCompileSignals', () => {
  describe('GOOS/GOARCH', () => {
    it('follows the target when derived from TARGETARCH/TARGETOS', () => {
      const found = signals('GOOS=$TARGETOS GOARCH=${TARGETARCH} go build .', 'go-target-env');
      assert.deepEqual(
        found.map((signal) => [signal.value, signal.followsTarget]),
        [
          ['$TARGETOS', true],
          ['${TARGETARCH}', true],
        ],
      );
    });
    it('names the architecture of a literal GOARCH', () => {
      const signal = only('GOARCH=amd64 go build .', 'go-target-env');
      assert.equal(signal.followsTarget, false);
      assert.equal(signal.architecture, 'amd64');
    });
    it('reads ENV, ARG and export', () => {
      assert.equal(only({ runs: [], env: { GOARCH: '$TARGETARCH' } }, 'go-target-env').followsTarget, true);
      assert.equal(only({ runs: [], args: { GOARCH: 'arm64' } }, 'go-target-env').architecture, 'arm64');
      assert.equal(only('export GOARCH=arm64', 'go-target-env').architecture, 'arm64');
    });
    it('finds nothing in a plain go build', () => {
      assert.deepEqual(signals('go build -o /app .', 'go-target-env'), []);
    });
  });

  describe('cargo and rustup targets', () => {
    it('reads --target and its architecture', () => {
      const signal = only('cargo build --release --target aarch64-unknown-linux-musl', 'cargo-target');
      assert.equal(signal.architecture, 'arm64');
      assert.equal(signal.followsTarget, false);
      assert.equal(
        only('cargo build --target=armv7-unknown-linux-gnueabihf', 'cargo-target').architecture,
        'arm',
      );
    });
    it('follows the target through xx-cargo', () => {
      assert.equal(
        only('cargo build --target "$(xx-cargo --print-target-triple)"', 'cargo-target').followsTarget,
        true,
      );
      assert.equal(
        only('rustup target add $(xx-cargo --print-target-triple)', 'rustup-target').followsTarget,
        true,
      );
    });
    it('reads CARGO_BUILD_TARGET', () => {
      assert.equal(
        only({ runs: [], env: { CARGO_BUILD_TARGET: 'x86_64-unknown-linux-musl' } }, 'cargo-build-target-env')
          .architecture,
        'amd64',
      );
      assert.equal(
        only('CARGO_BUILD_TARGET=aarch64-unknown-linux-gnu cargo build', 'cargo-build-target-env')
          .architecture,
        'arm64',
      );
    });
    it('finds nothing without a target', () => {
      assert.deepEqual(signals('cargo build --release', 'cargo-target'), []);
    });
  });

  describe('xx helpers', () => {
    it('always follow the target', () => {
      for (const text of [
        'xx-go build -o /app .',
        'xx-apk add gcc musl-dev',
        'xx-clang -o app main.c',
        'xx-cargo build --release',
        'xx-verify /app',
      ]) {
        assert.equal(only(text, 'xx-helper').followsTarget, true, text);
      }
    });
    it('are not confused with other commands', () => {
      assert.deepEqual(signals('apk add xx', 'xx-helper'), []);
    });
  });

  describe('.NET', () => {
    it('reads -a and -r', () => {
      assert.equal(only('dotnet publish -a $TARGETARCH', 'dotnet-arch').followsTarget, true);
      assert.equal(only('dotnet publish --arch x64', 'dotnet-arch').architecture, 'amd64');
      assert.equal(only('dotnet publish -r linux-musl-arm64', 'dotnet-runtime').architecture, 'arm64');
    });
    it('finds nothing in a plain publish', () => {
      assert.deepEqual(signals('dotnet publish -c Release', 'dotnet-runtime'), []);
    });
  });

  describe('zig', () => {
    it('reads -target and -Dtarget', () => {
      assert.equal(
        only('zig cc -target aarch64-linux-musl -o app main.c', 'zig-target').architecture,
        'arm64',
      );
      assert.equal(only('zig build -Dtarget=x86_64-linux-gnu.2.28', 'zig-target').architecture, 'amd64');
    });
    it('finds nothing without a target', () => {
      assert.deepEqual(signals('zig build', 'zig-target'), []);
    });
  });

  describe('--platform and --cpu flags', () => {
    it('reads wheel platforms and npm cpus', () => {
      assert.equal(
        only('pip install --platform manylinux2014_aarch64 --only-binary=:all: numpy', 'platform-flag')
          .architecture,
        'arm64',
      );
      assert.equal(only('npm ci --cpu=x64', 'platform-flag').architecture, 'amd64');
      assert.equal(only('pip install --platform $TARGETPLATFORM x', 'platform-flag').followsTarget, true);
    });
    it('finds nothing without one', () => {
      assert.deepEqual(signals('pip install numpy', 'platform-flag'), []);
    });
  });

  describe('cross C compilers', () => {
    it('reads CC and CXX with a target prefix', () => {
      assert.equal(only('CC=aarch64-linux-gnu-gcc make', 'cross-c-compiler').architecture, 'arm64');
      assert.equal(only('export CXX=x86_64-linux-musl-g++', 'cross-c-compiler').architecture, 'amd64');
    });
    it('ignores native compilers', () => {
      assert.deepEqual(signals('CC=gcc make', 'cross-c-compiler'), []);
    });
  });

  describe('pinned platform ARGs', () => {
    it('flags a default on TARGETARCH or TARGETPLATFORM', () => {
      assert.equal(
        only({ runs: [], args: { TARGETARCH: 'amd64' } }, 'pinned-platform-arg').architecture,
        'amd64',
      );
      assert.equal(
        only({ runs: [], args: { TARGETPLATFORM: 'linux/arm64' } }, 'pinned-platform-arg').architecture,
        'arm64',
      );
    });
    it('accepts a redeclaration without a default', () => {
      assert.deepEqual(signals({ runs: [], args: { TARGETARCH: undefined } }, 'pinned-platform-arg'), []);
    });
  });

  describe('architecture-specific downloads', () => {
    it('flags a hard-coded architecture in a download URL', () => {
      const signal = only(
        'curl -fsSL https://ziglang.org/download/0.13.0/zig-linux-x86_64-0.13.0.tar.xz | tar xJ',
        'arch-specific-download',
      );
      assert.equal(signal.architecture, 'amd64');
    });
    it('accepts downloads that pick the architecture', () => {
      assert.deepEqual(
        signals(
          'curl -fsSL https://example.com/tool-${TARGETARCH}.tar.gz | tar xz',
          'arch-specific-download',
        ),
        [],
      );
      assert.deepEqual(
        signals(
          'case "$(uname -m)" in x86_64) curl -O https://example.com/tool-x86_64.tgz;; esac',
          'arch-specific-download',
        ),
        [],
      );
      assert.deepEqual(signals('curl -O https://example.com/tool.tgz', 'arch-specific-download'), []);
      assert.deepEqual(signals('echo https://example.com/amd64', 'arch-specific-download'), []);
    });
  });

  it('lists the platform ARGs a stage references', () => {
    const { referencedPlatformArgs } = findCrossCompileSignals({
      runs: ['GOARCH=$TARGETARCH GOOS=${TARGETOS} go build', 'echo $BUILDPLATFORM $TARGETARCHIVE'],
      env: { X: '${TARGETVARIANT#v}' },
    });
    assert.deepEqual(referencedPlatformArgs, ['TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM']);
  });

  it('never throws on malformed input', () => {
    assert.deepEqual(findCrossCompileSignals(null as unknown as StageBuildInput).signals, []);
    assert.deepEqual(findCrossCompileSignals({ runs: [7] } as unknown as StageBuildInput).signals, []);
  });
});

describe('architecture names', () => {
  it('maps toolchain names to BuildKit architectures (libc.md §6)', () => {
    assert.deepEqual(normalizeArchitecture('x86_64'), { architecture: 'amd64' });
    assert.deepEqual(normalizeArchitecture('AARCH64'), { architecture: 'arm64' });
    assert.deepEqual(normalizeArchitecture('armhf'), { architecture: 'arm', variant: 'v7' });
    assert.deepEqual(normalizeArchitecture('i686'), { architecture: '386' });
    assert.deepEqual(normalizeArchitecture('powerpc64le'), { architecture: 'ppc64le' });
    assert.deepEqual(normalizeArchitecture('riscv64gc'), { architecture: 'riscv64' });
    assert.equal(normalizeArchitecture('sparc'), undefined);
  });
  it('reads the architecture of triples and RIDs', () => {
    assert.equal(architectureOfTarget('x86_64-unknown-linux-musl')?.architecture, 'amd64');
    assert.deepEqual(architectureOfTarget('armv7-unknown-linux-musleabihf'), {
      architecture: 'arm',
      variant: 'v7',
    });
    assert.equal(architectureOfTarget('linux-musl-arm64')?.architecture, 'arm64');
    assert.equal(architectureOfTarget('win-x64')?.architecture, 'amd64');
    assert.equal(architectureOfTarget('wasm32-wasi'), undefined);
  });
});
