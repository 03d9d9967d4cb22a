import type { Position } from 'vscode-languageserver-types';
import { describeImageFacts } from '../images';
import type { AnalysisSettings } from '../settings';
import { computeStageFacts } from '../stageFacts';
import type { StageGraph } from '../stageModel';

/** A label to show right after a FROM line's image, with where its facts come from. */
export interface ImageHint {
  readonly position: Position;
  /** `musl · alpine 3.20`, `glibc 2.36 · debian 12`, `no libc`, `windows`. */
  readonly label: string;
  /** The knowledge-base sources behind the label. */
  readonly source: string;
}

/**
 * One hint per FROM whose image the knowledge base (or the `images` setting) classifies: after the image
 * reference, or after the stage name for `FROM <stage>`, which inherits its base's facts. Images it does
 * not know get no hint, so the hints never guess.
 */
export function imageHints(graph: StageGraph, settings: AnalysisSettings): ImageHint[] {
  const hints: ImageHint[] = [];
  for (const facts of computeStageFacts(graph, settings)) {
    const range = facts.stage.baseRange;
    if (!range || facts.image.libc === 'unknown') {
      continue;
    }
    hints.push({ position: range.end, label: describeImageFacts(facts.image), source: facts.image.source });
  }
  return hints;
}
