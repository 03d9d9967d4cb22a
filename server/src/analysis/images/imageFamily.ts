import type { LibcFamily, PackageManager } from './imageFacts';
import type { OsId } from './osDescriptor';

/**
 * The schema of the image knowledge base. A family is one image repository (or a few that share
 * tags) and says what its tags resolve to; the classifier in classifyImage.ts only interprets this
 * data.
 */

/** A distribution release an image is built on, e.g. `{ os: 'debian', release: 'trixie' }`. */
export interface OsRef {
  readonly os: OsId;
  /** A release key or alias of the distribution (osReleases.ts); undefined when the release is not known. */
  readonly release?: string;
  /** A flavor of the distribution such as 'slim', 'minimal' or 'micro'. */
  readonly flavor?: string;
}

/** Facts a family or a tag word sets on top of the base distribution's facts. */
export interface FactsPatch {
  readonly libc?: LibcFamily;
  /** Null clears the glibc version, for images that carry no libc although their files come from a glibc distribution. */
  readonly glibcVersion?: null;
  readonly muslStatic?: boolean;
  readonly packageManager?: PackageManager;
  /** Null makes it unknown. */
  readonly hasShell?: boolean | null;
  /** Null clears the family's toolchain (e.g. the `jre` variant of a JDK image). */
  readonly toolchain?: string | null;
  readonly hasCCompiler?: boolean;
}

/** The base a floating tag had before it was rebased. */
export interface PreviousDefault {
  readonly base: OsRef;
  /** The date (YYYY-MM-DD) of the official-images commit that moved the tag. */
  readonly until: string;
}

/**
 * What tags of one version range resolve to. Bounds are inclusive and compared on their own number
 * of components, so `max: '1.23'` covers 1.23.4; a tag with fewer components than a bound
 * (`golang:1`) is a floating tag and resolves to the family's default instead.
 */
export interface VersionRule {
  readonly min?: string;
  readonly max?: string;
  readonly base: OsRef;
  /** The base of `-slim` tags in this range when it differs from `base`. */
  readonly slim?: OsRef;
  /** The Alpine release of `-alpine` tags in this range. */
  readonly alpine?: string;
  readonly previous?: PreviousDefault;
  readonly source: string;
}

/** What a word in the tag (split at `-` and `_`) means for this family. */
export interface TagWord {
  /** The word names a base distribution, as an explicit `-bookworm` would. */
  readonly base?: OsRef;
  readonly patch?: FactsPatch;
  readonly source: string;
}

export interface ImageFamily {
  /** A stable name for tests and messages. */
  readonly id: string;
  /**
   * Globs (repositoryGlob.ts) over the canonical repository name. Names without a registry are
   * Docker Hub names: 'golang' means 'docker.io/library/golang'.
   */
  readonly repositories: readonly string[];
  /** Set for distribution images: the tag names a release of this distribution. */
  readonly os?: OsId;
  /** For derived images: the base of the bare tag, `latest`, and version tags no rule covers. */
  readonly base?: OsRef;
  /** The base the bare tag had before its last rebase. */
  readonly previous?: PreviousDefault;
  /** The base of `-slim` tags when it differs from `base`. */
  readonly slim?: OsRef;
  /** The Alpine release of `-alpine` tags without a version. */
  readonly alpine?: string;
  readonly versions?: readonly VersionRule[];
  /** When set, version tags no rule covers keep only the C library: their release is not known. */
  readonly versionsAreExhaustive?: boolean;
  /** Tag words that stand for a version, e.g. node's `lts` → '24'. */
  readonly versionWords?: Readonly<Record<string, string>>;
  /** A word followed by a version that picks a rule from another table, e.g. elixir's `-otp-27`. */
  readonly versionAfterWord?: { readonly word: string; readonly versions: readonly VersionRule[] };
  readonly words?: Readonly<Record<string, TagWord>>;
  /** Whether the words of the repository path count as tag words (`ubi9/ubi-minimal`, `distroless/base-debian12`). */
  readonly repositoryWords?: boolean;
  readonly toolchain?: string;
  /** Applied to every tag of the family. */
  readonly patch?: FactsPatch;
  /** Applied when a tag resolves to Alpine. */
  readonly alpinePatch?: FactsPatch;
  /** Applied when the tag contains `slim`. */
  readonly slimPatch?: FactsPatch;
  readonly source: string;
}
