import type { Severity } from '../../analysis/findings';
import type { Rule } from '../../analysis/rules/rule';
import { RULES_DOC_URL, ruleDocUrl } from '../../analysis/rules';
import type { FileReport } from './fileReport';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: relative artifact URIs against %SRCROOT%, 1-based
 * regions (columns in UTF-16 code units, SARIF's default and the same unit as LSP), and rule metadata.
 */
export function formatSarif(reports: readonly FileReport[], rules: readonly Rule[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = reports.flatMap(({ file, findings }) =>
    findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toRelativeUri(file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: finding.range.start.line + 1,
              startColumn: finding.range.start.character + 1,
              endLine: finding.range.end.line + 1,
              endColumn: finding.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockerfile-stages',
            version,
            informationUri: RULES_DOC_URL,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocUrl(rule.id),
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** Forward slashes, no leading `./`, each segment percent-encoded: what a SARIF `uri` expects. */
function toRelativeUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
