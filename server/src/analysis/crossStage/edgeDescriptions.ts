import { describeImageFacts, type ImageFacts } from '../images';
import type { CopyEdge } from './copyEdges';

/**
 * The `data` every copy-edge finding (LibcMismatch, GlibcVersionSkew, PlatformMismatch) carries, so
 * quick fixes can rewrite a tag or add a flag without re-running the analysis:
 *
 * - `sourceStage`: index of the producing stage, or -1 when the `--from` value is an image.
 * - `targetStage`: index of the stage that holds the COPY/RUN.
 * - `sourceImage` / `targetImage`: the image references after ARG expansion (root of any FROM chain);
 *   '' when unknown.
 * - `sourceLibc` / `targetLibc`: 'glibc' | 'musl' | 'none' | 'windows' | 'unknown'.
 * - `sourceRelease` / `targetRelease`: the distribution release ('bookworm', '3.20', 'noble'), when known.
 * - `goBuild` / `rustBuild`: true when the artifact comes from `go build` / `cargo build` in the source.
 * - `copiedPath`: the copied path the finding is about.
 */
export interface CopyEdgeData {
  readonly sourceStage: number;
  readonly targetStage: number;
  readonly sourceImage: string;
  readonly targetImage: string;
  readonly sourceLibc: string;
  readonly targetLibc: string;
  readonly sourceRelease?: string;
  readonly targetRelease?: string;
  readonly goBuild?: boolean;
  readonly rustBuild?: boolean;
  readonly copiedPath?: string;
}

export function copyEdgeData(edge: CopyEdge): CopyEdgeData {
  const linkage = edge.linkage;
  const tool = linkage.kind === 'dynamic' ? linkage.tool : undefined;
  const path = linkage.kind === 'not-native' ? undefined : linkage.path;
  return {
    sourceStage: edge.source?.stage.index ?? -1,
    targetStage: edge.target.stage.index,
    sourceImage: edge.sourceImageReference ?? '',
    targetImage: edge.target.imageReference ?? '',
    sourceLibc: edge.sourceImage.libc,
    targetLibc: edge.target.image.libc,
    ...(edge.sourceImage.release === undefined ? {} : { sourceRelease: edge.sourceImage.release }),
    ...(edge.target.image.release === undefined ? {} : { targetRelease: edge.target.image.release }),
    ...(tool === 'go' ? { goBuild: true } : {}),
    ...(tool === 'cargo' ? { rustBuild: true } : {}),
    ...(path === undefined ? {} : { copiedPath: path }),
  };
}

/** `stage 'build' (golang:1.22, glibc 2.36 · debian 12)` or `the image nginx:1.27 (glibc 2.36 · debian 12)`. */
export function describeSource(edge: CopyEdge): string {
  const facts = describeImageFacts(edge.sourceImage);
  if (edge.source) {
    const stage = edge.source.stage;
    const name = stage.name !== undefined ? `stage '${stage.name}'` : `stage ${stage.index}`;
    return `${name} (${edge.sourceImageReference ?? 'unknown image'}, ${facts})`;
  }
  return `the image ${edge.sourceImageReference ?? ''} (${facts})`;
}

/** `alpine:3.20 (musl · alpine 3.20)`. */
export function describeTarget(edge: CopyEdge): string {
  return `${edge.target.imageReference ?? 'its base image'} (${describeImageFacts(edge.target.image)})`;
}

/** The distribution as people name it in a sentence: 'alpine 3.20', 'scratch', 'musl'. */
export function distributionName(facts: ImageFacts): string {
  return facts.releaseLabel ?? facts.os ?? (facts.reference || 'this image');
}
