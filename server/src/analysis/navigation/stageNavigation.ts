import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { StageGraph } from '../stageModel';
import { definitionRange, occurrenceAt, stageOccurrences } from './stageOccurrences';

/**
 * Where the stage named under the cursor is defined: its `AS` name (the FROM keyword for an unnamed stage
 * reached by index). Undefined when the cursor is on no stage name or reference.
 */
export function stageDefinition(graph: StageGraph, position: Position): Range | undefined {
  const occurrence = occurrenceAt(graph, position);
  const stage = occurrence && graph.stages[occurrence.stageIndex];
  return stage ? definitionRange(stage) : undefined;
}

/**
 * Every place that names the stage under the cursor, from its definition or from any reference:
 * `COPY --from`, `RUN --mount from=`, `FROM <stage>` and numeric indexes. Empty when the cursor is on none.
 */
export function stageReferences(graph: StageGraph, position: Position, includeDeclaration: boolean): Range[] {
  const occurrence = occurrenceAt(graph, position);
  if (!occurrence) {
    return [];
  }
  return stageOccurrences(graph, occurrence.stageIndex)
    .filter((candidate) => includeDeclaration || candidate.kind !== 'definition')
    .map((candidate) => candidate.range);
}

/** The stage's name written (the definition) and read (every reference), for the stage under the cursor. */
export function stageHighlights(graph: StageGraph, position: Position): DocumentHighlight[] {
  const occurrence = occurrenceAt(graph, position);
  if (!occurrence) {
    return [];
  }
  return stageOccurrences(graph, occurrence.stageIndex).map((candidate) => ({
    range: candidate.range,
    kind: candidate.kind === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
