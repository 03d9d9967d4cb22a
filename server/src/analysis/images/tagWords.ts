import type { FactsPatch } from './imageFamily';

/**
 * Tag words that mean the same for every image. Distribution words (codenames, `alpine3.20`,
 * `ubi9`, `al2023`) come from osReleases.ts; family-specific words live with the family.
 */

/** Windows variants (libc.md §3 rule 1). Matched as word prefixes because tags append versions (`nanoserver1809`). */
export const windowsWordPrefixes: readonly string[] = ['windowsservercore', 'nanoserver'];

/**
 * A Windows LTSC release word such as `ltsc2022` (libc.md §3 rule 1). One fixed-length class run:
 * linear.
 */
export const windowsReleasePattern = /^ltsc20\d\d$/;

export const windowsSource = 'libc.md §3 rule 1 (windowsservercore/nanoserver/ltsc tags are Windows)';

/** Words that change the shell and package manager but not the C library. */
export const genericWordPatches: Readonly<
  Record<string, { readonly patch: FactsPatch; readonly source: string }>
> = {
  chiseled: {
    patch: { hasShell: false, packageManager: 'none' },
    source: 'libc.md §2 dotnet *-chiseled (Ubuntu chiseled, no shell)',
  },
  distroless: {
    patch: { hasShell: false, packageManager: 'none' },
    source: 'libc.md §2 dotnet *-azurelinux3.0-distroless (no shell)',
  },
};

/**
 * Words that say nothing about the base: channels, variants of the application, architectures,
 * and JDK/JRE markers that families handle themselves.
 */
export const neutralWords: ReadonlySet<string> = new Set([
  'latest',
  'stable',
  'lts',
  'current',
  'mainline',
  'edge',
  'rc',
  'beta',
  'alpha',
  'ea',
  'preview',
  'nightly',
  'tip',
  'slim',
  'minimal',
  'micro',
  'init',
  'fips',
  'full',
  'jdk',
  'headless',
  'headful',
  'extra',
  'aot',
  'composite',
  'perl',
  'otel',
  'management',
  'cli',
  'fpm',
  'apache',
  'zts',
  'threaded',
  'main',
  'nonroot',
  'hardened',
  'generic',
  'native',
  'dind',
  'rootless',
  'onbuild',
  'base',
  'devel',
  'amd64',
  'arm64',
  'arm64v8',
  'aarch64',
  'x86',
  'i686',
  'ppc64le',
  's390x',
  'riscv64',
]);

/**
 * Word shapes that say nothing about the base, each anchored with one bounded quantifier (linear):
 * versions and dates (`1.22.5`, `20240110`), `v`-prefixed versions, Bitnami revisions (`r5`), and
 * runtime names with a version (`jdk21`, `java17`, `nodejs22`, `python3.12`), and abbreviated git
 * commit ids in build tags (`2024-01-08-eb135ed`).
 */
export const neutralWordPatterns: readonly RegExp[] = [
  /^\d/,
  /^v\d/,
  /^r\d+$/,
  /^jdk\d+$/,
  /^java\d+$/,
  /^nodejs\d+$/,
  /^python\d/,
  /^[0-9a-f]{7,40}$/,
];
