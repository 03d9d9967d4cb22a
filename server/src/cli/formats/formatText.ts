import type { FileReport } from './fileReport';

/** Compiler-style lines, `file:line:col: severity Rule: message`, with 1-based line and column. */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const { file, findings } of reports) {
    for (const finding of findings) {
      const { line, character } = finding.range.start;
      lines.push(
        `${file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.ruleId}: ${finding.message}`,
      );
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
