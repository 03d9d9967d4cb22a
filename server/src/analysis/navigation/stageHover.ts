import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import type { AnalysisResult } from '../analyze';
import { classifyImage, describeImageFacts } from '../images';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../settings';
import { computeStageFacts, type StageFacts } from '../stageFacts';
import type { Stage, StageGraph, StageReference } from '../stageModel';
import { reachableStages, resolveTargetStage } from '../stageReachability';
import { onLinesOf, touches } from './ranges';
import { occurrenceAt, referencedStageIndex, type StageOccurrence } from './stageOccurrences';

const KIND_LABELS: Readonly<Record<StageReference['kind'], string>> = {
  copy: 'COPY --from',
  mount: 'RUN --mount from=',
  from: 'FROM',
};

/**
 * What a stage is, for a hover on its name, on any reference to it, or anywhere on its FROM line: its
 * base image and what the image knowledge says about its C library and release, its platform, the
 * stages it copies from and the stages that use it, and whether the build target needs it. Undefined
 * when the cursor is on none of these, so a general hover can answer instead.
 */
export function stageHover(
  result: AnalysisResult,
  position: Position,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
): Hover | undefined {
  const { graph } = result;
  const occurrence = occurrenceAt(graph, position);
  const stage = occurrence
    ? graph.stages[occurrence.stageIndex]
    : graph.stages.find((candidate) => onLinesOf(candidate.fromRange, position));
  if (!stage) {
    return imageReferenceHover(graph, position, settings);
  }
  const lines = [
    ...(occurrence ? occurrenceNote(graph, occurrence) : []),
    ...describeStage(graph, stage, settings),
  ];
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') },
    range: occurrence?.range ?? fromLineRange(stage, position),
  };
}

/** The markdown lines that describe a stage, shared by the hover and anything else that explains one. */
export function describeStage(graph: StageGraph, stage: Stage, settings: AnalysisSettings): string[] {
  const facts = computeStageFacts(graph, settings)[stage.index];
  const lines = [`**${stageTitle(stage)}** · stage ${stage.index} · line ${stage.fromRange.start.line + 1}`];
  if (facts) {
    lines.push(...describeBase(graph, stage, facts));
  }
  const inputs = dependencies(graph, stage);
  if (inputs.length > 0) {
    lines.push(`Uses: ${inputs.join(', ')}`);
  }
  const users = dependents(graph, stage);
  lines.push(users.length > 0 ? `Used by: ${users.join(', ')}` : 'Used by no other stage');
  lines.push(describeReachability(graph, stage, settings));
  if (facts && facts.image.libc !== 'unknown') {
    lines.push(`*Image facts: ${facts.image.source}*`);
  }
  return lines;
}

function stageTitle(stage: Stage): string {
  return stage.name === undefined ? `Unnamed stage` : `Stage \`${stage.name}\``;
}

function describeBase(graph: StageGraph, stage: Stage, facts: StageFacts): string[] {
  const lines: string[] = [];
  if (facts.inheritsFrom !== undefined) {
    const chain = facts.chain.slice(1).map((index) => `\`${stageName(graph.stages[index])}\``);
    lines.push(`Built from ${chain.join(' → ')}, on \`${facts.imageReference ?? 'an unknown image'}\``);
  } else if (stage.base !== undefined) {
    const expanded =
      stage.baseExpanded !== undefined && stage.baseExpanded !== stage.base
        ? ` (\`${stage.baseExpanded}\`)`
        : '';
    lines.push(`Base image: \`${stage.base}\`${expanded}`);
  } else {
    lines.push('No base image yet');
  }
  lines.push(
    facts.image.libc === 'unknown'
      ? `C library: unknown (${facts.image.source})`
      : `C library: ${describeImageFacts(facts.image)}`,
  );
  if (facts.platform !== undefined) {
    const inherited =
      facts.platformStage !== undefined && facts.platformStage !== stage.index
        ? ` (from \`${stageName(graph.stages[facts.platformStage])}\`)`
        : '';
    lines.push(`Platform: \`${facts.platform}\`${inherited}`);
  }
  return lines;
}

/** The stages this one builds on, copies from or mounts, each once, in file order. */
function dependencies(graph: StageGraph, stage: Stage): string[] {
  const seen = new Map<number, Set<string>>();
  for (const reference of graph.references) {
    const target = referencedStageIndex(reference);
    if (reference.fromStageIndex === stage.index && target !== undefined && target !== stage.index) {
      const kinds = seen.get(target) ?? new Set<string>();
      kinds.add(KIND_LABELS[reference.kind]);
      seen.set(target, kinds);
    }
  }
  return [...seen.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, kinds]) => `\`${stageName(graph.stages[index])}\` (${[...kinds].join(', ')})`);
}

/** The stages that use this one, with how and on which lines. */
function dependents(graph: StageGraph, stage: Stage): string[] {
  const users = new Map<number, string[]>();
  for (const reference of graph.references) {
    if (referencedStageIndex(reference) === stage.index && reference.fromStageIndex !== stage.index) {
      const list = users.get(reference.fromStageIndex) ?? [];
      list.push(`${KIND_LABELS[reference.kind]}, line ${reference.valueRange.start.line + 1}`);
      users.set(reference.fromStageIndex, list);
    }
  }
  return [...users.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, uses]) => `\`${stageName(graph.stages[index])}\` (${uses.join('; ')})`);
}

function describeReachability(graph: StageGraph, stage: Stage, settings: AnalysisSettings): string {
  const target = resolveTargetStage(graph, settings.target);
  if (!target) {
    return '';
  }
  const targetLabel = `\`${stageName(target)}\``;
  if (target.index === stage.index) {
    return settings.target === undefined
      ? 'The final stage: `docker build` builds it without `--target`'
      : `The build target (\`dockerfileStages.target\`)`;
  }
  if (reachableStages(graph, target).has(stage.index)) {
    return `Needed to build the target ${targetLabel}`;
  }
  return stage.name === undefined
    ? `Not needed to build the target ${targetLabel}, and without a name it cannot be a \`--target\`: BuildKit skips it`
    : `Not needed to build the target ${targetLabel}: BuildKit builds it only with \`--target ${stage.name}\``;
}

/** What the reference under the cursor says about the stage, when it is not just its name. */
function occurrenceNote(graph: StageGraph, occurrence: StageOccurrence): string[] {
  const stage = graph.stages[occurrence.stageIndex];
  if (occurrence.byIndex) {
    return [`\`${occurrence.written}\` names stage ${occurrence.stageIndex} by its position.`];
  }
  if (occurrence.laterStage && stage) {
    return [
      `BuildKit reads \`${occurrence.written}\` here as an image: \`FROM\` only sees stages defined before it.`,
    ];
  }
  if (occurrence.throughVariable) {
    return [`\`${occurrence.written}\` expands to \`${occurrence.reference?.value ?? ''}\`.`];
  }
  return [];
}

function stageName(stage: Stage | undefined): string {
  if (!stage) {
    return '?';
  }
  return stage.name ?? `stage ${stage.index}`;
}

/** The part of a FROM line under the cursor: the keyword, the base, the name, or the whole instruction. */
function fromLineRange(stage: Stage, position: Position): Range {
  for (const range of [stage.fromKeywordRange, stage.baseRange, stage.platform?.range]) {
    if (range && touches(range, position)) {
      return range;
    }
  }
  return stage.fromRange;
}

/**
 * A hover on `COPY --from=<image>` or a mount's `from=<image>`: no stage has that name, so BuildKit pulls
 * the image; say so, with what the image knowledge says about its C library.
 */
function imageReferenceHover(
  graph: StageGraph,
  position: Position,
  settings: AnalysisSettings,
): Hover | undefined {
  const reference = graph.references.find(
    (candidate) =>
      candidate.kind !== 'from' &&
      candidate.resolution.type === 'image' &&
      touches(candidate.valueRange, position),
  );
  if (!reference || reference.resolution.type !== 'image') {
    return undefined;
  }
  const image = reference.resolution.image;
  const facts = classifyImage(image, settings.images);
  const lines = [
    `**\`${image}\`** · image`,
    `No stage has this name, so BuildKit pulls the image and ${KIND_LABELS[reference.kind]} reads from it.`,
    facts.libc === 'unknown'
      ? `C library: unknown (${facts.source})`
      : `C library: ${describeImageFacts(facts)}`,
  ];
  if (facts.libc !== 'unknown') {
    lines.push(`*Image facts: ${facts.source}*`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: reference.valueRange };
}
