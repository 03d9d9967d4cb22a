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
  const findingsBefore = count(before, finding.ruleId);
  const commandsBefore = packageManagerMismatches(before);
  const kept: { fix: Fix; complete: boolean }[] = [];
  for (const fix of fixes) {
    const after = analyze(applyEdits(context.text, fix.edits), context.settings);
    if (count(after, finding.ruleId) >= findingsBefore || moreErrors(before, after)) {
      continue;
    }
    // What the fix leaves for the user to rewrite: each package manager reported more often than before.
    const leftBehind = [...packageManagerMismatches(after)]
      .filter(([rewrite, n]) => n > (commandsBefore.get(rewrite) ?? 0))
      .map(([rewrite]) => rewrite);
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

/** PackageManagerMismatch findings counted by what rewrites them: `then rewrite its apk commands for apt`. */
function packageManagerMismatches(result: AnalysisResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const found of result.findings) {
    const { found: command, expected } = found.ruleId === 'PackageManagerMismatch' ? (found.data ?? {}) : {};
    if (typeof command === 'string' && typeof expected === 'string') {
      const rewrite = `then rewrite its ${command} commands for ${expected}`;
      counts.set(rewrite, (counts.get(rewrite) ?? 0) + 1);
    }
  }
  return counts;
}

function count(result: AnalysisResult, ruleId: string): number {
  return result.findings.filter((finding) => finding.ruleId === ruleId).length;
}

function moreErrors(before: AnalysisResult, after: AnalysisResult): boolean {
  const errors = (result: AnalysisResult) =>
    result.findings.filter((finding) => finding.severity === 'error').length;
  return errors(after) > errors(before) || after.failures.length > before.failures.length;
}
