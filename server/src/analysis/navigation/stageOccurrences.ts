import type { Position, Range } from 'vscode-languageserver-types';
import type { ReferenceKind, Stage, StageGraph, StageReference } from '../stageModel';
import { compareRanges, touches } from './ranges';

/** Where a stage is named: its `AS name`, or a reference to it. */
export type OccurrenceKind = 'definition' | ReferenceKind;

/** One place in the file that names a stage, by name or by numeric index. */
export interface StageOccurrence {
  readonly kind: OccurrenceKind;
  readonly stageIndex: number;
  readonly range: Range;
  /** The text in the editor at `range` (for `FROM ${BASE}` that is the variable, not the expanded name). */
  readonly written: string;
  /** `COPY --from=0`: the stage is named by its position, not its name. */
  readonly byIndex: boolean;
  /** `FROM ${BASE}` resolving to a stage: the range holds a variable, not the name. */
  readonly throughVariable: boolean;
  /**
   * `FROM <name>` naming the current or a later stage: BuildKit reads it as an image, but the writer
   * meant the stage, so navigation still follows it (ForwardStageReference reports the problem).
   */
  readonly laterStage: boolean;
  /** The reference itself, for everything but the definition. */
  readonly reference?: StageReference;
}

/** The stage a reference points at, by name, by index, or as a later stage FROM cannot see. */
export function referencedStageIndex(reference: StageReference): number | undefined {
  const { resolution } = reference;
  return resolution.type === 'stage' || resolution.type === 'laterStage' ? resolution.stageIndex : undefined;
}

/** The occurrence a definition makes: the `AS` name. Unnamed stages have none. */
export function definitionOccurrence(stage: Stage): StageOccurrence | undefined {
  if (!stage.nameRange || stage.name === undefined) {
    return undefined;
  }
  return {
    kind: 'definition',
    stageIndex: stage.index,
    range: stage.nameRange,
    written: stage.name,
    byIndex: false,
    throughVariable: false,
    laterStage: false,
  };
}

export function referenceOccurrence(
  graph: StageGraph,
  reference: StageReference,
): StageOccurrence | undefined {
  const stageIndex = referencedStageIndex(reference);
  if (stageIndex === undefined) {
    return undefined;
  }
  const written =
    reference.kind === 'from'
      ? (graph.stages[reference.fromStageIndex]?.base ?? reference.value)
      : reference.value;
  return {
    kind: reference.kind,
    stageIndex,
    range: reference.valueRange,
    written,
    byIndex: reference.resolution.type === 'stage' && reference.resolution.byIndex,
    throughVariable: written !== reference.value,
    laterStage: reference.resolution.type === 'laterStage',
    reference,
  };
}

/** Every place the stage is named: its definition first, then the references in file order. */
export function stageOccurrences(graph: StageGraph, stageIndex: number): StageOccurrence[] {
  const stage = graph.stages[stageIndex];
  if (!stage) {
    return [];
  }
  const references: StageOccurrence[] = [];
  for (const reference of graph.references) {
    const occurrence = referenceOccurrence(graph, reference);
    if (occurrence && occurrence.stageIndex === stageIndex) {
      references.push(occurrence);
    }
  }
  references.sort((a, b) => compareRanges(a.range, b.range));
  const definition = definitionOccurrence(stage);
  return definition ? [definition, ...references] : references;
}

/** The stage name or stage reference under the cursor, if any. */
export function occurrenceAt(graph: StageGraph, position: Position): StageOccurrence | undefined {
  for (const stage of graph.stages) {
    if (stage.nameRange && touches(stage.nameRange, position)) {
      return definitionOccurrence(stage);
    }
  }
  for (const reference of graph.references) {
    if (touches(reference.valueRange, position)) {
      const occurrence = referenceOccurrence(graph, reference);
      if (occurrence) {
        return occurrence;
      }
    }
  }
  return undefined;
}

/**
 * Where "go to definition" lands for a stage: its `AS` name, or the FROM keyword of an unnamed stage
 * reached by index.
 */
export function definitionRange(stage: Stage): Range {
  return stage.nameRange ?? stage.fromKeywordRange;
}
