import type { ImageFamily } from './imageFamily';

/** Distribution images, whose tag names the release (libc.md §1). */
export const osImages: readonly ImageFamily[] = [
  { id: 'alpine', repositories: ['alpine'], os: 'alpine', source: 'libc.md §1 alpine; library/alpine' },
  { id: 'debian', repositories: ['debian'], os: 'debian', source: 'libc.md §1 debian; library/debian' },
  { id: 'ubuntu', repositories: ['ubuntu'], os: 'ubuntu', source: 'libc.md §1 ubuntu; library/ubuntu' },
  { id: 'fedora', repositories: ['fedora'], os: 'fedora', source: 'libc.md §1 fedora; library/fedora' },
  {
    id: 'centos',
    repositories: ['centos', 'quay.io/centos/centos'],
    os: 'centos',
    source: 'libc.md §1 centos:7, quay.io/centos/centos:stream9/stream10',
  },
  {
    id: 'rockylinux',
    repositories: ['rockylinux'],
    os: 'rockylinux',
    source: 'libc.md §1 rockylinux:8/9[-minimal] (Docker Hub library last updated 2023-11)',
  },
  {
    id: 'almalinux',
    repositories: ['almalinux'],
    os: 'almalinux',
    words: { kitten: { source: 'libc.md §1 almalinux:10-kitten (AlmaLinux 10 glibc group)' } },
    source: 'libc.md §1 almalinux; library/almalinux',
  },
  {
    id: 'oraclelinux',
    repositories: ['oraclelinux'],
    os: 'oraclelinux',
    source: 'libc.md §1 oraclelinux; library/oraclelinux',
  },
  {
    id: 'ubi',
    repositories: [
      'registry.access.redhat.com/ubi*',
      'registry.access.redhat.com/ubi*/ubi*',
      'registry.redhat.io/ubi*',
      'registry.redhat.io/ubi*/ubi*',
      'redhat/ubi*',
    ],
    os: 'rhel',
    repositoryWords: true,
    source: 'libc.md §1 registry.access.redhat.com/ubiN/ubi[-minimal|-micro|-init], Docker Hub redhat/ubiN*',
  },
  {
    id: 'amazonlinux',
    repositories: ['amazonlinux'],
    os: 'amazonlinux',
    source: 'libc.md §1 amazonlinux; library/amazonlinux',
  },
  { id: 'photon', repositories: ['photon'], os: 'photon', source: 'libc.md §1 photon; library/photon' },
  {
    id: 'archlinux',
    repositories: ['archlinux'],
    os: 'archlinux',
    source: 'libc.md §1 archlinux; library/archlinux',
  },
  {
    id: 'opensuse-leap',
    repositories: ['opensuse/leap'],
    os: 'opensuse-leap',
    source: 'libc.md §1 opensuse/leap',
  },
  {
    id: 'opensuse-tumbleweed',
    repositories: ['opensuse/tumbleweed'],
    os: 'opensuse-tumbleweed',
    source: 'libc.md §1 opensuse/tumbleweed',
  },
  {
    id: 'clearlinux',
    repositories: ['clearlinux'],
    os: 'clearlinux',
    source: 'libc.md §1 clearlinux; library/clearlinux',
  },
  { id: 'mageia', repositories: ['mageia'], os: 'mageia', source: 'libc.md §1 mageia' },
  {
    id: 'wolfi-base',
    repositories: ['cgr.dev/chainguard/wolfi-base'],
    os: 'wolfi',
    source: 'libc.md §1 cgr.dev/chainguard/wolfi-base; wolfi-dev/os',
  },
  {
    id: 'void-glibc',
    repositories: ['ghcr.io/void-linux/void-glibc*'],
    os: 'void',
    source: 'libc.md §1 ghcr.io/void-linux/void-glibc[-full|-busybox]',
  },
  {
    id: 'void-musl',
    repositories: ['ghcr.io/void-linux/void-musl*'],
    os: 'void',
    patch: { libc: 'musl' },
    source: 'libc.md §1 ghcr.io/void-linux/void-musl[-full|-busybox]; libc.md §3 rule 4',
  },
  {
    id: 'gentoo-stage3',
    repositories: ['gentoo/stage3'],
    os: 'gentoo',
    words: {
      musl: { patch: { libc: 'musl' }, source: 'libc.md §1 gentoo/stage3 (tags containing musl are musl)' },
    },
    source: 'libc.md §1 gentoo/stage3; gentoo-docker-images target list',
  },
  {
    id: 'busybox',
    repositories: ['busybox'],
    os: 'busybox',
    words: {
      glibc: { source: 'libc.md §1 busybox:glibc (glibc from Debian)' },
      musl: {
        patch: { libc: 'musl', muslStatic: true, glibcVersion: null },
        source: 'libc.md §1 busybox:musl (statically compiled, no ld-musl loader)',
      },
      uclibc: {
        patch: { libc: 'none', glibcVersion: null },
        source: 'libc.md §1 busybox:uclibc (static uClibc-ng, no loader)',
      },
    },
    source: 'libc.md §1 busybox; library/busybox; libc.md §3 rules 3 and 5',
  },
  {
    id: 'scratch',
    repositories: ['scratch'],
    os: 'scratch',
    source: 'libc.md §1 scratch; libc.md §3 rule 2',
  },
  {
    id: 'windows',
    repositories: ['mcr.microsoft.com/windows', 'mcr.microsoft.com/windows/*'],
    os: 'windows',
    source: 'libc.md §1 Windows bases (mcr.microsoft.com/windows/servercore, nanoserver); libc.md §3 rule 1',
  },
];
