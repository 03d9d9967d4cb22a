import type { Range } from 'vscode-languageserver-types';

/** How serious a finding is; mirrors LSP's four diagnostic severities by name. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A setting value for a rule: a severity, `off`, or `default` (the rule's own severity). */
export type SeveritySetting = Severity | 'off' | 'default';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = [
  'off',
  'hint',
  'information',
  'warning',
  'error',
  'default',
];

/** Extra editor hints a finding may carry, as LSP diagnostic tags do. */
export type FindingTag = 'unnecessary';

/** One problem found in a Dockerfile: what the LSP server and the CLI both report. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly tags?: readonly FindingTag[];
  /** Rule-specific facts that quick fixes and hovers read back (for example the suggested stage name). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * What a rule hands to `report`: the severity is filled in from settings afterwards. `lowerTo` lets a
 * rule soften one finding (for example when a mitigation is present); it never raises the configured
 * severity.
 */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'> & { readonly lowerTo?: Severity };

/** Severities from most to least serious. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** The less serious of two severities. */
export function lessSevere(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER.indexOf(a) >= SEVERITY_ORDER.indexOf(b) ? a : b;
}
