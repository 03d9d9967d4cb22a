/**
 * The facts the analyzer knows about a base image: which C library it ships, which distribution
 * release it is built on, and a few properties that rules about copied artifacts need.
 */

/** Every C library family, in the order settings and messages list them. */
export const LIBC_FAMILIES = ['glibc', 'musl', 'none', 'windows', 'unknown'] as const;

/** The C library an image provides to dynamically linked programs. */
export type LibcFamily = (typeof LIBC_FAMILIES)[number];

/** Every package manager, in the order settings and messages list them. */
export const PACKAGE_MANAGERS = [
  'apt',
  'apk',
  'dnf',
  'yum',
  'microdnf',
  'zypper',
  'pacman',
  'tdnf',
  'none',
  'unknown',
] as const;

/** The package manager a `RUN` line can call in the image. */
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/**
 * The release an image's floating tag resolved to before it was rebased, for messages such as
 * "golang:1.24 moved from debian 12 to debian 13 on 2025-08-12".
 */
export interface PreviousBase {
  readonly release: string;
  readonly releaseLabel: string;
  readonly glibcVersion: string | undefined;
  /** The date (YYYY-MM-DD) the tag moved to its current base. */
  readonly until: string;
}

export interface ImageFacts {
  /** The reference exactly as given. */
  readonly reference: string;
  /** The distribution, e.g. 'alpine', 'debian', 'ubuntu', 'rhel', 'wolfi', 'windows'; undefined when unknown. */
  readonly os: string | undefined;
  /** The distribution release, e.g. '3.20', 'bookworm', 'noble', '9', '2023'. */
  readonly release: string | undefined;
  /** The release in human form for the UI, e.g. 'alpine 3.20', 'debian 12', 'ubuntu 24.04'. */
  readonly releaseLabel: string | undefined;
  readonly libc: LibcFamily;
  /** The glibc version, e.g. '2.36', when the image is glibc-based and its release is known. */
  readonly glibcVersion: string | undefined;
  /** True for busybox:musl, whose busybox binary is static and which has no musl loader at all. */
  readonly muslStatic?: boolean;
  readonly packageManager: PackageManager;
  /**
   * The build toolchain the image exists to provide ('go', 'rust', 'c', 'java-build', 'jdk',
   * 'dotnet-sdk', 'node', 'python', ...); undefined for runtime-only and OS images.
   */
  readonly toolchain: string | undefined;
  /** Whether `/bin/sh` exists; undefined when unknown. */
  readonly hasShell: boolean | undefined;
  /**
   * Whether a C compiler is installed, which decides whether Go builds use cgo by default;
   * undefined when unknown.
   */
  readonly hasCCompiler?: boolean;
  /** Set when the tag is known to have resolved to an older release before a rebase. */
  readonly previousBase?: PreviousBase;
  /** Where the facts come from, e.g. 'libc.md §2 golang; libc.md §4 debian 12 glibc 2.36'. */
  readonly source: string;
}

/** A user-supplied classification for images the knowledge base does not cover. */
export interface ImageOverride {
  /**
   * Matched against the repository name with and without the registry: `*` matches within one
   * path segment, `**` across segments.
   */
  readonly glob: string;
  readonly libc: LibcFamily;
  readonly release?: string;
  readonly glibcVersion?: string;
  readonly packageManager?: PackageManager;
}
