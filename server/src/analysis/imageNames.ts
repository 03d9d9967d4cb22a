/**
 * How BuildKit names the image it pulls for a bare value such as `builder`: Docker Hub's `library/`
 * namespace and the `latest` tag (distribution/reference ParseNormalizedNamed + TagNameOnly).
 */
export function pulledImageName(value: string): string {
  const hasTagOrDigest = /[:@]/.test(value.slice(value.lastIndexOf('/') + 1));
  const slash = value.indexOf('/');
  const firstPart = slash < 0 ? '' : value.slice(0, slash);
  const hasRegistry = firstPart.includes('.') || firstPart.includes(':') || firstPart === 'localhost';
  const named = hasRegistry ? value : slash < 0 ? `docker.io/library/${value}` : `docker.io/${value}`;
  return hasTagOrDigest ? named : `${named}:latest`;
}

/** A value with a registry, namespace, tag or digest cannot be a stage name, so it is meant as an image. */
export function looksLikeImageReference(value: string): boolean {
  return /[/:@]/.test(value);
}
