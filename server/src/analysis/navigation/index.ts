/** Stage-aware editor features as plain data: which stage is under a cursor, its references, edits, symbols. */
export { stageDefinition, stageHighlights, stageReferences } from './stageNavigation';
export {
  occurrenceAt,
  stageOccurrences,
  type OccurrenceKind,
  type StageOccurrence,
} from './stageOccurrences';
export {
  prepareStageRename,
  renameStage,
  stageNameProblem,
  type RenameOutcome,
  type RenameTarget,
} from './renameStage';
export { stageCompletions } from './stageCompletions';
export { stageDocumentSymbols, stageLabel, stageWorkspaceSymbols } from './stageSymbols';
export { stageFoldingRanges } from './stageFolding';
export { describeStage, stageHover } from './stageHover';
export { stageCodeLenses, type StageLens } from './stageCodeLenses';
