import type { ImageFamily, TagWord, VersionRule } from './imageFamily';
import {
  debianBookworm,
  debianBullseye,
  debianBuster,
  debianTrixie,
  debianUnknownRelease,
  scratch,
  ubuntuNoble,
  ubuntuResolute,
} from './releaseRefs';

/** Images from registries other than Docker Hub's library (libc.md §2 "Other popular registries"). */

const dotnetVersions: readonly VersionRule[] = [
  { min: '11.0', base: ubuntuResolute, source: 'libc.md §2 dotnet 11.0-preview → Ubuntu 26.04 resolute' },
  {
    min: '10.0',
    max: '10.0',
    base: ubuntuNoble,
    source: 'libc.md §2 dotnet 10.0 (latest) → Ubuntu 24.04 noble',
  },
  {
    min: '8.0',
    max: '9.0',
    base: debianBookworm,
    source: 'libc.md §2 dotnet 8.0/9.0 → Debian 12 bookworm-slim',
  },
  { min: '6.0', max: '7.0', base: debianBullseye, source: 'libc.md §2 dotnet 6.0/7.0 (EOL) → bullseye-slim' },
  { min: '5.0', max: '5.0', base: debianBuster, source: 'libc.md §7 dotnet 5.0 → buster-slim' },
];

const dotnetWord: TagWord = { source: 'libc.md §2 dotnet tag variants' };

function dotnetFamily(image: 'sdk' | 'aspnet' | 'runtime' | 'runtime-deps'): ImageFamily {
  return {
    id: `dotnet-${image}`,
    repositories: [`mcr.microsoft.com/dotnet/${image}`],
    base: ubuntuNoble,
    versionsAreExhaustive: true,
    versions: dotnetVersions,
    words: { cbl: dotnetWord, extra: dotnetWord, aot: dotnetWord, composite: dotnetWord },
    ...(image === 'sdk' ? { toolchain: 'dotnet-sdk' } : {}),
    source: `libc.md §2 mcr.microsoft.com/dotnet/${image}; dotnet-docker README tag tables`,
  };
}

const chainguardToolchains: readonly (readonly [string, string])[] = [
  ['go', 'go'],
  ['rust', 'rust'],
  ['jdk', 'jdk'],
  ['maven', 'java-build'],
  ['gradle', 'java-build'],
  ['node', 'node'],
  ['python', 'python'],
  ['dotnet-sdk', 'dotnet-sdk'],
  ['gcc-glibc', 'c'],
];

const chainguardDev: TagWord = {
  patch: { hasShell: true },
  source: 'libc.md §2 cgr.dev/chainguard (-dev variants have a shell)',
};

function chainguardToolchainFamily([name, toolchain]: readonly [string, string]): ImageFamily {
  return {
    id: `chainguard-${name}`,
    repositories: [`cgr.dev/chainguard/${name}`],
    base: { os: 'wolfi' },
    patch: { hasShell: null, packageManager: 'unknown' },
    words: { dev: chainguardDev },
    toolchain,
    source: 'libc.md §2 cgr.dev/chainguard/{go,python,node,jdk,rust,…} (Wolfi glibc, newest version)',
  };
}

export const vendorImages: readonly ImageFamily[] = [
  dotnetFamily('sdk'),
  dotnetFamily('aspnet'),
  dotnetFamily('runtime'),
  dotnetFamily('runtime-deps'),
  {
    id: 'distroless',
    repositories: ['gcr.io/distroless/*'],
    base: debianUnknownRelease,
    repositoryWords: true,
    patch: { hasShell: false, packageManager: 'none' },
    words: {
      static: {
        patch: { libc: 'none', glibcVersion: null },
        source: 'libc.md §2 gcr.io/distroless/static-debianNN (no libc: ca-certs, tzdata, passwd, /tmp)',
      },
      debug: { patch: { hasShell: true }, source: 'libc.md §2 distroless (:debug adds busybox)' },
      cc: { source: 'libc.md §2 gcr.io/distroless/cc-debianNN (glibc + libgcc)' },
      nossl: { source: 'libc.md §2 gcr.io/distroless/base-nossl-debianNN (glibc)' },
      java: { source: 'libc.md §2 gcr.io/distroless/java (glibc)' },
      nodejs: { source: 'libc.md §2 gcr.io/distroless/nodejs (glibc)' },
    },
    source:
      'libc.md §2 gcr.io/distroless (base/cc/java/nodejs/python3: glibc; -debian11/12/13 = 2.31/2.36/2.41; unsuffixed legacy names: release unknown)',
  },
  {
    id: 'chainguard-static',
    repositories: ['cgr.dev/chainguard/static'],
    base: scratch,
    words: { glibc: { source: 'libc.md §2 chainguard/static latest-glibc (still no libc)' } },
    source: 'libc.md §2 cgr.dev/chainguard/static ("there is no libc implementation")',
  },
  {
    id: 'chainguard-glibc-dynamic',
    repositories: ['cgr.dev/chainguard/glibc-dynamic'],
    base: { os: 'wolfi' },
    patch: { hasShell: false, packageManager: 'none' },
    words: { dev: chainguardDev },
    source: 'libc.md §2 cgr.dev/chainguard/glibc-dynamic (glibc + libstdc++, no shell)',
  },
  ...chainguardToolchains.map(chainguardToolchainFamily),
  {
    id: 'chainguard',
    repositories: ['cgr.dev/chainguard/*'],
    base: { os: 'wolfi' },
    patch: { hasShell: null, packageManager: 'unknown' },
    words: { dev: chainguardDev },
    source:
      'libc.md §2 cgr.dev/chainguard/* (Wolfi glibc, rolling; plain images mostly without shell); libc.md §3 rule 12',
  },
  {
    id: 'uv',
    repositories: ['ghcr.io/astral-sh/uv'],
    base: scratch,
    words: {
      debian: { base: debianTrixie, source: 'libc.md §2 uv :debian/:debian-slim = trixie' },
      dhi: { source: 'libc.md §2 uv *-dhi (Docker Hardened Images)' },
    },
    source: 'libc.md §2 ghcr.io/astral-sh/uv (latest, X.Y.Z: FROM scratch with static musl uv)',
  },
  {
    id: 'manylinux_2_28',
    repositories: ['quay.io/pypa/manylinux_2_28_*'],
    base: { os: 'almalinux', release: '8' },
    source: 'libc.md §2 quay.io/pypa/manylinux_2_28_* (AlmaLinux 8, glibc 2.28); pypa/manylinux README',
  },
  {
    id: 'manylinux2014',
    repositories: ['quay.io/pypa/manylinux2014_*'],
    base: { os: 'centos', release: '7' },
    source: 'libc.md §2 quay.io/pypa/manylinux2014_* (CentOS 7, glibc 2.17); pypa/manylinux README',
  },
  {
    id: 'musllinux_1_2',
    repositories: ['quay.io/pypa/musllinux_1_2_*'],
    base: { os: 'alpine', release: '3.22' },
    source: 'libc.md §2 quay.io/pypa/musllinux_1_2_* (Alpine 3.22, musl 1.2); pypa/manylinux README',
  },
  {
    id: 'bitnami-minideb',
    repositories: ['bitnami/minideb'],
    base: debianUnknownRelease,
    source: 'libc.md §2 bitnami/minideb (Debian; the tag names the codename)',
  },
  {
    id: 'bitnami',
    repositories: ['bitnami/*'],
    base: debianBookworm,
    source:
      'libc.md §2 bitnami/* (bitnami/minideb:bookworm since Jan 2024; tags …-debian-12-rN); bitnami/charts#21362',
  },
  {
    id: 'envoy',
    repositories: ['envoyproxy/envoy'],
    words: {
      distroless: {
        patch: { libc: 'glibc', hasShell: false, packageManager: 'none' },
        source: 'libc.md §9 case 7 (envoyproxy/envoy:distroless-* is glibc)',
      },
    },
    source: 'libc.md §9 case 7 (envoyproxy/envoy)',
  },
];
