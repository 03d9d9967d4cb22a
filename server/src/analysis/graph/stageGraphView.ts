import type { ModifiableInstruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { AnalysisResult } from '../analyze';
import type { Severity } from '../findings';
import { describeImageFacts, type ImageFacts, type LibcFamily } from '../images';
import type { StageReference } from '../stageModel';

/**
 * The stage graph as a picture wants it: one node per stage and per external image used by
 * `COPY --from=<image>`, one edge per reference. The webview, the Mermaid and the DOT output all draw
 * from this one model, so the editor and CI show the same graph.
 */
export interface StageGraphView {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface GraphNode {
  /** `stage:<index>` or `image:<reference>`; stable while the stage keeps its index. */
  readonly id: string;
  readonly kind: 'stage' | 'image';
  /** The stage name, `stage <index>` for unnamed stages, or the image reference. */
  readonly label: string;
  readonly stageIndex?: number;
  /** The base image as written in FROM (stages only). */
  readonly base?: string;
  /** A libc badge such as `musl · alpine 3.20`, `glibc 2.36 · debian 12` or `no libc`; absent when unknown. */
  readonly libc?: string;
  /** The C-library family behind the badge; absent when unknown. */
  readonly libcFamily?: Exclude<LibcFamily, 'unknown'>;
  /** The `--platform` value as written, when the stage pins one. */
  readonly platform?: string;
  /** The stage that is built (`--target`, else the last one). */
  readonly isTarget: boolean;
  /** A stage the target does not need: it is only built with `--target`. */
  readonly unused: boolean;
  /** Where to reveal the node in the editor: the FROM instruction, or the first reference to the image. */
  readonly range: Range;
}

/** A finding carried by an edge; mismatch edges are drawn in the warning colour with this message. */
export interface EdgeProblem {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface GraphEdge {
  readonly id: string;
  /** The node the content comes from (the stage copied from, the image, or the inherited stage). */
  readonly from: string;
  /** The stage that uses it. */
  readonly to: string;
  readonly kind: 'from' | 'copy' | 'mount';
  /** The copied paths, shortened for display; empty for `FROM <stage>` edges. */
  readonly label: string;
  /** The reference value in the editor: clicking the edge reveals it. */
  readonly range: Range;
  /** True when a libc, glibc-version or platform finding sits on this reference. */
  readonly mismatch: boolean;
  readonly problems: readonly EdgeProblem[];
}

/** The rules whose findings on a reference mean the edge itself is the problem. */
export const MISMATCH_RULES: ReadonlySet<string> = new Set([
  'LibcMismatch',
  'GlibcVersionSkew',
  'PlatformMismatch',
]);

const MAX_LABEL_LENGTH = 40;

/** Builds the view from an analysis; `imageFacts(stageIndex)` supplies each stage's (inherited) image facts. */
export function buildStageGraphView(
  analysis: AnalysisResult,
  imageFacts: (stageIndex: number) => ImageFacts | undefined,
  reachable: ReadonlySet<number>,
  targetIndex: number | undefined,
): StageGraphView {
  const { graph, findings } = analysis;
  const nodes: GraphNode[] = graph.stages.map((stage) => {
    const facts = imageFacts(stage.index);
    return {
      id: stageNodeId(stage.index),
      kind: 'stage',
      label: stage.name ?? `stage ${stage.index}`,
      stageIndex: stage.index,
      base: stage.base,
      libc: facts && facts.libc !== 'unknown' ? describeImageFacts(facts) : undefined,
      libcFamily: facts && facts.libc !== 'unknown' ? facts.libc : undefined,
      platform: stage.platform?.value,
      isTarget: stage.index === targetIndex,
      unused: !reachable.has(stage.index),
      range: stage.fromRange,
    };
  });

  const imageNodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  graph.references.forEach((reference, position) => {
    let from: string;
    if (reference.resolution.type === 'stage') {
      from = stageNodeId(reference.resolution.stageIndex);
    } else if (reference.resolution.type === 'image' && reference.kind !== 'from') {
      // `FROM alpine` is the stage's base, shown on the node; only images copied from become nodes.
      const image = reference.resolution.image;
      from = `image:${image}`;
      if (!imageNodes.has(from)) {
        imageNodes.set(from, {
          id: from,
          kind: 'image',
          label: image,
          isTarget: false,
          unused: false,
          range: reference.valueRange,
        });
      }
    } else {
      return;
    }
    const problems = findings
      .filter((finding) => sameRange(finding.range, reference.valueRange))
      .map((finding) => ({ ruleId: finding.ruleId, severity: finding.severity, message: finding.message }));
    edges.push({
      id: `edge:${position}`,
      from,
      to: stageNodeId(reference.fromStageIndex),
      kind: reference.kind,
      label: edgeLabel(reference),
      range: reference.valueRange,
      mismatch: problems.some((problem) => MISMATCH_RULES.has(problem.ruleId)),
      problems,
    });
  });
  return { nodes: [...nodes, ...imageNodes.values()], edges };
}

export function stageNodeId(index: number): string {
  return `stage:${index}`;
}

/** The source paths of a COPY (all arguments but the destination), or the mount target, shortened. */
function edgeLabel(reference: StageReference): string {
  if (reference.kind === 'from') {
    return '';
  }
  let text: string;
  if (reference.kind === 'copy') {
    const args = reference.instruction.getArguments().map((argument) => argument.getValue());
    text = args.slice(0, -1).join(' ');
  } else {
    text = 'mount';
    const instruction = reference.instruction as Partial<ModifiableInstruction>;
    for (const flag of instruction.getFlags?.() ?? []) {
      // A RUN may carry several mounts: label the edge with the one whose `from=` is this reference.
      const options = flag.getOptions();
      const fromOption = options.find((candidate) => candidate.getName().toLowerCase() === 'from');
      const option = options.find((candidate) =>
        ['target', 'dst', 'destination'].includes(candidate.getName().toLowerCase()),
      );
      if (
        flag.getName().toLowerCase() === 'mount' &&
        fromOption?.getValue() === reference.value &&
        option?.getValue()
      ) {
        text = `mount ${option.getValue()}`;
        break;
      }
    }
  }
  return text.length > MAX_LABEL_LENGTH ? `${text.slice(0, MAX_LABEL_LENGTH - 1)}…` : text;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
