import type { ImageFacts } from './imageFacts';

/**
 * A short label for inlay hints and hovers: `musl · alpine 3.20`, `glibc 2.36 · debian 12`,
 * `no libc`, `windows`.
 */
export function describeImageFacts(facts: ImageFacts): string {
  const label = facts.releaseLabel;
  const withLabel = (prefix: string): string => (label ? `${prefix} · ${label}` : prefix);
  switch (facts.libc) {
    case 'glibc':
      return withLabel(facts.glibcVersion ? `glibc ${facts.glibcVersion}` : 'glibc');
    case 'musl':
      return withLabel(facts.muslStatic ? 'static musl, no loader' : 'musl');
    case 'none':
      return withLabel('no libc');
    case 'windows':
      return 'windows';
    default:
      return 'libc unknown';
  }
}
