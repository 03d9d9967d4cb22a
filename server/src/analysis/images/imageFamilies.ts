import { applicationImages } from './applicationImages';
import type { ImageFamily } from './imageFamily';
import { fallbackImages } from './fallbackImages';
import { languageImages } from './languageImages';
import { osImages } from './osImages';
import { matchesRepositoryGlob } from './repositoryGlob';
import { vendorImages } from './vendorImages';

/** Every family in lookup order: the first family with a matching repository glob wins. */
export const imageFamilies: readonly ImageFamily[] = [
  ...osImages,
  ...languageImages,
  ...applicationImages,
  ...vendorImages,
  ...fallbackImages,
];

/** Families whose name is a convention rather than a specific image. */
const fallbackIds = new Set(fallbackImages.map((family) => family.id));

/**
 * Family globs are written like Docker references: a name without a registry is a Docker Hub
 * name, and a single segment lives under `library/`.
 */
function canonicalGlob(glob: string): string {
  if (glob.startsWith('**/')) {
    return glob;
  }
  const segments = glob.split('/');
  const first = segments[0] ?? '';
  const hasRegistry =
    segments.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) {
    return glob;
  }
  return segments.length === 1 ? `docker.io/library/${glob}` : `docker.io/${glob}`;
}

const compiled = imageFamilies.map((family) => ({
  family,
  globs: family.repositories.map(canonicalGlob),
}));

/** Finds the family of a canonical repository name such as 'docker.io/library/golang'. */
export function findImageFamily(canonicalName: string): ImageFamily | undefined {
  return compiled.find(({ globs }) => globs.some((glob) => matchesRepositoryGlob(glob, canonicalName)))
    ?.family;
}

/** Whether the family is a specific image rather than a naming convention. */
export function isSpecificFamily(family: ImageFamily): boolean {
  return !fallbackIds.has(family.id);
}
