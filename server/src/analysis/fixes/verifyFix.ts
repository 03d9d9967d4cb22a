import { analyze, type AnalysisResult } from '../analyze';
import type { Finding } from '../findings';
import type { Fix, FixContext } from './fix';
import { applyEdits } from './textEdits';

/**
 * Keeps the fixes that do what they promise: applied to the text, the finding's rule reports less and
 * no rule reports more errors. The C library and platform fixes rewrite image tags and build flags
 * whose effect depends on the whole stage graph (a .NET runtime identifier can pin the C library
 * whatever the base image), so each candidate is checked by analysing its result.
 */
export function keepResolving(fixes: readonly Fix[], finding: Finding, context: FixContext): Fix[] {
  if (fixes.length === 0) {
    return [];
  }
  const before = context.analysis;
  const kept = fixes.filter((fix) => {
    const after = analyze(applyEdits(context.text, fix.edits), context.settings);
    return count(after, finding.ruleId) < count(before, finding.ruleId) && !moreErrors(before, after);
  });
  // The preferred mark belongs to the first fix that survived when the preferred one did not.
  if (kept.length > 0 && !kept.some((fix) => fix.isPreferred) && fixes.some((fix) => fix.isPreferred)) {
    const [first, ...rest] = kept;
    return first ? [{ ...first, isPreferred: true }, ...rest] : kept;
  }
  return kept;
}

function count(result: AnalysisResult, ruleId: string): number {
  return result.findings.filter((finding) => finding.ruleId === ruleId).length;
}

function moreErrors(before: AnalysisResult, after: AnalysisResult): boolean {
  const errors = (result: AnalysisResult) =>
    result.findings.filter((finding) => finding.severity === 'error').length;
  return errors(after) > errors(before) || after.failures.length > before.failures.length;
}
