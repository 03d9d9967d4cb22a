import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { VALID_STAGE_NAME } from '../rules/invalidStageName';
import { RESERVED_STAGE_NAMES } from '../rules/reservedStageName';
import type { Stage, StageGraph } from '../stageModel';
import { occurrenceAt, stageOccurrences, type StageOccurrence } from './stageOccurrences';

/** What the editor may offer to rename: the range under the cursor and the current name. */
export interface RenameTarget {
  readonly range: Range;
  readonly placeholder: string;
}

/** Either an answer or a sentence that says why there is none, for the editor to show. */
export type RenameOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/**
 * Whether the stage under the cursor can be renamed. Undefined when the cursor is on no stage name or
 * reference (nothing to rename there); a message when it is on one that cannot be renamed.
 */
export function prepareStageRename(
  graph: StageGraph,
  position: Position,
): RenameOutcome<RenameTarget> | undefined {
  const occurrence = occurrenceAt(graph, position);
  if (!occurrence) {
    return undefined;
  }
  const stage = graph.stages[occurrence.stageIndex];
  if (!stage || stage.name === undefined) {
    return {
      ok: false,
      message: `Stage ${occurrence.stageIndex} has no name to rename; give it one with 'AS <name>' first.`,
    };
  }
  const blocked = variableReference(graph, stage);
  if (blocked) {
    return { ok: false, message: variableMessage(stage, blocked) };
  }
  return { ok: true, value: { range: occurrence.range, placeholder: stage.name } };
}

/**
 * The edits that rename the stage under the cursor: its `AS` name and every reference by name. Numeric
 * references keep pointing at the stage and stay as they are. Each reference keeps its casing style:
 * one written like the definition gets the new name as typed, a lowercase or uppercase one gets it
 * lowercased or uppercased, and a `FROM <stage>` always gets it lowercased, since FROM only matches
 * lowercased names. Refuses names BuildKit would reject and names another stage already has.
 */
export function renameStage(
  graph: StageGraph,
  position: Position,
  requested: string,
): RenameOutcome<TextEdit[]> {
  const prepared = prepareStageRename(graph, position);
  if (!prepared) {
    return { ok: false, message: 'Place the cursor on a stage name or a reference to a stage to rename it.' };
  }
  if (!prepared.ok) {
    return prepared;
  }
  const stage = graph.stages[occurrenceAt(graph, position)?.stageIndex ?? -1];
  const newName = requested.trim();
  const problem = stageNameProblem(graph, stage, newName);
  if (problem) {
    return { ok: false, message: problem };
  }
  const edits: TextEdit[] = [];
  for (const occurrence of stageOccurrences(graph, stage.index)) {
    if (occurrence.byIndex) {
      continue;
    }
    const newText = inCasingStyleOf(occurrence, stage.name ?? '', newName);
    if (newText !== occurrence.written) {
      edits.push({ range: occurrence.range, newText });
    }
  }
  return { ok: true, value: edits };
}

/** Why BuildKit would not accept `newName` for this stage, or undefined when it would. */
export function stageNameProblem(graph: StageGraph, stage: Stage, newName: string): string | undefined {
  const lower = newName.toLowerCase();
  if (newName === '') {
    return 'A stage name cannot be empty.';
  }
  if (RESERVED_STAGE_NAMES.has(lower)) {
    return `'${newName}' is reserved by BuildKit and cannot name a stage; choose another name.`;
  }
  if (!VALID_STAGE_NAME.test(lower)) {
    return `'${newName}' is not a valid stage name: a name must start with a letter and use only letters, digits, '-', '_' and '.'.`;
  }
  const other = graph.stages.find(
    (candidate) => candidate.index !== stage.index && candidate.nameLower === lower,
  );
  if (other) {
    return `Stage ${other.index} on line ${other.fromRange.start.line + 1} is already named '${other.name ?? newName}'; stage names must be unique, whatever their case.`;
  }
  const captured = graph.references.find(
    (reference) =>
      reference.resolution.type === 'image' &&
      (reference.kind === 'from'
        ? reference.value === lower && reference.fromStageIndex > stage.index
        : reference.value.toLowerCase() === lower),
  );
  if (captured) {
    // BuildKit resolves names before images, so the rename would silently redirect that reference.
    return `'${captured.value}' on line ${captured.valueRange.start.line + 1} names an image; a stage called '${newName}' would take its place there.`;
  }
  return undefined;
}

function inCasingStyleOf(occurrence: StageOccurrence, definitionName: string, newName: string): string {
  if (occurrence.kind === 'from') {
    return newName.toLowerCase();
  }
  const written = occurrence.written;
  if (written === definitionName || occurrence.kind === 'definition') {
    return newName;
  }
  if (written === written.toLowerCase()) {
    return newName.toLowerCase();
  }
  if (written === written.toUpperCase()) {
    return newName.toUpperCase();
  }
  return newName;
}

/** A `FROM ${BASE}` that reaches the stage through a variable: renaming would have to edit the ARG instead. */
function variableReference(graph: StageGraph, stage: Stage): StageOccurrence | undefined {
  return stageOccurrences(graph, stage.index).find((occurrence) => occurrence.throughVariable);
}

function variableMessage(stage: Stage, occurrence: StageOccurrence): string {
  return `Stage '${stage.name ?? ''}' is also named through '${occurrence.written}' on line ${occurrence.range.start.line + 1}, which a rename cannot follow; change that build argument by hand.`;
}
