import type { FileReport } from './fileReport';

/** `[{ file, diagnostics: [{ rule, severity, message, range }] }]` with 0-based LSP positions. */
export function formatJson(reports: readonly FileReport[]): string {
  const output = reports.map(({ file, findings }) => ({
    file,
    diagnostics: findings.map((finding) => ({
      rule: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      range: finding.range,
    })),
  }));
  return `${JSON.stringify(output, null, 2)}\n`;
}
