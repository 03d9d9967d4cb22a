import type { ImageFacts, ImageOverride, PreviousBase } from './imageFacts';
import { findImageFamily } from './imageFamilies';
import type { FactsPatch, ImageFamily, OsRef, PreviousDefault } from './imageFamily';
import { applyImageOverride, findImageOverride } from './imageOverrides';
import { parseImageReference, type ImageReference } from './imageReference';
import { resolveOsRef } from './osReleaseLookup';
import { resolveTag, type TagResolution } from './resolveTag';
import { officialArchitectureNamespaces } from './wellKnownImages';

type MutableFacts = { -readonly [K in keyof ImageFacts]: ImageFacts[K] };

/**
 * Classifies a base image reference by its C library, distribution release and package manager,
 * from the knowledge base in this folder. Images it does not know classify as libc 'unknown'
 * (it never guesses). Overrides are tried first in order; the first whose glob matches replaces
 * the C library facts. Never throws.
 */
export function classifyImage(reference: string, overrides?: readonly ImageOverride[]): ImageFacts {
  const text = typeof reference === 'string' ? reference : String(reference);
  const known = overrides ?? NO_OVERRIDES;
  let byReference = classified.get(known);
  if (!byReference) {
    byReference = new Map();
    classified.set(known, byReference);
  }
  let facts = byReference.get(text);
  if (!facts) {
    if (byReference.size >= MAX_CLASSIFIED) {
      byReference.clear();
    }
    facts = classifyUncached(text, known);
    byReference.set(text, facts);
  }
  return facts;
}

const NO_OVERRIDES: readonly ImageOverride[] = [];
/** Enough for every image of a large workspace; past it the cache starts over rather than grow. */
const MAX_CLASSIFIED = 1_000;

/**
 * Facts by reference, per overrides list (the settings keep one array while they are unchanged). An edit
 * re-derives the facts of the stage it touched, and with them its base image, which is nearly always one
 * it had a keystroke ago; the knowledge base does not change while the server runs, so neither do the facts.
 */
const classified = new WeakMap<readonly ImageOverride[], Map<string, ImageFacts>>();

function classifyUncached(text: string, overrides: readonly ImageOverride[]): ImageFacts {
  try {
    const parsed = parseImageReference(text);
    if (!parsed) {
      return unknownFacts(text, reasonUnparseable(text));
    }
    const facts = parsed.valid
      ? classifyParsed(text, parsed)
      : unknownFacts(text, 'not a valid image reference (Docker rejects it)');
    const override = findImageOverride(parsed, overrides);
    return override ? applyImageOverride(facts, override) : facts;
  } catch {
    return unknownFacts(text, 'the reference could not be classified');
  }
}

/** Facts for a reference the knowledge base says nothing about. */
export function unknownFacts(reference: string, source: string): ImageFacts {
  return {
    reference,
    os: undefined,
    release: undefined,
    releaseLabel: undefined,
    libc: 'unknown',
    glibcVersion: undefined,
    packageManager: 'unknown',
    toolchain: undefined,
    hasShell: undefined,
    source,
  };
}

function reasonUnparseable(text: string): string {
  if (text.trim() === '') {
    return 'empty image reference';
  }
  return text.includes('$') ? 'the image reference uses a build argument' : 'not an image reference';
}

/**
 * The name to look the family up by. Docker Hub's per-architecture namespaces (`arm64v8/alpine`)
 * hold the official images, and mirrors and pull-through caches keep Docker Hub's `library/<name>`
 * path under their own registry (`public.ecr.aws/docker/library/golang`, `mirror.gcr.io/library/golang`).
 */
function lookupName(parsed: ImageReference): string {
  const segments = parsed.repository.split('/');
  const [namespace = '', name = ''] = segments;
  if (
    parsed.registry === undefined &&
    segments.length === 2 &&
    officialArchitectureNamespaces.has(namespace)
  ) {
    return `docker.io/library/${name}`;
  }
  if (parsed.registry !== undefined && segments.length >= 2 && segments[segments.length - 2] === 'library') {
    return `docker.io/library/${parsed.name}`;
  }
  return parsed.canonicalName;
}

const unrecognisedFamily: ImageFamily = { id: 'unrecognised', repositories: [], source: '' };

function classifyParsed(reference: string, parsed: ImageReference): ImageFacts {
  const name = lookupName(parsed);
  const family = findImageFamily(name) ?? unrecognisedFamily;
  const digestOnly = parsed.tag === undefined && parsed.digest !== undefined;
  const resolution = resolveTag(family, parsed.repository, parsed.tag, digestOnly);
  if (family === unrecognisedFamily && resolution.base === undefined) {
    return unknownFacts(reference, `no knowledge-base entry for ${name}`);
  }
  const facts = baseFacts(reference, family, resolution);
  const windows = facts.os === 'windows';
  if (!windows) {
    applyPatch(facts, family.patch);
    if (facts.os === 'alpine') {
      applyPatch(facts, family.alpinePatch);
    }
    if (resolution.slim) {
      applyPatch(facts, family.slimPatch);
    }
  }
  for (const { patch, source } of resolution.patches) {
    if (family !== unrecognisedFamily || facts.libc !== 'unknown') {
      applyPatch(facts, patch);
      facts.source = joinSources([facts.source, source]);
    }
  }
  return facts;
}

function baseFacts(reference: string, family: ImageFamily, resolution: TagResolution): MutableFacts {
  const facts: MutableFacts = { ...unknownFacts(reference, '') };
  facts.toolchain = family.toolchain;
  const ref = resolution.base;
  const base = ref
    ? resolveOsRef(resolution.releaseUnknown ? { os: ref.os, ...flavorOf(ref) } : ref)
    : undefined;
  const sources = [family.source, ...resolution.sources];
  if (base) {
    facts.libc = base.libc;
    facts.hasShell = base.hasShell;
    sources.push(...base.sources);
    if (!resolution.libcOnly) {
      facts.os = base.os;
      facts.packageManager = base.packageManager;
      facts.release = base.release;
      facts.releaseLabel = base.releaseLabel;
      facts.glibcVersion = base.glibcVersion;
      const previous =
        resolution.previous && !resolution.releaseUnknown ? resolvePrevious(resolution.previous) : undefined;
      if (previous) {
        facts.previousBase = previous;
      }
    }
  }
  facts.source = joinSources(sources);
  return facts;
}

function flavorOf(ref: OsRef): { flavor?: string } {
  return ref.flavor === undefined ? {} : { flavor: ref.flavor };
}

function resolvePrevious(previous: PreviousDefault): PreviousBase | undefined {
  const base = resolveOsRef(previous.base);
  if (!base || base.release === undefined || base.releaseLabel === undefined) {
    return undefined;
  }
  return {
    release: base.release,
    releaseLabel: base.releaseLabel,
    glibcVersion: base.glibcVersion,
    until: previous.until,
  };
}

function applyPatch(facts: MutableFacts, patch: FactsPatch | undefined): void {
  if (!patch) {
    return;
  }
  if (patch.libc !== undefined) {
    facts.libc = patch.libc;
    if (patch.libc !== 'glibc') {
      facts.glibcVersion = undefined;
    }
  }
  if (patch.glibcVersion === null) {
    facts.glibcVersion = undefined;
  }
  if (patch.muslStatic !== undefined) {
    facts.muslStatic = patch.muslStatic;
  }
  if (patch.packageManager !== undefined) {
    facts.packageManager = patch.packageManager;
  }
  if (patch.hasShell !== undefined) {
    facts.hasShell = patch.hasShell ?? undefined;
  }
  if (patch.toolchain !== undefined) {
    facts.toolchain = patch.toolchain ?? undefined;
  }
  if (patch.hasCCompiler !== undefined) {
    facts.hasCCompiler = patch.hasCCompiler;
  }
}

/**
 * One list of sources, each named once: a source that another one only extends with detail
 * (`libc.md §1 alpine` next to `libc.md §1 alpine (musl 1.2.x …)`) is left out.
 */
function joinSources(sources: readonly string[]): string {
  const unique = [
    ...new Set(sources.flatMap((source) => source.split('; ')).filter((source) => source !== '')),
  ];
  return unique
    .filter((source) => !unique.some((other) => other !== source && other.startsWith(`${source} (`)))
    .join('; ');
}
