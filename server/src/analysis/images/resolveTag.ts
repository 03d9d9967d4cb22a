import type { FactsPatch, ImageFamily, OsRef, PreviousDefault } from './imageFamily';
import { releaseFromCodename, releaseFromPrefixedWord, releaseFromWord } from './osReleaseLookup';
import { findOsDescriptor } from './osReleases';
import {
  genericWordPatches,
  neutralWordPatterns,
  neutralWords,
  windowsReleasePattern,
  windowsSource,
  windowsWordPrefixes,
} from './tagWords';
import { findVersionRule, leadingVersion, type VersionMatch } from './versionRules';

/**
 * Decides which base a tag names. Several words can name a base; the most specific wins:
 * Windows words, then explicit distribution words (`-bookworm`, `-alpine3.20`, `-ubi9`,
 * family words such as maven's `-amazoncorretto`), then `-slim`, then the version, then the
 * family default (libc.md §3, "apply in order").
 */
const Priority = {
  Windows: 0,
  Explicit: 2,
  Slim: 4,
  Version: 5,
  Default: 6,
} as const;

type Priority = (typeof Priority)[keyof typeof Priority];

interface Candidate {
  readonly ref: OsRef;
  readonly priority: Priority;
  readonly source: string;
  readonly previous?: PreviousDefault | undefined;
  /** The tag's version is outside every rule of an exhaustive table, so only the C library is known. */
  readonly libcOnly?: boolean;
}

export interface TagPatch {
  readonly patch: FactsPatch;
  readonly source: string;
}

export interface TagResolution {
  /** The base the tag resolves to; undefined when nothing names one. */
  readonly base: OsRef | undefined;
  /** Keep only the C library of `base`: the distribution release is not known. */
  readonly libcOnly: boolean;
  /** Keep the distribution but not the release (a distribution image with an unrecognised tag). */
  readonly releaseUnknown: boolean;
  readonly previous: PreviousDefault | undefined;
  readonly slim: boolean;
  readonly patches: readonly TagPatch[];
  readonly sources: readonly string[];
}

/** Splits a tag into lowercase words at `-` and `_`: `3.12-slim-bookworm` → 3.12, slim, bookworm. */
export function splitTagWords(text: string | undefined): string[] {
  if (text === undefined) {
    return [];
  }
  return text
    .toLowerCase()
    .split(/[-_]/)
    .filter((word) => word !== '');
}

export function resolveTag(
  family: ImageFamily,
  repository: string,
  tag: string | undefined,
  digestOnly: boolean,
): TagResolution {
  const tagWords = splitTagWords(tag);
  const repositoryWords = family.repositoryWords
    ? repository.split('/').flatMap((segment) => splitTagWords(segment))
    : [];
  const words = [...repositoryWords, ...tagWords];
  const versionMatch = findTagVersion(family, tagWords);
  const descriptor = family.os ? findOsDescriptor(family.os) : undefined;

  let best = defaultCandidate(family, tagWords, versionMatch);
  const offer = (candidate: Candidate): void => {
    // A later word wins a tie, unless it only repeats the distribution an earlier word already
    // gave a release for (`ubi9/ubi-minimal`: the second `ubi` names no release).
    const repeatsKnownOs =
      best !== undefined &&
      candidate.priority === best.priority &&
      candidate.ref.os === best.ref.os &&
      candidate.ref.release === undefined;
    if (best === undefined || (candidate.priority <= best.priority && !repeatsKnownOs)) {
      best = candidate;
    }
  };
  const patches: TagPatch[] = [];
  let slim = false;
  let unrecognised = false;

  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const familyWord = family.words?.[word];
    if (familyWord) {
      if (familyWord.base) {
        offer({ ref: familyWord.base, priority: Priority.Explicit, source: familyWord.source });
      }
      if (familyWord.patch) {
        patches.push({ patch: familyWord.patch, source: familyWord.source });
      }
      continue;
    }
    if (windowsWordPrefixes.some((prefix) => word.startsWith(prefix)) || windowsReleasePattern.test(word)) {
      const release = words.find((candidate) => windowsReleasePattern.test(candidate));
      offer({
        ref: { os: 'windows', ...(release ? { release } : {}) },
        priority: Priority.Windows,
        source: windowsSource,
      });
      continue;
    }
    if (word === 'slim') {
      slim = true;
      continue;
    }
    const generic = genericWordPatches[word];
    if (generic) {
      patches.push(generic);
      continue;
    }
    const codename = releaseFromCodename(word);
    if (codename) {
      offer({
        ref: codename,
        priority: Priority.Explicit,
        source: `libc.md §3 rules 6–7 (tag names ${word})`,
      });
      continue;
    }
    const prefixed = releaseFromPrefixedWord(word, words[i + 1]);
    if (prefixed) {
      const ref =
        prefixed.ref.os === 'alpine' && prefixed.ref.release === undefined
          ? { os: 'alpine' as const, ...optionalRelease(alpineReleaseFor(family, versionMatch)) }
          : prefixed.ref;
      offer({ ref, priority: Priority.Explicit, source: `libc.md §3 (tag names ${word})` });
      i += prefixed.consumed - 1;
      continue;
    }
    if (
      word === family.versionAfterWord?.word ||
      neutralWords.has(word) ||
      neutralWordPatterns.some((pattern) => pattern.test(word)) ||
      (descriptor !== undefined && releaseFromWord(descriptor, word) !== undefined)
    ) {
      continue;
    }
    unrecognised = true;
  }

  if (slim && best !== undefined && best.priority >= Priority.Slim) {
    const slimBase =
      (versionMatch !== undefined && versionMatch !== 'unmatched' ? versionMatch.rule.slim : undefined) ??
      family.slim;
    if (slimBase) {
      offer({ ref: slimBase, priority: Priority.Slim, source: family.source });
    }
  }

  const chosen: Candidate | undefined = best;
  const fromTagDefaults = chosen !== undefined && chosen.priority >= Priority.Slim;
  const uncertain = fromTagDefaults && (unrecognised || digestOnly);
  const flavor = descriptorFlavor(chosen?.ref, words);
  return {
    base: chosen === undefined ? undefined : flavor ? { ...chosen.ref, flavor } : chosen.ref,
    libcOnly: (chosen?.libcOnly ?? false) || (uncertain && family.os === undefined),
    releaseUnknown: uncertain && family.os !== undefined,
    previous: chosen?.previous,
    slim,
    patches,
    sources: chosen ? [chosen.source] : [],
  };
}

function optionalRelease(release: string | undefined): { release?: string } {
  return release === undefined ? {} : { release };
}

/** Reads the version that picks a rule: `-otp-27` for elixir, otherwise the first tag word or a version word like `lts`. */
function findTagVersion(
  family: ImageFamily,
  tagWords: readonly string[],
): VersionMatch | 'unmatched' | undefined {
  const after = family.versionAfterWord;
  if (after) {
    const index = tagWords.indexOf(after.word);
    const version = index >= 0 ? leadingVersion(tagWords[index + 1] ?? '') : undefined;
    if (version !== undefined) {
      return findVersionRule(after.versions, version) ?? 'unmatched';
    }
  }
  const first = tagWords[0];
  if (first === undefined || !family.versions) {
    return undefined;
  }
  const version = family.versionWords?.[first] ?? leadingVersion(first);
  if (version === undefined) {
    return undefined;
  }
  return findVersionRule(family.versions, version) ?? 'unmatched';
}

function defaultCandidate(
  family: ImageFamily,
  tagWords: readonly string[],
  versionMatch: VersionMatch | 'unmatched' | undefined,
): Candidate | undefined {
  if (family.os) {
    const descriptor = findOsDescriptor(family.os);
    for (const word of tagWords) {
      const release = descriptor ? releaseFromWord(descriptor, word) : undefined;
      if (release !== undefined) {
        return { ref: { os: family.os, release }, priority: Priority.Version, source: family.source };
      }
    }
    const latest = descriptor?.latest;
    return {
      ref: { os: family.os, ...optionalRelease(latest) },
      priority: Priority.Default,
      source: family.source,
    };
  }
  if (versionMatch === 'unmatched') {
    const ref = family.base ?? family.versions?.[0]?.base;
    if (ref === undefined) {
      return undefined;
    }
    if (family.versionsAreExhaustive) {
      return { ref, priority: Priority.Version, source: family.source, libcOnly: true };
    }
    return { ref, priority: Priority.Default, source: family.source, previous: family.previous };
  }
  if (versionMatch !== undefined) {
    const { rule, floating } = versionMatch;
    return {
      ref: rule.base,
      priority: Priority.Version,
      source: rule.source,
      previous: rule.previous ?? (floating ? family.previous : undefined),
    };
  }
  if (family.base === undefined) {
    return undefined;
  }
  return { ref: family.base, priority: Priority.Default, source: family.source, previous: family.previous };
}

/** The Alpine release of a bare `-alpine` word: the version rule's, else the family default for unversioned tags. */
function alpineReleaseFor(
  family: ImageFamily,
  versionMatch: VersionMatch | 'unmatched' | undefined,
): string | undefined {
  if (versionMatch === 'unmatched') {
    return undefined;
  }
  if (versionMatch !== undefined) {
    return versionMatch.rule.alpine ?? (versionMatch.floating ? family.alpine : undefined);
  }
  return family.alpine;
}

/** The first tag word that is a flavor of the chosen distribution (`minimal`, `micro`, `slim`), unless the base names one. */
function descriptorFlavor(ref: OsRef | undefined, words: readonly string[]): string | undefined {
  if (ref === undefined || ref.flavor !== undefined) {
    return undefined;
  }
  const flavors = findOsDescriptor(ref.os)?.flavors;
  return flavors ? words.find((word) => flavors[word] !== undefined) : undefined;
}
