import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isWellKnownImageName, parseImageReference } from '../../../server/src/analysis/images';

const digest = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('parseImageReference', () => {
  it('puts single names under Docker Hub library/', () => {
    assert.deepEqual(parseImageReference('alpine'), {
      registry: undefined,
      repository: 'library/alpine',
      path: 'alpine',
      canonicalName: 'docker.io/library/alpine',
      name: 'alpine',
      tag: undefined,
      digest: undefined,
      valid: true,
    });
  });

  it('treats docker.io and index.docker.io as Docker Hub', () => {
    for (const ref of [
      'docker.io/library/alpine:3.20',
      'index.docker.io/library/alpine:3.20',
      'library/alpine:3.20',
    ]) {
      const parsed = parseImageReference(ref);
      assert.equal(parsed?.registry, undefined, ref);
      assert.equal(parsed?.canonicalName, 'docker.io/library/alpine', ref);
      assert.equal(parsed?.path, 'alpine', ref);
      assert.equal(parsed?.tag, '3.20', ref);
    }
  });

  it('keeps Docker Hub namespaces', () => {
    const parsed = parseImageReference('bitnami/redis:7');
    assert.equal(parsed?.repository, 'bitnami/redis');
    assert.equal(parsed?.path, 'bitnami/redis');
    assert.equal(parsed?.canonicalName, 'docker.io/bitnami/redis');
  });

  it('recognises registries by a dot, a port or localhost', () => {
    assert.equal(parseImageReference('gcr.io/distroless/static-debian12')?.registry, 'gcr.io');
    assert.equal(parseImageReference('localhost:5000/app:1')?.registry, 'localhost:5000');
    assert.equal(parseImageReference('localhost:5000/app:1')?.tag, '1');
    assert.equal(parseImageReference('localhost/app')?.registry, 'localhost');
    assert.equal(parseImageReference('[::1]:5000/app')?.registry, '[::1]:5000');
    const mcr = parseImageReference('mcr.microsoft.com/dotnet/sdk:8.0');
    assert.equal(mcr?.repository, 'dotnet/sdk');
    assert.equal(mcr?.name, 'sdk');
    assert.equal(mcr?.path, 'dotnet/sdk');
  });

  it('reads tags and digests', () => {
    const both = parseImageReference(`golang:1.22@${digest}`);
    assert.equal(both?.tag, '1.22');
    assert.equal(both?.digest, digest);
    const digestOnly = parseImageReference(`golang@${digest}`);
    assert.equal(digestOnly?.tag, undefined);
    assert.equal(digestOnly?.digest, digest);
  });

  it('marks uppercase repositories invalid without failing', () => {
    const parsed = parseImageReference('myorg/MyApp:1');
    assert.equal(parsed?.valid, false);
    assert.equal(parsed?.name, 'MyApp');
    assert.equal(parseImageReference('UPPER/app')?.registry, 'UPPER');
    assert.equal(parseImageReference('golang:1.22-Alpine')?.valid, true);
  });

  it('rejects text that is no reference', () => {
    for (const ref of [
      '',
      '  ',
      '$IMAGE',
      '${BASE}:1',
      'golang:$V',
      'a b',
      'alpine:',
      ':tag',
      'a//b',
      '/a',
      'a/',
      '-a',
      'a..b',
      'a@sha256:123',
      'a:b:c',
      'a#b',
      '🐳',
    ]) {
      assert.equal(parseImageReference(ref), null, JSON.stringify(ref));
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        parseImageReference(text);
      }),
      { numRuns: 1000 },
    );
    assert.equal(parseImageReference(undefined as unknown as string), null);
  });

  it('returns quickly on huge input', () => {
    const started = performance.now();
    parseImageReference(`${'a_'.repeat(25_000)}A`);
    parseImageReference(`a@${'sha256+'.repeat(7_000)}:x`);
    parseImageReference(`${'a-'.repeat(25_000)}`);
    assert.ok(performance.now() - started < 1_000);
  });
});

describe('isWellKnownImageName', () => {
  it('knows official images with and without tags', () => {
    for (const name of [
      'nginx',
      'nginx:1.27',
      'docker.io/library/nginx',
      'golang',
      'scratch',
      'hello-world',
      'arm64v8/alpine',
      'eclipse-temurin:21',
    ]) {
      assert.equal(isWellKnownImageName(name), true, name);
    }
  });

  it('knows images of other registries from the knowledge base', () => {
    for (const name of [
      'gcr.io/distroless/static-debian12',
      'mcr.microsoft.com/dotnet/sdk:8.0',
      'cgr.dev/chainguard/go',
      'ghcr.io/astral-sh/uv',
    ]) {
      assert.equal(isWellKnownImageName(name), true, name);
    }
  });

  it('does not treat stage-like names, conventions or invalid names as images', () => {
    for (const name of [
      'builder',
      'buidler',
      'build',
      'deps',
      'Nginx',
      'myorg/app',
      'foo/alpine',
      '',
      '$X',
    ]) {
      assert.equal(isWellKnownImageName(name), false, name);
    }
  });
});
