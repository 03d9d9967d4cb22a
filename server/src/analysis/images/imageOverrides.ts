import {
  LIBC_FAMILIES,
  PACKAGE_MANAGERS,
  type ImageFacts,
  type ImageOverride,
  type LibcFamily,
} from './imageFacts';
import type { ImageReference } from './imageReference';
import { findReleaseByName, resolveOsRef } from './osReleaseLookup';
import { matchesRepositoryGlob } from './repositoryGlob';

const libcFamilies: ReadonlySet<string> = new Set<string>(LIBC_FAMILIES);
const packageManagers: ReadonlySet<string> = new Set<string>(PACKAGE_MANAGERS);

/**
 * Finds the first override whose glob matches the repository name with or without the registry
 * ('docker.io/library/alpine', 'library/alpine', 'alpine'), or one of those names with the tag.
 * Overrides come from user settings, so malformed entries are skipped rather than trusted.
 */
export function findImageOverride(
  parsed: ImageReference,
  overrides: readonly ImageOverride[],
): ImageOverride | undefined {
  const names = new Set([parsed.canonicalName, parsed.repository, parsed.path]);
  if (parsed.registry !== undefined) {
    names.add(`${parsed.registry}/${parsed.repository}`);
  }
  const candidates = [...names];
  if (parsed.tag !== undefined) {
    candidates.push(...[...names].map((name) => `${name}:${parsed.tag}`));
  }
  const entries: readonly unknown[] = Array.isArray(overrides) ? (overrides as readonly unknown[]) : [];
  return entries.filter(isOverrideWithGlob).find((override) => {
    const glob = override.glob.trim();
    return candidates.some((candidate) => matchesRepositoryGlob(glob, candidate));
  });
}

function isOverrideWithGlob(value: unknown): value is ImageOverride {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { glob?: unknown }).glob === 'string' &&
    (value as { glob: string }).glob.trim() !== ''
  );
}

/**
 * Replaces the C library facts with the override's. A release the knowledge base knows fills in
 * the distribution, glibc version and package manager the override leaves out; without a release,
 * the classified release is kept only when the override agrees on the C library.
 */
export function applyImageOverride(facts: ImageFacts, override: ImageOverride): ImageFacts {
  const libc: LibcFamily = libcFamilies.has(override.libc) ? override.libc : 'unknown';
  const releaseText =
    typeof override.release === 'string' && override.release.trim() !== ''
      ? override.release.trim()
      : undefined;
  const ref = releaseText === undefined ? undefined : findReleaseByName(releaseText);
  const known = ref ? resolveOsRef(ref) : undefined;
  const sameLibc = libc === facts.libc;
  const keepClassified = releaseText === undefined && sameLibc;
  const packageManager =
    override.packageManager !== undefined && packageManagers.has(override.packageManager)
      ? override.packageManager
      : (known?.packageManager ?? (keepClassified ? facts.packageManager : 'unknown'));
  const glibcVersion =
    libc !== 'glibc'
      ? undefined
      : typeof override.glibcVersion === 'string' && override.glibcVersion !== ''
        ? override.glibcVersion
        : known?.libc === 'glibc'
          ? known.glibcVersion
          : keepClassified
            ? facts.glibcVersion
            : undefined;

  const result: ImageFacts = {
    reference: facts.reference,
    os: known?.os ?? (keepClassified ? facts.os : undefined),
    release: known?.release ?? releaseText ?? (keepClassified ? facts.release : undefined),
    releaseLabel: known?.releaseLabel ?? releaseText ?? (keepClassified ? facts.releaseLabel : undefined),
    libc,
    glibcVersion,
    packageManager,
    toolchain: facts.toolchain,
    hasShell: facts.hasShell,
    source: `override "${override.glob}"${known ? `; ${known.sources[known.sources.length - 1] ?? ''}` : ''}`,
  };
  const extras: { muslStatic?: boolean; hasCCompiler?: boolean } = {};
  if (sameLibc && facts.muslStatic !== undefined) {
    extras.muslStatic = facts.muslStatic;
  }
  if (facts.hasCCompiler !== undefined) {
    extras.hasCCompiler = facts.hasCCompiler;
  }
  return { ...result, ...extras };
}
