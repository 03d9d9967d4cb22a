/**
 * Splits an image reference the way Docker does (distribution/reference `ParseNormalizedNamed`):
 * the first path component is a registry when it contains `.` or `:`, is `localhost`, or has an
 * uppercase letter; Docker Hub is the default registry and single-component names live under
 * `library/`.
 */

export interface ImageReference {
  /** The registry host (with port), or undefined for Docker Hub (implicit, `docker.io` or `index.docker.io`). */
  readonly registry: string | undefined;
  /** The repository path inside the registry, e.g. 'library/alpine', 'distroless/static-debian12'. */
  readonly repository: string;
  /** The familiar path: Docker Hub official images without 'library/', e.g. 'alpine'. */
  readonly path: string;
  /** Registry and repository, e.g. 'docker.io/library/alpine', 'gcr.io/distroless/static-debian12'. */
  readonly canonicalName: string;
  /** The last path segment, e.g. 'alpine', 'static-debian12'. */
  readonly name: string;
  readonly tag: string | undefined;
  /** The digest, e.g. 'sha256:…'. */
  readonly digest: string | undefined;
  /**
   * False when Docker would reject the reference although it could be split (uppercase letters in
   * the repository, a name longer than 255 characters).
   */
  readonly valid: boolean;
}

export const dockerHubRegistry = 'docker.io';

/** Docker rejects repository names longer than this (distribution/reference NameTotalLengthMax). */
const maxNameLength = 255;

/** Tags are a word character followed by up to 127 word characters, dots or dashes (distribution/reference). */
const tagPattern = /^\w[\w.-]{0,127}$/;

/**
 * Digests are `algorithm:hex` (distribution/reference). Each repetition of the algorithm group must
 * start with a separator, so there is only one way to match and no catastrophic backtracking.
 */
const digestPattern = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** Registry hosts: DNS names, IPv4 or bracketed IPv6 addresses, optionally with a port. One class, no nesting. */
const registryPattern = /^[A-Za-z0-9.\-[\]:]+$/;

/**
 * Parses `ref` into its parts, or returns null when it is empty, contains whitespace or an
 * unexpanded `$` variable, or cannot be split into a reference at all. Never throws.
 */
export function parseImageReference(ref: string): ImageReference | null {
  if (typeof ref !== 'string') {
    return null;
  }
  const text = ref.trim();
  if (text === '' || /[\s$]/.test(text)) {
    return null;
  }

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) {
      return null;
    }
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag)) {
      return null;
    }
  }

  const segments = rest.split('/');
  if (segments.some((segment) => segment === '')) {
    return null;
  }

  let registry: string | undefined;
  const first = segments[0] ?? '';
  if (segments.length > 1 && isRegistryComponent(first)) {
    if (!registryPattern.test(first)) {
      return null;
    }
    registry = first;
    segments.shift();
  }
  if (registry === 'index.docker.io' || registry === dockerHubRegistry) {
    registry = undefined;
  }
  if (registry === undefined && segments.length === 1) {
    segments.unshift('library');
  }

  let valid = true;
  for (const segment of segments) {
    const check = checkPathComponent(segment);
    if (check === 'invalid') {
      return null;
    }
    if (check === 'uppercase') {
      valid = false;
    }
  }

  const repository = segments.join('/');
  const path = registry === undefined && repository.startsWith('library/') ? repository.slice(8) : repository;
  const canonicalName = `${registry ?? dockerHubRegistry}/${repository}`;
  if (canonicalName.length > maxNameLength) {
    valid = false;
  }
  return {
    registry,
    repository,
    path,
    canonicalName,
    name: segments[segments.length - 1] ?? repository,
    tag,
    digest,
    valid,
  };
}

function isRegistryComponent(component: string): boolean {
  return (
    component.includes('.') ||
    component.includes(':') ||
    component === 'localhost' ||
    component !== component.toLowerCase()
  );
}

/**
 * Checks one path component against `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*` with a loop, so that the
 * result can tell "uppercase" (Docker rejects it, but the reference is still readable) apart from
 * characters that make the text no reference at all.
 */
function checkPathComponent(component: string): 'ok' | 'uppercase' | 'invalid' {
  let uppercase = false;
  let previousSeparator = '';
  let separatorRun = 0;
  for (let i = 0; i < component.length; i++) {
    const ch = component[i] ?? '';
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z')) {
      if (ch >= 'A' && ch <= 'Z') {
        uppercase = true;
      }
      previousSeparator = '';
      separatorRun = 0;
      continue;
    }
    if (ch !== '.' && ch !== '_' && ch !== '-') {
      return 'invalid';
    }
    if (i === 0) {
      return 'invalid';
    }
    if (separatorRun > 0) {
      const allowed =
        (ch === '-' && previousSeparator === '-') ||
        (ch === '_' && previousSeparator === '_' && separatorRun === 1);
      if (!allowed) {
        return 'invalid';
      }
    }
    previousSeparator = ch;
    separatorRun++;
  }
  if (separatorRun > 0) {
    return 'invalid';
  }
  return uppercase ? 'uppercase' : 'ok';
}
