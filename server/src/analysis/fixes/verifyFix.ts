import { analyze, type AnalysisResult } from '../analyze';
import type { Finding } from '../findings';
import type { Fix, FixContext } from './fix';
import { applyEdits } from './textEdits';

/**
 * Keeps the fixes that do what they promise: applied to the text, the finding's rule reports less and
 * no rule reports more errors. The C library and platform fixes rewrite image tags and build flags
 * whose effect depends on the whole stage graph (a .NET runtime identifier can pin the C library
 * whatever the base image), so each candidate is checked by analysing its result.
 *
 * A fix that moves a stage to another distribution leaves that stage's package-manager commands behind
 * (`apk add` on Debian fails the build). Such a fix is still offered, since the C library is the harder
 * half to get right, but its title says what is left to rewrite and it is never the preferred one.
 */
export function keepResolving(fixes: readonly Fix[], finding: Finding, context: FixContext): Fix[] {
  if (fixes.length === 0) {
    return [];
  }
  const before = context.analysis;
  const kept: { fix: Fix; complete: boolean }[] = [];
  for (const fix of fixes) {
    const after = analyze(applyEdits(context.text, fix.edits), context.settings);
    if (count(after, finding.ruleId) >= count(before, finding.ruleId) || moreErrors(before, after)) {
      continue;
    }
    const leftBehind = newPackageManagerCommands(before, after);
    kept.push(
      leftBehind.length === 0
        ? { fix, complete: true }
        : {
            fix: { ...withoutPreferred(fix), title: `${fix.title}, ${leftBehind.join(', ')}` },
            complete: false,
          },
    );
  }
  // The preferred mark belongs to the first complete fix that survived when the preferred one did not.
  const result = kept.map((entry) => entry.fix);
  if (!result.some((fix) => fix.isPreferred) && fixes.some((fix) => fix.isPreferred)) {
    const first = kept.findIndex((entry) => entry.complete);
    const chosen = first >= 0 ? result[first] : undefined;
    if (chosen) {
      result[first] = { ...chosen, isPreferred: true };
    }
  }
  return result;
}

function withoutPreferred(fix: Fix): Fix {
  const { isPreferred: _dropped, ...rest } = fix;
  return rest;
}

/**
 * What a fix leaves for the user to rewrite: `then rewrite its apk commands for apt` for each package
 * manager that PackageManagerMismatch reports more often after the fix than before it.
 */
function newPackageManagerCommands(before: AnalysisResult, after: AnalysisResult): string[] {
  const mismatches = (result: AnalysisResult): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const found of result.findings) {
      const data = found.ruleId === 'PackageManagerMismatch' ? found.data : undefined;
      if (isMismatchData(data)) {
        const key = `then rewrite its ${data.found} commands for ${data.expected}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return counts;
  };
  const earlier = mismatches(before);
  return [...mismatches(after)].filter(([key, n]) => n > (earlier.get(key) ?? 0)).map(([key]) => key);
}

function isMismatchData(data: unknown): data is { found: string; expected: string } {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { found?: unknown }).found === 'string' &&
    typeof (data as { expected?: unknown }).expected === 'string'
  );
}

function count(result: AnalysisResult, ruleId: string): number {
  return result.findings.filter((finding) => finding.ruleId === ruleId).length;
}

function moreErrors(before: AnalysisResult, after: AnalysisResult): boolean {
  const errors = (result: AnalysisResult) =>
    result.findings.filter((finding) => finding.severity === 'error').length;
  return errors(after) > errors(before) || after.failures.length > before.failures.length;
}
