import type { Flag, Instruction } from 'dockerfile-ast';
import { findBuildSignals, type BuildSignals } from '../artifacts';
import { classifyImage, type ImageFacts } from '../images';
import type { AnalysisSettings } from '../settings';
import { computeStageFacts, type StageFacts } from '../stageFacts';
import type { StageGraph, StageReference } from '../stageModel';
import { decideArtifactLinkage, type ArtifactLinkage } from './artifactLinkage';

/**
 * One `COPY --from` or `RUN --mount ... from=` edge with everything the cross-stage rules read: the
 * facts on both sides, what was copied and what that artifact needs from the C library.
 */
export interface CopyEdge {
  readonly reference: StageReference;
  /** The producing stage, or undefined when the value names an image (`COPY --from=nginx:1.27`). */
  readonly source: StageFacts | undefined;
  readonly sourceImage: ImageFacts;
  /** The image the artifact comes from: the source stage's root image, or the `--from` image. */
  readonly sourceImageReference: string | undefined;
  readonly target: StageFacts;
  /** The copied source paths as written (for a mount, its `source=`; nothing when it mounts the whole stage). */
  readonly paths: readonly string[];
  readonly linkage: ArtifactLinkage;
  /** Build signals of the producing stage (and the stages it is built FROM). */
  readonly sourceSignals: BuildSignals | undefined;
  /** Build signals of the receiving stage, for mitigations such as gcompat. */
  readonly targetSignals: BuildSignals;
}

interface CacheEntry {
  readonly settings: AnalysisSettings;
  readonly edges: readonly CopyEdge[];
}

const cache = new WeakMap<StageGraph, CacheEntry>();

/**
 * Build signals by stage input. computeStageFacts hands back the same input object for a stage whose text,
 * parent and global ARGs did not change, so after an edit only the edited stage (and those built FROM it)
 * is scanned again. The input is never mutated, and a WeakMap lets entries go with their stage facts.
 */
const signalsByInput = new WeakMap<StageFacts['buildInput'], BuildSignals>();

/** Every copy and mount edge whose source is a stage or an image. Pure and total; cached per graph and settings. */
export function computeCopyEdges(graph: StageGraph, settings: AnalysisSettings): readonly CopyEdge[] {
  const cached = cache.get(graph);
  if (cached && cached.settings === settings) {
    return cached.edges;
  }
  const facts = computeStageFacts(graph, settings);
  const signalsOf = (stage: StageFacts): BuildSignals => {
    let found = signalsByInput.get(stage.buildInput);
    if (!found) {
      found = findBuildSignals(stage.buildInput);
      signalsByInput.set(stage.buildInput, found);
    }
    return found;
  };
  const edges: CopyEdge[] = [];
  for (const reference of graph.references) {
    if (reference.kind === 'from') {
      continue;
    }
    const target = facts[reference.fromStageIndex];
    if (!target) {
      continue;
    }
    try {
      const edge = buildEdge(reference, target, facts, settings, signalsOf);
      if (edge) {
        edges.push(edge);
      }
    } catch {
      // One odd reference must not cost the others their findings.
    }
  }
  cache.set(graph, { settings, edges });
  return edges;
}

function buildEdge(
  reference: StageReference,
  target: StageFacts,
  facts: readonly StageFacts[],
  settings: AnalysisSettings,
  signalsOf: (stage: StageFacts) => BuildSignals,
): CopyEdge | undefined {
  const resolution = reference.resolution;
  let source: StageFacts | undefined;
  if (resolution.type === 'stage') {
    source = facts[resolution.stageIndex];
    if (!source || source.stage.index === target.stage.index) {
      return undefined;
    }
  } else if (resolution.type !== 'image') {
    return undefined;
  }
  const sourceKey = source ? source.buildInput : resolution.type === 'image' ? resolution.image : '';
  const cached = edgeParts(reference).find(
    (entry) => entry.sourceKey === sourceKey && entry.images === settings.images,
  );
  const parts = cached ?? computeEdgeParts(reference, source, settings, signalsOf, sourceKey);
  const { sourceImage, sourceImageReference, paths, linkage } = parts;
  const sourceSignals = source ? signalsOf(source) : undefined;
  return {
    reference,
    source,
    sourceImage,
    sourceImageReference,
    target,
    paths,
    linkage,
    sourceSignals,
    targetSignals: signalsOf(target),
  };
}

/** What an edge's source side yields: kept per reference instruction while the source stage is unchanged. */
interface EdgeParts {
  readonly line: number;
  readonly character: number;
  readonly sourceKey: object | string;
  readonly images: AnalysisSettings['images'];
  readonly sourceImage: ImageFacts;
  readonly sourceImageReference: string | undefined;
  readonly paths: readonly string[];
  readonly linkage: ArtifactLinkage;
}

/**
 * Edge parts per COPY or RUN instruction. The instruction object is reused only while its stage's text and
 * first line are unchanged, and the source is keyed by its stage's facts (see stageFactsKey) or its image
 * reference, so an edit reclassifies only the copies it can affect. One entry per source key is kept for
 * each reference, so the lists stay as short as the instruction's references.
 */
const edgePartsByInstruction = new WeakMap<Instruction, EdgeParts[]>();

function edgeParts(reference: StageReference): EdgeParts[] {
  const all = edgePartsByInstruction.get(reference.instruction) ?? [];
  const { line, character } = reference.valueRange.start;
  return all.filter((entry) => entry.line === line && entry.character === character);
}

function computeEdgeParts(
  reference: StageReference,
  source: StageFacts | undefined,
  settings: AnalysisSettings,
  signalsOf: (stage: StageFacts) => BuildSignals,
  sourceKey: object | string,
): EdgeParts {
  const resolution = reference.resolution;
  const sourceImage = source
    ? source.image
    : classifyImage(resolution.type === 'image' ? resolution.image : '', settings.images);
  const sourceImageReference = source
    ? source.imageReference
    : resolution.type === 'image'
      ? resolution.image
      : undefined;
  const paths = copiedPaths(reference);
  const linkage = decideArtifactLinkage(
    {
      image: sourceImage,
      imageReference: sourceImageReference,
      signals: source ? signalsOf(source) : undefined,
      ...(source ? { runs: source.buildInput.runs, downloads: source.downloads } : {}),
    },
    paths,
  );
  const { line, character } = reference.valueRange.start;
  const parts: EdgeParts = {
    line,
    character,
    sourceKey,
    images: settings.images,
    sourceImage,
    sourceImageReference,
    paths,
    linkage,
  };
  // Entries for other references of the instruction stay; an older entry for this one is replaced.
  const others = (edgePartsByInstruction.get(reference.instruction) ?? []).filter(
    (entry) => entry.line !== line || entry.character !== character,
  );
  edgePartsByInstruction.set(reference.instruction, [...others, parts]);
  return parts;
}

/** The source paths of a COPY (every argument but the destination), or the `source=` of a mount. */
export function copiedPaths(reference: StageReference): string[] {
  const instruction = reference.instruction;
  if (reference.kind === 'mount') {
    return mountSources(instruction, reference);
  }
  const content = instruction.getArgumentsContent()?.trim() ?? '';
  if (content.startsWith('[')) {
    try {
      const words: unknown = JSON.parse(content);
      if (Array.isArray(words) && words.every((word) => typeof word === 'string')) {
        return words.slice(0, -1);
      }
    } catch {
      // Not JSON: Docker reads it as the shell form, and so do we.
    }
  }
  const words = instruction.getArguments().map((argument) => argument.getValue());
  if (words.some((word) => word.startsWith('<<'))) {
    return [];
  }
  return words.slice(0, -1);
}

function mountSources(instruction: Instruction, reference: StageReference): string[] {
  const flags = (instruction as Instruction & { getFlags?: () => Flag[] }).getFlags?.() ?? [];
  for (const flag of flags) {
    if (flag.getName().toLowerCase() !== 'mount') {
      continue;
    }
    const options = flag.getOptions();
    const from = options.find(
      (option) =>
        option.getName().toLowerCase() === 'from' &&
        option.getValueRange()?.start.line === reference.valueRange.start.line &&
        option.getValueRange()?.start.character === reference.valueRange.start.character,
    );
    if (!from) {
      continue;
    }
    const source = options.find((option) => ['source', 'src'].includes(option.getName().toLowerCase()));
    const value = source?.getValue();
    return value ? [value] : [];
  }
  return [];
}
