import { parseImageReference } from '../images/imageReference';
import { matchesRepositoryGlob } from '../images/repositoryGlob';

/**
 * Files in published images that are safe to `COPY --from=<image>` into any Linux C library
 * (the architecture must still match), and builder images that produce static binaries
 * (libc.md Appendix A known_static_external_sources and rust static_builder_images).
 */

/**
 * 'static' and 'portable' run on any Linux C library. 'vendor-build' is a binary its vendor built on an
 * old distribution and ships inside the image: it still needs the image's C library family, but not the
 * image's glibc version (only `glibcFloor`, when known).
 */
export type KnownArtifactVerdict = 'static' | 'portable' | 'vendor-build';

export interface KnownImageArtifact {
  /** Globs over the canonical repository name (repositoryGlob.ts). */
  readonly repositories: readonly string[];
  /** Copied paths that qualify; a path ending in `/` covers everything below it. */
  readonly paths: readonly string[];
  /** When set, only tags this accepts qualify (e.g. only uv's scratch-based tags hold the static binaries). */
  readonly tagFilter?: (tag: string | undefined) => boolean;
  readonly verdict: KnownArtifactVerdict;
  /** For 'vendor-build': the oldest glibc the vendor's binary supports, when documented. */
  readonly glibcFloor?: string;
  readonly source: string;
}

/** uv's `latest` and version tags are FROM scratch with the static musl binaries; its distro tags are not. */
const uvScratchTag = (tag: string | undefined): boolean =>
  tag === undefined || tag === 'latest' || /^\d+(?:\.\d+)*$/.test(tag);

export const knownImageArtifacts: readonly KnownImageArtifact[] = [
  {
    repositories: ['ghcr.io/astral-sh/uv'],
    paths: ['/uv', '/uvx', '/'],
    tagFilter: uvScratchTag,
    verdict: 'static',
    source:
      'libc.md §2 and Appendix A (ghcr.io/astral-sh/uv: static musl uv/uvx, cargo auditable zigbuild --target *-unknown-linux-musl)',
  },
  {
    repositories: ['docker.io/library/docker'],
    paths: ['/usr/local/bin/docker'],
    verdict: 'static',
    source:
      'libc.md §5.1 and Appendix A (docker:cli ships the static CLI from download.docker.com/linux/static)',
  },
  {
    repositories: ['docker.io/library/golang'],
    paths: ['/usr/local/go/'],
    verdict: 'static',
    source:
      'libc.md §2 (golang images install the go.dev release tarball; its go and gofmt binaries are built with cgo off and link no C library)',
  },
  {
    repositories: ['docker.io/library/busybox'],
    paths: ['/bin/busybox'],
    verdict: 'static',
    source:
      'libc.md §1 (busybox:musl and busybox:uclibc ship a static busybox; for the default glibc variant the linkage is not verified, so copying /bin/busybox is not flagged: precision over recall)',
  },
  {
    repositories: ['docker.io/tonistiigi/xx'],
    paths: ['/'],
    verdict: 'portable',
    source: 'libc.md Appendix A (tonistiigi/xx: shell scripts)',
  },
  {
    repositories: ['docker.io/library/composer'],
    paths: ['/usr/bin/composer'],
    verdict: 'portable',
    source: 'libc.md §5.5 and Appendix A (COPY --from=composer /usr/bin/composer is a PHAR)',
  },
  {
    repositories: ['docker.io/library/node'],
    paths: ['/usr/local/bin/node'],
    verdict: 'vendor-build',
    glibcFloor: '2.28',
    source:
      "libc.md §5 and §9 #40 (node:X installs the nodejs.org binary, which needs glibc ≥ 2.28 whatever the image's release; node:X-alpine installs a musl build)",
  },
];

/** Builder images whose Rust builds are static musl binaries (libc.md §5.2, Appendix A static_builder_images). */
export const staticBuilderImages: readonly string[] = [
  'docker.io/clux/muslrust',
  'docker.io/messense/rust-musl-cross',
  'docker.io/ekidd/rust-musl-builder',
];

/** Finds what the knowledge base says about copying `copiedPath` out of `imageReference`. */
export function findKnownImageArtifact(
  imageReference: string,
  copiedPath: string,
):
  | { readonly verdict: KnownArtifactVerdict; readonly glibcFloor?: string; readonly source: string }
  | undefined {
  const parsed = parseImageReference(imageReference);
  if (!parsed || typeof copiedPath !== 'string') {
    return undefined;
  }
  const path = copiedPath.trim();
  const entry = knownImageArtifacts.find(
    (candidate) =>
      candidate.repositories.some((glob) => matchesRepositoryGlob(glob, parsed.canonicalName)) &&
      (candidate.tagFilter?.(parsed.tag) ?? true) &&
      candidate.paths.some((prefix) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix)),
  );
  if (!entry) {
    return undefined;
  }
  return {
    verdict: entry.verdict,
    ...(entry.glibcFloor === undefined ? {} : { glibcFloor: entry.glibcFloor }),
    source: entry.source,
  };
}

/** Whether a builder image produces static musl Rust binaries regardless of the flags used. */
export function isStaticBuilderImage(imageReference: string): boolean {
  const parsed = parseImageReference(imageReference);
  return (
    parsed !== null && staticBuilderImages.some((glob) => matchesRepositoryGlob(glob, parsed.canonicalName))
  );
}
