import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  classifyImage,
  compareGlibc,
  describeImageFacts,
  type ImageFacts,
} from '../../../server/src/analysis/images';
import {
  allImageCases,
  applicationImageCases,
  conventionCases,
  languageImageCases,
  osImageCases,
  vendorImageCases,
  type ImageCase,
} from './imageTable';

function expectFacts(facts: ImageFacts, expected: ImageCase): void {
  const check = <K extends keyof ImageFacts>(key: K, want: unknown): void => {
    if (want === undefined) {
      return;
    }
    assert.equal(
      facts[key],
      want === null ? undefined : want,
      `${String(key)} of ${expected.ref} (${expected.why}); source: ${facts.source}`,
    );
  };
  check('libc', expected.libc);
  check('os', expected.os);
  check('release', expected.release);
  check('glibcVersion', expected.glibc);
  check('packageManager', expected.packageManager);
  check('toolchain', expected.toolchain);
  check('hasShell', expected.hasShell);
  check('muslStatic', expected.muslStatic);
  check('hasCCompiler', expected.hasCCompiler);
}

const tables: readonly (readonly [string, readonly ImageCase[]])[] = [
  ['distribution images (libc.md §1)', osImageCases],
  ['language images (libc.md §2, §7)', languageImageCases],
  ['application images (libc.md §2)', applicationImageCases],
  ['other registries (libc.md §2)', vendorImageCases],
  ['naming conventions (libc.md §3)', conventionCases],
];

describe('classifyImage', () => {
  it('covers at least 150 references from libc.md', () => {
    assert.ok(allImageCases.length >= 150, `${allImageCases.length} cases`);
  });

  for (const [title, cases] of tables) {
    describe(title, () => {
      for (const expected of cases) {
        it(expected.ref, () => {
          const facts = classifyImage(expected.ref);
          assert.equal(facts.reference, expected.ref);
          assert.ok(facts.source.length > 0, 'facts name their source');
          expectFacts(facts, expected);
        });
      }
    });
  }

  describe('tag rules', () => {
    it('Windows words win over everything else (rule 1)', () => {
      assert.equal(classifyImage('golang:1.22-alpine-windowsservercore-ltsc2022').libc, 'windows');
      assert.equal(classifyImage('python:3.12-nanoserver1809').libc, 'windows');
    });
    it('an explicit codename wins over -slim and the version default', () => {
      assert.equal(classifyImage('python:3.8-slim-bullseye').release, 'bullseye');
      assert.equal(classifyImage('node:26-bookworm').release, 'bookworm');
    });
    it('the last explicit distribution word wins', () => {
      assert.equal(classifyImage('maven:3-amazoncorretto-21-debian').os, 'debian');
    });
    it('-alpine without a version takes the family default only for unversioned or floating tags', () => {
      assert.equal(classifyImage('golang:alpine').release, '3.24');
      assert.equal(classifyImage('golang:1.22-alpine').release, undefined);
      assert.equal(classifyImage('golang:1.22-alpine').libc, 'musl');
    });
    it('-jre clears the JDK toolchain, -jdk keeps it', () => {
      assert.equal(classifyImage('eclipse-temurin:21-jre-noble').toolchain, undefined);
      assert.equal(classifyImage('eclipse-temurin:21-jdk-noble').toolchain, 'jdk');
    });
    it('-chiseled and -distroless remove the shell', () => {
      assert.equal(classifyImage('mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled').hasShell, false);
      assert.equal(
        classifyImage('mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0-distroless').hasShell,
        false,
      );
    });
    it('-ubi*-minimal and -micro change the package manager', () => {
      assert.equal(classifyImage('eclipse-temurin:21-jdk-ubi10-minimal').packageManager, 'microdnf');
      assert.equal(classifyImage('redhat/ubi9-micro').packageManager, 'none');
    });
    it('-musl and -glibc only mean something for images that use them (busybox, gentoo)', () => {
      assert.equal(classifyImage('busybox:stable-musl').libc, 'musl');
      assert.equal(classifyImage('busybox:stable-glibc').libc, 'glibc');
      assert.equal(classifyImage('acme/app:glibc').libc, 'unknown');
    });
    it('tags are case-insensitive words', () => {
      assert.equal(classifyImage('golang:1.22-Alpine3.20').release, '3.20');
    });
  });

  describe('default-tag history (libc.md §7)', () => {
    it('records the base a rebased tag had before', () => {
      const facts = classifyImage('golang:1.24');
      assert.equal(facts.previousBase?.release, 'bookworm');
      assert.equal(facts.previousBase?.glibcVersion, '2.36');
      assert.equal(facts.previousBase?.until, '2025-08-12');
    });
    it('records the previous default of floating tags', () => {
      assert.equal(classifyImage('golang').previousBase?.until, '2025-08-12');
      assert.equal(classifyImage('python:3').previousBase?.release, 'bookworm');
      assert.equal(classifyImage('amazoncorretto:21').previousBase?.release, '2');
      assert.equal(classifyImage('eclipse-temurin:21').previousBase?.release, 'noble');
    });
    it('has no previous base for tags that never moved or that name a codename', () => {
      assert.equal(classifyImage('golang:1.22').previousBase, undefined);
      assert.equal(classifyImage('golang:1.24-bookworm').previousBase, undefined);
      assert.equal(classifyImage('node:26').previousBase, undefined);
    });
  });

  describe('overrides', () => {
    it('replace the C library facts of a matching image', () => {
      const facts = classifyImage('registry.example.com/base/python:3.12', [
        { glob: 'registry.example.com/base/*', libc: 'glibc', release: 'bookworm' },
      ]);
      assert.equal(facts.libc, 'glibc');
      assert.equal(facts.os, 'debian');
      assert.equal(facts.release, 'bookworm');
      assert.equal(facts.glibcVersion, '2.36');
      assert.equal(facts.packageManager, 'apt');
      assert.match(facts.source, /override/);
    });
    it('are part of what a classification is remembered by', () => {
      const musl = [{ glob: 'acme/runtime', libc: 'musl' as const }];
      const glibc = [{ glob: 'acme/runtime', libc: 'glibc' as const, release: 'bookworm' }];
      assert.equal(classifyImage('acme/runtime').libc, 'unknown');
      assert.equal(classifyImage('acme/runtime', musl).libc, 'musl');
      assert.equal(classifyImage('acme/runtime', glibc).libc, 'glibc');
      // The same reference with the same settings is answered from memory, as the very same facts.
      assert.equal(classifyImage('acme/runtime', musl), classifyImage('acme/runtime', musl));
      assert.equal(classifyImage('acme/runtime', musl).libc, 'musl');
      assert.equal(classifyImage('acme/runtime').libc, 'unknown');
    });
    it('answer the same after more references than are remembered', () => {
      const before = classifyImage('golang:1.22-alpine');
      for (let index = 0; index < 2_500; index++) {
        classifyImage(`example.com/image${index}:1`);
      }
      assert.deepEqual(classifyImage('golang:1.22-alpine'), before);
      assert.equal(classifyImage('golang:1.22-alpine').libc, 'musl');
    });
    it('match the name with and without the registry', () => {
      const overrides = [{ glob: 'base/python', libc: 'musl' as const }];
      assert.equal(classifyImage('registry.example.com/base/python:3.12', overrides).libc, 'musl');
      assert.equal(
        classifyImage('alpine', [{ glob: 'docker.io/library/alpine', libc: 'glibc' }]).libc,
        'glibc',
      );
      assert.equal(classifyImage('alpine', [{ glob: 'library/alpine', libc: 'glibc' }]).libc, 'glibc');
      assert.equal(classifyImage('alpine:3.20', [{ glob: 'alpine:3.*', libc: 'glibc' }]).libc, 'glibc');
    });
    it('use * within a segment and ** across segments', () => {
      assert.equal(
        classifyImage('ghcr.io/acme/team/app:1', [{ glob: 'ghcr.io/acme/*', libc: 'glibc' }]).libc,
        'unknown',
      );
      assert.equal(
        classifyImage('ghcr.io/acme/team/app:1', [{ glob: 'ghcr.io/acme/**', libc: 'glibc' }]).libc,
        'glibc',
      );
      assert.equal(classifyImage('ghcr.io/acme/team/app:1', [{ glob: '**/app', libc: 'none' }]).libc, 'none');
    });
    it('first match wins', () => {
      const facts = classifyImage('acme/app', [
        { glob: 'acme/*', libc: 'musl' },
        { glob: 'acme/app', libc: 'glibc' },
      ]);
      assert.equal(facts.libc, 'musl');
    });
    it('fill in the glibc version of a known release in any spelling', () => {
      for (const release of ['debian 12', 'debian:12', 'bookworm', 'Bookworm']) {
        assert.equal(
          classifyImage('acme/app', [{ glob: 'acme/app', libc: 'glibc', release }]).glibcVersion,
          '2.36',
          release,
        );
      }
      assert.equal(
        classifyImage('acme/app', [{ glob: 'acme/app', libc: 'glibc', release: 'ubuntu 22.04' }])
          .glibcVersion,
        '2.35',
      );
      assert.equal(
        classifyImage('acme/app', [{ glob: 'acme/app', libc: 'glibc', release: 'al2023' }]).glibcVersion,
        '2.34',
      );
    });
    it('keep an explicit glibc version and package manager', () => {
      const facts = classifyImage('acme/app', [
        { glob: 'acme/app', libc: 'glibc', release: 'bookworm', glibcVersion: '2.99', packageManager: 'dnf' },
      ]);
      assert.equal(facts.glibcVersion, '2.99');
      assert.equal(facts.packageManager, 'dnf');
    });
    it('keep the classified release when they agree on the C library', () => {
      const facts = classifyImage('golang:1.22', [{ glob: 'golang', libc: 'glibc' }]);
      assert.equal(facts.release, 'bookworm');
      assert.equal(facts.toolchain, 'go');
    });
    it('drop the classified release when they change the C library', () => {
      const facts = classifyImage('golang:1.22', [{ glob: 'golang', libc: 'musl' }]);
      assert.equal(facts.libc, 'musl');
      assert.equal(facts.release, undefined);
      assert.equal(facts.glibcVersion, undefined);
    });
    it('keep an unknown release as written', () => {
      const facts = classifyImage('acme/app', [{ glob: 'acme/app', libc: 'glibc', release: 'corp-2024' }]);
      assert.equal(facts.release, 'corp-2024');
      assert.equal(facts.glibcVersion, undefined);
    });
    it('skip malformed entries', () => {
      const overrides = [
        { glob: 42 },
        null,
        { glob: '' },
        { glob: 'acme/app', libc: 'plan9' },
      ] as unknown as Parameters<typeof classifyImage>[1];
      assert.equal(classifyImage('acme/app', overrides).libc, 'unknown');
    });
  });

  describe('input it cannot classify', () => {
    for (const reference of [
      '',
      '   ',
      '$BASE',
      '${BASE_IMAGE}:latest',
      'golang:${GO_VERSION}',
      'ALPINE',
      'Alpine:3.20',
      'a b',
      'alpine:',
      'alpine::3',
      '@sha256:abc',
      'a//b',
      '-alpine',
      'alpine:-x',
      '🐳',
      'x'.repeat(300),
    ]) {
      it(`classifies ${JSON.stringify(reference.slice(0, 40))} as unknown`, () => {
        const facts = classifyImage(reference);
        assert.equal(facts.libc, 'unknown');
        assert.equal(facts.reference, reference);
      });
    }
    it('never throws on arbitrary strings and overrides', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ maxLength: 40 }),
          (reference, glob) => {
            const facts = classifyImage(reference, [{ glob, libc: 'glibc', release: glob }]);
            assert.equal(typeof facts.libc, 'string');
            assert.equal(typeof describeImageFacts(facts), 'string');
          },
        ),
        { numRuns: 500 },
      );
    });
    it('never throws on reference-shaped strings', () => {
      const word = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}$/);
      const reference = fc
        .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.option(word), fc.option(word))
        .map(
          ([path, tag, registry]) =>
            `${registry ? `${registry}.io/` : ''}${path.join('/')}${tag ? `:${tag}` : ''}`,
        );
      fc.assert(
        fc.property(reference, (text) => {
          const facts = classifyImage(text);
          assert.ok(['glibc', 'musl', 'none', 'windows', 'unknown'].includes(facts.libc));
          if (facts.libc !== 'glibc') {
            assert.equal(facts.glibcVersion, undefined);
          }
        }),
        { numRuns: 1000 },
      );
    });
    it('returns quickly on huge input', () => {
      const started = performance.now();
      classifyImage(`${'a-'.repeat(25_000)}a:${'b-'.repeat(60)}b`);
      classifyImage(`golang:${'1.'.repeat(60)}1`, [{ glob: '*a'.repeat(5_000), libc: 'glibc' }]);
      classifyImage('a/'.repeat(25_000) + 'a', [{ glob: '**/'.repeat(200) + 'a', libc: 'glibc' }]);
      assert.ok(performance.now() - started < 2_000);
    });
  });
});

describe('describeImageFacts', () => {
  it('labels each C library for inlay hints', () => {
    assert.equal(describeImageFacts(classifyImage('alpine:3.20')), 'musl · alpine 3.20');
    assert.equal(describeImageFacts(classifyImage('debian:bookworm-slim')), 'glibc 2.36 · debian 12');
    assert.equal(describeImageFacts(classifyImage('ubuntu:24.04')), 'glibc 2.39 · ubuntu 24.04');
    assert.equal(describeImageFacts(classifyImage('scratch')), 'no libc');
    assert.equal(
      describeImageFacts(classifyImage('mcr.microsoft.com/windows/servercore:ltsc2022')),
      'windows',
    );
    assert.equal(describeImageFacts(classifyImage('busybox:musl')), 'static musl, no loader · busybox');
    assert.equal(describeImageFacts(classifyImage('gcr.io/distroless/cc')), 'glibc · debian');
    assert.equal(describeImageFacts(classifyImage('acme/app')), 'libc unknown');
  });
});

describe('compareGlibc', () => {
  it('orders versions numerically', () => {
    assert.equal(compareGlibc('2.36', '2.41'), -1);
    assert.equal(compareGlibc('2.41', '2.36'), 1);
    assert.equal(compareGlibc('2.36', '2.36'), 0);
    assert.equal(compareGlibc('2.9', '2.17'), -1);
    assert.equal(compareGlibc('2.17', '2.17.0'), 0);
  });
  it('orders the releases of libc.md §4', () => {
    const ordered = [
      'debian:buster',
      'debian:bullseye',
      'ubuntu:jammy',
      'debian:bookworm',
      'ubuntu:noble',
      'debian:trixie',
      'ubuntu:resolute',
    ];
    const versions = ordered.map((ref) => classifyImage(ref).glibcVersion ?? '');
    for (let i = 1; i < versions.length; i++) {
      assert.ok(
        compareGlibc(versions[i - 1] ?? '', versions[i] ?? '') < 0,
        `${ordered[i - 1]} < ${ordered[i]}`,
      );
    }
  });
  it('treats garbage as zeros without throwing', () => {
    assert.equal(compareGlibc('', ''), 0);
    assert.equal(compareGlibc('x.y', '0'), 0);
    assert.equal(compareGlibc(undefined as unknown as string, '2.1'), -1);
  });
});
