import type { ImageFamily } from './imageFamily';
import { scratch } from './releaseRefs';

/**
 * Repository-name conventions that hold wherever an image is mirrored (libc.md §3), checked after
 * every specific family.
 */
export const fallbackImages: readonly ImageFamily[] = [
  {
    id: 'static-mirror',
    repositories: [
      '**/distroless/static',
      '**/distroless/static-*',
      '**/chainguard/static',
      '**/wolfi-dev/static',
    ],
    base: scratch,
    source: 'libc.md §3 rule 2 (repo matches distroless/static, chainguard/static, wolfi-dev/static)',
  },
  {
    id: 'alpine-mirror',
    repositories: ['**/alpine'],
    os: 'alpine',
    source: 'libc.md §3 rule 4 (repo alpine)',
  },
  {
    id: 'alpine-named',
    repositories: ['**/alpine-*'],
    base: { os: 'alpine' },
    source: 'libc.md §3 rule 4 (repo */alpine-*)',
  },
];
