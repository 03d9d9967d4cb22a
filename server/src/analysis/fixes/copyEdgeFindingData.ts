import type { CopyEdgeData } from '../crossStage/edgeDescriptions';
import type { Finding } from '../findings';

/**
 * Reads the CopyEdgeData of a LibcMismatch, GlibcVersionSkew or PlatformMismatch finding
 * (crossStage/edgeDescriptions.ts), or undefined when the finding does not carry it.
 */
export function copyEdgeDataOf(finding: Finding): CopyEdgeData | undefined {
  const data = finding.data;
  if (
    !data ||
    typeof data.sourceStage !== 'number' ||
    typeof data.targetStage !== 'number' ||
    typeof data.sourceImage !== 'string' ||
    typeof data.targetImage !== 'string' ||
    typeof data.sourceLibc !== 'string' ||
    typeof data.targetLibc !== 'string'
  ) {
    return undefined;
  }
  return data as unknown as CopyEdgeData;
}
