import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  classifyCopiedPath,
  findKnownImageArtifact,
  isStaticBuilderImage,
  type CopiedPathClass,
} from '../../../server/src/analysis/artifacts';

/** Paths from libc.md §5.5, §8 and §9 with the class a copy of them has. */
const table: readonly (readonly [string, CopiedPathClass])[] = [
  // Native executables and libraries.
  ['/usr/local/bin/app', 'native'],
  ['/usr/local/bin/', 'native'],
  ['/usr/local/bin', 'native'],
  ['/usr/bin/tini', 'native'],
  ['/usr/sbin/nginx', 'native'],
  ['/bin/busybox', 'native'],
  ['/sbin/tini', 'native'],
  ['/go/bin/server', 'native'],
  ['/go/bin', 'native'],
  ['/usr/local/cargo/bin/ripgrep', 'native'],
  ['/usr/local/bin/node', 'native'],
  ['/usr/local/bin/envoy', 'native'],
  ['/out/app', 'native'],
  ['./out/app', 'native'],
  ['out/app', 'native'],
  ['/output/server', 'native'],
  ['target/release/app', 'native'],
  ['/src/target/release/app', 'native'],
  ['/app/target/x86_64-unknown-linux-musl/release/app', 'native'],
  ['/app/target/release', 'native'],
  ['/usr/lib/x86_64-linux-gnu/libssl.so.3', 'native'],
  ['/out/libfoo.so', 'native'],
  ['/app/build/Release/sharp.node', 'native'],
  ['C:\\app\\app.exe', 'native'],
  // Trees with native code of the builder's C library.
  ['/app/node_modules', 'libc-sensitive-tree'],
  ['node_modules', 'libc-sensitive-tree'],
  ['/app/node_modules/.bin', 'libc-sensitive-tree'],
  ['/usr/local/lib/node_modules', 'libc-sensitive-tree'],
  ['/opt/venv', 'libc-sensitive-tree'],
  ['/venv', 'libc-sensitive-tree'],
  ['/app/.venv', 'libc-sensitive-tree'],
  ['.venv', 'libc-sensitive-tree'],
  ['/usr/local/lib/python3.12/site-packages', 'libc-sensitive-tree'],
  ['/install', 'libc-sensitive-tree'],
  ['/root/.local', 'libc-sensitive-tree'],
  ['/wheels', 'libc-sensitive-tree'],
  ['/usr/local/bundle', 'libc-sensitive-tree'],
  ['/app/vendor/bundle', 'libc-sensitive-tree'],
  ['/app/_build/prod/rel/myapp', 'libc-sensitive-tree'],
  ['_build/prod/rel', 'libc-sensitive-tree'],
  ['/javaruntime', 'libc-sensitive-tree'],
  ['/opt/jre', 'libc-sensitive-tree'],
  ['/opt/java/openjdk', 'libc-sensitive-tree'],
  ['/usr/local/lib/php/extensions/no-debug-non-zts-20230831', 'libc-sensitive-tree'],
  ['/app/.next/standalone', 'libc-sensitive-tree'],
  ['/usr/lib/x86_64-linux-gnu', 'libc-sensitive-tree'],
  // Not native.
  ['/etc/ssl/certs/ca-certificates.crt', 'not-native'],
  ['/etc/ssl/certs', 'not-native'],
  ['/etc/passwd', 'not-native'],
  ['/etc/nginx/nginx.conf', 'not-native'],
  ['/usr/share/zoneinfo', 'not-native'],
  ['/usr/share/nginx/html', 'not-native'],
  ['/usr/share/ca-certificates', 'not-native'],
  ['/app/dist', 'not-native'],
  ['/app/dist/', 'not-native'],
  ['dist', 'not-native'],
  ['/app/build', 'not-native'],
  ['/app/public', 'not-native'],
  ['/app/.next/static', 'not-native'],
  ['/app/target/app.jar', 'not-native'],
  ['/app/build/libs/*.jar', 'not-native'],
  ['/app/app.war', 'not-native'],
  ['/app/main.js', 'not-native'],
  ['/app/app.py', 'not-native'],
  ['/app/index.html', 'not-native'],
  ['/app/styles.css', 'not-native'],
  ['/app/package.json', 'not-native'],
  ['/app/publish/App.dll', 'not-native'],
  ['/usr/bin/composer', 'not-native'],
  ['/usr/local/bin/docker-entrypoint.sh', 'not-native'],
  ['/node_modules/pkg/index.js', 'not-native'],
  // Unknown.
  ['/app', 'unknown'],
  ['/app/', 'unknown'],
  ['/app/server', 'unknown'],
  ['/app/bin/rails', 'unknown'],
  ['/src', 'unknown'],
  ['/app/publish', 'unknown'],
  ['/build/app.tar.gz', 'unknown'],
  ['/out/*', 'unknown'],
  ['/', 'unknown'],
  ['', 'unknown'],
  ['.', 'unknown'],
];

describe('classifyCopiedPath', () => {
  for (const [path, expected] of table) {
    it(`${JSON.stringify(path)} is ${expected}`, () => {
      assert.equal(classifyCopiedPath(path), expected);
    });
  }

  describe('with the producing stage binary outputs', () => {
    it('calls the output itself native', () => {
      assert.equal(classifyCopiedPath('/app', { binaryOutputs: ['/app'] }), 'native');
      assert.equal(classifyCopiedPath('/app/server', { binaryOutputs: ['/app/server'] }), 'native');
    });
    it('calls a directory that contains an output native', () => {
      assert.equal(classifyCopiedPath('/src/bin', { binaryOutputs: ['/src/bin/server'] }), 'native');
      assert.equal(classifyCopiedPath('/src/bin/', { binaryOutputs: ['/src/bin/server'] }), 'native');
    });
    it('matches relative outputs at the end of the copied path', () => {
      assert.equal(classifyCopiedPath('/src/server', { binaryOutputs: ['server'] }), 'native');
      assert.equal(classifyCopiedPath('/src/bin/server', { binaryOutputs: ['./bin/server'] }), 'native');
    });
    it('does not match unrelated paths or the root', () => {
      assert.equal(classifyCopiedPath('/app/dist', { binaryOutputs: ['/app/server'] }), 'not-native');
      assert.equal(classifyCopiedPath('/application', { binaryOutputs: ['/app'] }), 'unknown');
      assert.equal(classifyCopiedPath('/', { binaryOutputs: ['/app'] }), 'unknown');
      assert.equal(classifyCopiedPath('/srv/myserver', { binaryOutputs: ['server'] }), 'unknown');
    });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
        (path, outputs) => {
          classifyCopiedPath(path, { binaryOutputs: outputs });
        },
      ),
      { numRuns: 1000 },
    );
    assert.equal(classifyCopiedPath(undefined as unknown as string), 'unknown');
    assert.equal(
      classifyCopiedPath('/app', { binaryOutputs: 'nope' } as unknown as { binaryOutputs: string[] }),
      'unknown',
    );
  });
});

describe('findKnownImageArtifact', () => {
  it('knows the static uv binaries of the scratch-based tags', () => {
    assert.equal(findKnownImageArtifact('ghcr.io/astral-sh/uv:0.5.1', '/uv')?.verdict, 'static');
    assert.equal(findKnownImageArtifact('ghcr.io/astral-sh/uv', '/uvx')?.verdict, 'static');
    assert.equal(findKnownImageArtifact('ghcr.io/astral-sh/uv:latest', '/uv')?.verdict, 'static');
  });
  it('does not vouch for uv distro tags', () => {
    assert.equal(
      findKnownImageArtifact('ghcr.io/astral-sh/uv:python3.12-bookworm', '/usr/local/bin/uv'),
      undefined,
    );
    assert.equal(findKnownImageArtifact('ghcr.io/astral-sh/uv:alpine', '/uv'), undefined);
  });
  it('knows the static docker CLI, the composer PHAR and xx scripts', () => {
    assert.equal(findKnownImageArtifact('docker:27-cli', '/usr/local/bin/docker')?.verdict, 'static');
    assert.equal(findKnownImageArtifact('composer:2', '/usr/bin/composer')?.verdict, 'portable');
    assert.equal(findKnownImageArtifact('tonistiigi/xx', '/')?.verdict, 'portable');
    assert.equal(findKnownImageArtifact('tonistiigi/xx:1.6.1', '/usr/bin/xx-info')?.verdict, 'portable');
    // The Go release toolchain in the golang images is built with cgo off.
    assert.equal(findKnownImageArtifact('golang:1.22', '/usr/local/go/bin/go')?.verdict, 'static');
  });
  it('says nothing about other files or images', () => {
    assert.equal(findKnownImageArtifact('docker:27-cli', '/usr/local/bin/dockerd-entrypoint.sh'), undefined);
    assert.equal(findKnownImageArtifact('golang:1.22', '/usr/local/bin/app'), undefined);
    assert.equal(findKnownImageArtifact('$IMAGE', '/uv'), undefined);
  });
});

describe('isStaticBuilderImage', () => {
  it('knows the musl Rust builder images (libc.md §5.2)', () => {
    assert.equal(isStaticBuilderImage('clux/muslrust:stable'), true);
    assert.equal(isStaticBuilderImage('messense/rust-musl-cross:x86_64-musl'), true);
    assert.equal(isStaticBuilderImage('ekidd/rust-musl-builder'), true);
    assert.equal(isStaticBuilderImage('rust:1.80'), false);
    assert.equal(isStaticBuilderImage(''), false);
  });
});
