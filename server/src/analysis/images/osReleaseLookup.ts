import type { LibcFamily, PackageManager } from './imageFacts';
import type { OsRef } from './imageFamily';
import type { OsDescriptor, OsId, OsRelease } from './osDescriptor';
import { findOsDescriptor, osDescriptors } from './osReleases';

/** The facts a distribution release contributes before family and tag-word patches. */
export interface BaseFacts {
  readonly os: OsId;
  readonly release: string | undefined;
  readonly releaseLabel: string | undefined;
  readonly libc: LibcFamily;
  readonly glibcVersion: string | undefined;
  readonly packageManager: PackageManager;
  readonly hasShell: boolean | undefined;
  readonly sources: readonly string[];
}

/**
 * A version word: digits with dot-separated groups. Each repetition must start with a dot, so
 * there is one way to match (linear).
 */
const versionWordPattern = /^\d+(?:\.\d+)*$/;

/** Release words longer than this many digits in their first group are dates or build numbers. */
const maxReleaseDigits = 4;

/**
 * Finds the release a tag word names for a distribution: a release key or alias (`bookworm`,
 * `stable`), or a version cut to the distribution's precision (`12.5` → 12, `3.20.1` → 3.20).
 * Versions that the table does not list are accepted as releases with an unknown glibc.
 */
export function releaseFromWord(descriptor: OsDescriptor, word: string): string | undefined {
  const listed = findListedRelease(descriptor, word);
  if (listed) {
    return listed.release;
  }
  if (!versionWordPattern.test(word)) {
    return undefined;
  }
  const components = word.split('.');
  if ((components[0] ?? '').length > maxReleaseDigits) {
    return undefined;
  }
  if (components.length < descriptor.versionPrecision) {
    // A floating tag such as alpine:3 follows the newest release it prefixes.
    const latest = descriptor.latest;
    return latest !== undefined && latest.startsWith(`${word}.`) ? latest : undefined;
  }
  const key = components.slice(0, descriptor.versionPrecision).join('.');
  return findListedRelease(descriptor, key)?.release ?? key;
}

function findListedRelease(descriptor: OsDescriptor, word: string): OsRelease | undefined {
  return descriptor.releases.find(
    (entry) => entry.release === word || entry.version === word || (entry.aliases?.includes(word) ?? false),
  );
}

interface CodenameEntry {
  readonly os: OsId;
  readonly release: string;
}

const codenames = new Map<string, CodenameEntry>();
for (const descriptor of osDescriptors) {
  for (const entry of descriptor.releases) {
    if (entry.codename) {
      codenames.set(entry.release, { os: descriptor.id, release: entry.release });
    }
  }
}

/** Finds the distribution release a codename word (`bookworm`, `jammy`) names in any image's tag. */
export function releaseFromCodename(word: string): OsRef | undefined {
  return codenames.get(word);
}

/**
 * Finds the distribution a prefixed word names (`alpine3.20`, `ubi9`, `al2023`, `debian12`), or a
 * standalone prefix followed by a version word (`debian-12`, `alpine-3.21`). Returns how many
 * words it consumed.
 */
export function releaseFromPrefixedWord(
  word: string,
  nextWord: string | undefined,
): { readonly ref: OsRef; readonly consumed: 1 | 2 } | undefined {
  for (const descriptor of osDescriptors) {
    for (const { prefix, standalone } of descriptor.tagPrefixes ?? []) {
      if (word === prefix) {
        if (!standalone) {
          continue;
        }
        if (nextWord !== undefined && versionWordPattern.test(nextWord)) {
          const release = releaseFromWord(descriptor, nextWord);
          if (release !== undefined) {
            return { ref: { os: descriptor.id, release }, consumed: 2 };
          }
        }
        return { ref: { os: descriptor.id }, consumed: 1 };
      }
      if (word.startsWith(prefix)) {
        const rest = word.slice(prefix.length);
        if (versionWordPattern.test(rest)) {
          const release = releaseFromWord(descriptor, rest);
          if (release !== undefined) {
            return { ref: { os: descriptor.id, release }, consumed: 1 };
          }
        }
      }
    }
  }
  return undefined;
}

/** Resolves a distribution reference to its facts. */
export function resolveOsRef(ref: OsRef): BaseFacts | undefined {
  const descriptor = findOsDescriptor(ref.os);
  if (!descriptor) {
    return undefined;
  }
  const sources: string[] = [descriptor.source];
  let release: string | undefined;
  let releaseLabel: string | undefined = descriptor.id === 'scratch' ? undefined : descriptor.name;
  let glibcVersion: string | undefined;
  let packageManager = descriptor.packageManager;
  let hasShell = descriptor.hasShell;

  if (descriptor.rolling) {
    glibcVersion = descriptor.rolling.glibc;
    sources.push(descriptor.rolling.source);
  } else if (ref.release !== undefined) {
    const entry = findListedRelease(descriptor, ref.release);
    release = entry?.release ?? ref.release;
    releaseLabel = `${descriptor.name} ${entry?.version ?? release}`;
    if (entry) {
      glibcVersion = entry.glibc;
      packageManager = entry.packageManager ?? packageManager;
      sources.push(entry.source);
    }
  }
  if (ref.flavor !== undefined) {
    const flavor = descriptor.flavors?.[ref.flavor];
    if (flavor) {
      packageManager = flavor.packageManager ?? packageManager;
      hasShell = flavor.hasShell ?? hasShell;
      sources.push(flavor.source);
    }
  }
  return {
    os: descriptor.id,
    release,
    releaseLabel,
    libc: descriptor.libc,
    glibcVersion: descriptor.libc === 'glibc' ? glibcVersion : undefined,
    packageManager,
    hasShell,
    sources,
  };
}

/** Finds the glibc version and distribution of a release named in an override ('bookworm', 'debian 12', 'ubuntu:22.04', 'al2023'). */
export function findReleaseByName(text: string): OsRef | undefined {
  const words = text
    .toLowerCase()
    .split(/[\s:/-]+/)
    .filter((word) => word !== '');
  if (words.length === 0) {
    return undefined;
  }
  const [first = '', second] = words;
  const named = osDescriptors.find((descriptor) => descriptor.id === first || descriptor.name === first);
  if (named && second !== undefined) {
    const release = releaseFromWord(named, second);
    return release === undefined ? undefined : { os: named.id, release };
  }
  return releaseFromCodename(first) ?? releaseFromPrefixedWord(first, second)?.ref;
}
