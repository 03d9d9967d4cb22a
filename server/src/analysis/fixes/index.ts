import type { Range } from 'vscode-languageserver-types';
import { analyze, type AnalysisResult } from '../analyze';
import type { Finding } from '../findings';
import type { AnalysisSettings } from '../settings';
import { duplicateStageNameFixes } from './duplicateStageName';
import type { Fix, FixContext, FixProvider, TextEdit } from './fix';
import { forwardStageReferenceFixes } from './forwardStageReference';
import { fromAsCasingFixes } from './fromAsCasing';
import { glibcVersionSkewFixes } from './glibcVersionSkew';
import { ignoreForInstruction, ignoreInFile } from './ignoreFixes';
import { invalidStageNameFixes } from './invalidStageName';
import { libcMismatchFixes } from './libcMismatch';
import { platformArgOverrideFixes } from './platformArgOverride';
import { platformMismatchFixes } from './platformMismatch';
import { reservedStageNameFixes } from './reservedStageName';
import { nameAllStages, stageIndexReferenceFixes } from './stageIndexReference';
import { stageNameCasingFixes } from './stageNameCasing';
import { applyEdits, diffEdits, offsetAt, rangesOverlap } from './textEdits';
import { splitIntoStagesRefactoring, toolchainInFinalStageFixes } from './toolchainInFinalStage';
import { unknownStageReferenceFixes } from './unknownStageReference';
import { unusedStageFixes } from './unusedStage';
import { variableStageReferenceFixes } from './variableStageReference';

export type { Fix, FixContext, FixKind, FixProvider, TextEdit } from './fix';
export { applyEdits } from './textEdits';

/** The quick fixes of each rule: one line per provider, one file per provider. */
export const FIX_PROVIDERS: readonly FixProvider[] = [
  duplicateStageNameFixes,
  reservedStageNameFixes,
  invalidStageNameFixes,
  stageNameCasingFixes,
  fromAsCasingFixes,
  unknownStageReferenceFixes,
  forwardStageReferenceFixes,
  stageIndexReferenceFixes,
  variableStageReferenceFixes,
  unusedStageFixes,
  toolchainInFinalStageFixes,
  libcMismatchFixes,
  glibcVersionSkewFixes,
  platformArgOverrideFixes,
  platformMismatchFixes,
];

/**
 * A refactoring or source action offered without a diagnostic, for the range the editor asks about (the
 * cursor or selection): "Name all stages", "Split into build and runtime stages"...
 */
export interface RefactoringProvider {
  readonly id: string;
  refactorings(context: FixContext, range: Range): readonly Fix[];
}

export const REFACTORING_PROVIDERS: readonly RefactoringProvider[] = [
  { id: 'nameAllStages', refactorings: (context) => optional(nameAllStages(context)) },
  splitIntoStagesRefactoring,
];

/**
 * Every fix for a finding: its rule's fixes first, then "Ignore <Rule> for this instruction" and "Ignore
 * <Rule> in this file". A provider that throws costs only its own fixes, as a failing rule costs only its
 * own findings.
 */
export function fixesFor(finding: Finding, context: FixContext): Fix[] {
  const fixes: Fix[] = [];
  for (const provider of FIX_PROVIDERS) {
    if (provider.ruleId !== finding.ruleId) {
      continue;
    }
    try {
      fixes.push(...provider.fixes(finding, context));
    } catch {
      // A broken provider must not take the ignore fixes or the other providers down with it.
    }
  }
  try {
    fixes.push(...optional(ignoreForInstruction(finding, context)), ignoreInFile(finding, context));
  } catch {
    // Same as above: the ignore fixes are extras.
  }
  return fixes.map((fix) => withoutNoOpEdits(fix, context.text)).filter(isApplicable);
}

/** The refactorings and source actions for a range, from every registered provider. */
export function refactoringsAt(context: FixContext, range: Range): Fix[] {
  const fixes: Fix[] = [];
  for (const provider of REFACTORING_PROVIDERS) {
    try {
      fixes.push(...provider.refactorings(context, range));
    } catch {
      // A broken refactoring is simply not offered.
    }
  }
  return fixes.map((fix) => withoutNoOpEdits(fix, context.text)).filter(isApplicable);
}

/** Enough rounds for every safe finding of a large file; each round applies at least one fix. */
const MAX_FIX_ALL_ROUNDS = 200;

/**
 * Fix-all (`source.fixAll.dockerfile-stages`, e.g. on save): applies the `safe` fixes until none is left
 * and returns the edits from `text` to the result. Each round applies at most one fix per rule, none
 * overlapping another, then analyses again: fixes of one rule can depend on each other (two stages named
 * in the same round would both pick `build`). Running fix-all on its own result changes nothing.
 */
export function fixAll(text: string, analysis: AnalysisResult, settings: AnalysisSettings): TextEdit[] {
  let current = text;
  let currentAnalysis = analysis;
  const seen = new Set<string>([text]);
  for (let round = 0; round < MAX_FIX_ALL_ROUNDS; round++) {
    const context: FixContext = { text: current, analysis: currentAnalysis, settings };
    const chosen = chooseSafeFixes(currentAnalysis.findings, context);
    if (chosen.length === 0) {
      break;
    }
    const next = applyEdits(
      current,
      chosen.flatMap((fix) => fix.edits),
    );
    if (seen.has(next)) {
      break;
    }
    seen.add(next);
    current = next;
    currentAnalysis = analyze(current, settings);
  }
  return diffEdits(text, current);
}

function chooseSafeFixes(findings: readonly Finding[], context: FixContext): Fix[] {
  const chosen: Fix[] = [];
  const rules = new Set<string>();
  for (const finding of findings) {
    if (rules.has(finding.ruleId)) {
      continue;
    }
    const fix = fixesFor(finding, context).find((candidate) => candidate.safe);
    const overlaps =
      fix !== undefined &&
      chosen.some((other) => other.edits.some((a) => fix.edits.some((b) => rangesOverlap(a.range, b.range))));
    if (fix && !overlaps) {
      chosen.push(fix);
      rules.add(finding.ruleId);
    }
  }
  return chosen;
}

/** Drops edits that would write what is already there, so a fix touches only what it changes. */
function withoutNoOpEdits(fix: Fix, text: string): Fix {
  const edits = fix.edits.filter(
    (edit) => text.slice(offsetAt(text, edit.range.start), offsetAt(text, edit.range.end)) !== edit.newText,
  );
  return edits.length === fix.edits.length ? fix : { ...fix, edits };
}

function isApplicable(fix: Fix): boolean {
  if (fix.edits.length === 0) {
    return false;
  }
  // Ranges of one fix never overlap (the contract in fix.ts); a fix that breaks it is not offered.
  return fix.edits.every((a, i) => fix.edits.every((b, j) => i === j || !rangesOverlap(a.range, b.range)));
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
