import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../analysis/findings';
import { ruleDocUrl } from '../analysis/rules';

export const DIAGNOSTIC_SOURCE = 'dockerfile-stages';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as an LSP diagnostic: the rule id is the code and links to its documentation. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.tags?.includes('unnecessary')) {
    diagnostic.tags = [DiagnosticTag.Unnecessary];
  }
  if (finding.data !== undefined) {
    diagnostic.data = finding.data;
  }
  return diagnostic;
}
