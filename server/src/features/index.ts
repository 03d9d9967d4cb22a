import { codeActionsFeature } from './codeActions';
import { codeLensFeature } from './codeLens';
import { completionFeature } from './completion';
import { definitionFeature } from './definition';
import { documentHighlightFeature } from './documentHighlight';
import { documentSymbolsFeature } from './documentSymbols';
import type { Feature } from './feature';
import { foldingRangesFeature } from './foldingRanges';
import { hoverFeature } from './hover';
import { inlayHintsFeature } from './inlayHints';
import { generalLanguageFeatures } from './languageService';
import { referencesFeature } from './references';
import { renameFeature } from './rename';
import { stageGraphFeature } from './stageGraph';
import { workspaceSymbolsFeature } from './workspaceSymbols';

/** Every LSP feature the server offers besides diagnostics, in registration order. */
export const FEATURES: readonly Feature[] = [
  stageGraphFeature,
  definitionFeature,
  referencesFeature,
  documentHighlightFeature,
  renameFeature,
  completionFeature,
  documentSymbolsFeature,
  workspaceSymbolsFeature,
  foldingRangesFeature,
  hoverFeature,
  codeLensFeature,
  inlayHintsFeature,
  codeActionsFeature,
  generalLanguageFeatures,
];
