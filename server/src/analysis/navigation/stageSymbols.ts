import type { Instruction } from 'dockerfile-ast';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { AnalysisResult } from '../analyze';
import { describeImageFacts } from '../images';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../settings';
import { computeStageFacts } from '../stageFacts';
import type { Stage } from '../stageModel';

/** How long an instruction's summary in the outline may get before it is cut with an ellipsis. */
const SUMMARY_LENGTH = 60;

/**
 * The outline: the global ARGs, then one symbol per stage (`build (golang:1.22-alpine)`, with its
 * libc family as detail) holding its instructions as children.
 */
export function stageDocumentSymbols(
  result: AnalysisResult,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
): DocumentSymbol[] {
  const { graph } = result;
  const facts = computeStageFacts(graph, settings);
  const symbols: DocumentSymbol[] = graph.globalArgs.map((arg) => ({
    name: `ARG ${arg.name}`,
    ...(arg.defaultValue === undefined ? {} : { detail: arg.defaultValue }),
    kind: SymbolKind.Variable,
    range: arg.range,
    selectionRange: arg.range,
  }));
  for (const stage of graph.stages) {
    const image = facts[stage.index]?.image;
    symbols.push({
      name: stageLabel(stage),
      ...(image && image.libc !== 'unknown' ? { detail: describeImageFacts(image) } : {}),
      kind: SymbolKind.Class,
      range: stage.range,
      selectionRange: stage.nameRange ?? stage.fromKeywordRange,
      children: stage.instructions
        .slice(1)
        .map((instruction) => instructionSymbol(instruction, graph.escapeChar)),
    });
  }
  return symbols;
}

/** `build (golang:1.22-alpine)`; `stage 2 (alpine:3.20)` when unnamed; no parentheses without a base. */
export function stageLabel(stage: Stage): string {
  const name = stage.name ?? `stage ${stage.index}`;
  return stage.base === undefined ? name : `${name} (${stage.base})`;
}

/**
 * The named stages of one document whose name matches the query, for workspace symbol search across
 * open Dockerfiles. The query matches when its characters appear in order in the name, ignoring case,
 * which is how editors filter symbol lists.
 */
export function stageWorkspaceSymbols(
  uri: string,
  result: AnalysisResult,
  query: string,
): SymbolInformation[] {
  const symbols: SymbolInformation[] = [];
  for (const stage of result.graph.stages) {
    if (stage.name === undefined || !matchesQuery(stage.name, query)) {
      continue;
    }
    symbols.push({
      name: stage.name,
      kind: SymbolKind.Class,
      location: { uri, range: stage.nameRange ?? stage.fromRange },
      ...(stage.base === undefined ? {} : { containerName: stage.base }),
    });
  }
  return symbols;
}

function matchesQuery(name: string, query: string): boolean {
  const lowerName = name.toLowerCase();
  let from = 0;
  for (const ch of query.toLowerCase()) {
    const found = lowerName.indexOf(ch, from);
    if (found < 0) {
      return false;
    }
    from = found + 1;
  }
  return true;
}

const KEYWORD_KINDS: Readonly<Record<string, SymbolKind>> = {
  RUN: SymbolKind.Function,
  CMD: SymbolKind.Function,
  ENTRYPOINT: SymbolKind.Function,
  HEALTHCHECK: SymbolKind.Function,
  COPY: SymbolKind.File,
  ADD: SymbolKind.File,
  ENV: SymbolKind.Variable,
  ARG: SymbolKind.Variable,
  LABEL: SymbolKind.Property,
};

function instructionSymbol(instruction: Instruction, escapeChar: string): DocumentSymbol {
  return {
    name: summarize(instruction, escapeChar),
    kind: KEYWORD_KINDS[instruction.getKeyword()] ?? SymbolKind.Property,
    range: instruction.getRange(),
    selectionRange: instruction.getInstructionRange(),
  };
}

/**
 * The instruction as one line: continuation lines joined (with `\\` or the `# escape=` character), runs of
 * whitespace collapsed, heredoc bodies left out, cut with an ellipsis when long.
 */
function summarize(instruction: Instruction, escapeChar: string): string {
  const pieces: string[] = [];
  for (const line of instruction.getTextContent().split(/\r\n|\r|\n/)) {
    const trimmed = line.trimEnd();
    if (pieces.length > 0 && /^\s*#/.test(trimmed)) {
      continue;
    }
    if (!trimmed.endsWith(escapeChar)) {
      pieces.push(trimmed);
      break;
    }
    pieces.push(trimmed.slice(0, -escapeChar.length));
  }
  const text = pieces.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}
