/**
 * Helpers for fix tests: find a rule's fix on a text, apply it, and check that the finding it was
 * offered for is gone without any new error appearing.
 */
import assert from 'node:assert/strict';
import { analyze, type AnalysisResult } from '../../../server/src/analysis/analyze';
import type { Finding } from '../../../server/src/analysis/findings';
import { applyEdits, fixesFor, type Fix, type FixContext } from '../../../server/src/analysis/fixes';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../server/src/analysis/settings';

export function contextFor(text: string, settings: AnalysisSettings = DEFAULT_SETTINGS): FixContext {
  return { text, analysis: analyze(text, settings), settings };
}

/** The fixes offered for the first finding of `ruleId` (or the one on `line`). */
export function fixesOf(
  text: string,
  ruleId: string,
  line?: number,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
): { finding: Finding; fixes: Fix[]; context: FixContext } {
  const context = contextFor(text, settings);
  const finding = context.analysis.findings.find(
    (candidate) => candidate.ruleId === ruleId && (line === undefined || candidate.range.start.line === line),
  );
  assert.ok(finding, `expected a ${ruleId} finding${line === undefined ? '' : ` on line ${line}`}`);
  return { finding, fixes: fixesFor(finding, context), context };
}

/** Applies the fix titled `title` for the first `ruleId` finding and returns the new text. */
export function applyFix(
  text: string,
  ruleId: string,
  title: string,
  line?: number,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
): string {
  const { fixes } = fixesOf(text, ruleId, line, settings);
  const fix = fixes.find((candidate) => candidate.title === title);
  assert.ok(fix, `no fix "${title}"; offered: ${fixes.map((candidate) => candidate.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}

function errorCounts(result: AnalysisResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of result.findings) {
    if (finding.severity === 'error') {
      counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * After a fix: the rule reports fewer findings than before, no rule reports more errors than before,
 * nothing failed, and the text still parses.
 */
export function assertResolved(
  before: string,
  after: string,
  ruleId: string,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
): void {
  const old = analyze(before, settings);
  const fixed = analyze(after, settings);
  assert.equal(fixed.parsed.parseError, undefined);
  assert.deepEqual(fixed.failures, []);
  const count = (result: AnalysisResult) =>
    result.findings.filter((finding) => finding.ruleId === ruleId).length;
  assert.ok(count(fixed) < count(old), `${ruleId} should report less after the fix`);
  const oldErrors = errorCounts(old);
  for (const [rule, errors] of errorCounts(fixed)) {
    assert.ok(errors <= (oldErrors.get(rule) ?? 0), `the fix introduced a ${rule} error`);
  }
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
