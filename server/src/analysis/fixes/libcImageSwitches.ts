import { classifyImage, parseImageReference, type ImageFacts } from '../images';

/**
 * Image rewrites for the C library fixes, as data plus one check: every rewritten reference is
 * classified again with classifyImage and only offered when the knowledge base agrees that it has
 * the C library (and release) the fix promises. That keeps the image facts in `images/` the only
 * source of truth.
 */

/** OS runtime images by distribution (libc.md §1 and "Images with NO shell and/or NO libc"). */
const OS_RUNTIMES = {
  /** Debian's slim images are the glibc runtime of the Debian-based official build images. */
  debian: 'debian:{codename}-slim',
  /** distroless/base has glibc and nothing else; distroless/static has no libc (libc.md §2 other registries). */
  distrolessGlibc: 'gcr.io/distroless/base-debian{debianVersion}',
  ubuntu: 'ubuntu:{codename}',
  alpine: 'alpine:{alpine}',
  source: 'libc.md §1 base OS images; "Other popular registries" gcr.io/distroless/*-debianNN',
} as const;

const DISTROLESS = /^(gcr\.io\/distroless\/[a-z0-9-]+?)-debian(\d+)((?::|@).*)?$/;

/** Distribution variants that official build images (golang, rust, node, python, ruby…) append to their tags. */
const TAG_VARIANT =
  /-(?:slim-)?(?:alpine[\d.]*|bookworm|bullseye|buster|trixie|stretch|forky|noble|jammy|focal)(?:-slim)?$|-slim$/;

/**
 * The base image for a stage that runs what `builder` built, on the builder's C library and release,
 * when `target` is an OS image (Debian, Ubuntu, Alpine, distroless, scratch). Language runtimes are
 * left alone: rewriting `node:20-alpine` to Debian is a choice the user should make. `targetWasStatic`
 * picks distroless/base where the target had no C library at all.
 */
export function runtimeOnBuilderFamily(
  builder: ImageFacts,
  target: ImageFacts,
  targetReference: string,
): string | undefined {
  const release = builder.os === 'alpine' ? alpineRelease(builder) : builder.release;
  if (target.toolchain !== undefined || release === undefined) {
    return undefined;
  }
  const isOsImage =
    target.os === 'debian' || target.os === 'ubuntu' || target.os === 'alpine' || target.libc === 'none';
  if (!isOsImage) {
    return undefined;
  }
  let candidate: string | undefined;
  const distroless = DISTROLESS.exec(targetReference.trim());
  if (builder.os === 'debian') {
    const version = debianVersion(builder);
    if (version !== undefined && distroless && target.libc !== 'none') {
      candidate = `${distroless[1]}-debian${version}`;
    } else if (version !== undefined && (target.libc === 'none' || distroless)) {
      candidate = OS_RUNTIMES.distrolessGlibc.replace('{debianVersion}', version);
    } else {
      candidate = OS_RUNTIMES.debian.replace('{codename}', release);
    }
  } else if (builder.os === 'ubuntu') {
    candidate = OS_RUNTIMES.ubuntu.replace('{codename}', release);
  } else if (builder.os === 'alpine') {
    candidate = OS_RUNTIMES.alpine.replace('{alpine}', release);
  }
  return candidate !== undefined && agrees(candidate, builder.libc, release) ? candidate : undefined;
}

/** An Alpine runtime when the builder's Alpine release is unknown: the current one in the knowledge base. */
export function alpineRelease(builder: ImageFacts): string | undefined {
  return builder.release ?? classifyImage('alpine').release;
}

/**
 * The same build image on another C library family and release: `golang:1.22` → `golang:1.22-alpine`
 * (musl), `rust:1.80-alpine` → `rust:1.80-bookworm` (glibc, bookworm). Only for images whose tags
 * follow the official `<version>-<variant>` scheme and whose rewrite the knowledge base classifies as
 * asked; a digest-pinned reference is never rewritten.
 */
export function builderOnFamily(
  reference: string,
  builder: ImageFacts,
  libc: 'glibc' | 'musl',
  release: string | undefined,
): string | undefined {
  const parsed = parseImageReference(reference);
  if (!parsed || !parsed.valid || parsed.digest !== undefined || builder.toolchain === undefined) {
    return undefined;
  }
  const tag = parsed.tag ?? 'latest';
  const version = tag === 'latest' ? '' : `-${tag}`.replace(TAG_VARIANT, '').slice(1);
  let variant: string;
  if (libc === 'musl') {
    variant = 'alpine';
  } else if (release !== undefined && /^[a-z]+$/.test(release)) {
    variant = release;
  } else {
    return undefined;
  }
  const newTag = version === '' ? variant : `${version}-${variant}`;
  const candidate = `${reference.slice(0, reference.length - (parsed.tag === undefined ? 0 : tag.length + 1))}:${newTag}`;
  const facts = classifyImage(candidate);
  if (facts.toolchain !== builder.toolchain || facts.libc !== libc) {
    return undefined;
  }
  if (libc === 'glibc' && facts.release !== release) {
    return undefined;
  }
  return candidate;
}

function debianVersion(facts: ImageFacts): string | undefined {
  return /\d+/.exec(facts.releaseLabel ?? '')?.[0];
}

function agrees(candidate: string, libc: string, release: string): boolean {
  const facts = classifyImage(candidate);
  return facts.libc === libc && facts.release === release;
}
