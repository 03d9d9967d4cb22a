import { buildStageGraph } from './buildStageGraph';
import { lessSevere, type Finding, type RuleFinding } from './findings';
import { parseDockerfile, type ParsedDockerfile } from './parseDockerfile';
import { ALL_RULES } from './rules';
import type { Rule, RuleContext } from './rules/rule';
import { DEFAULT_SETTINGS, type AnalysisSettings } from './settings';
import { reachableStages, resolveTargetStage } from './stageReachability';
import type { StageGraph } from './stageModel';
import { readSuppressions } from './suppressions';
import { errorDetail } from './errorDetail';

/** A rule that threw: the other rules' findings are still returned. */
export interface RuleFailure {
  readonly ruleId: string;
  readonly message: string;
}

export interface AnalysisResult {
  readonly parsed: ParsedDockerfile;
  readonly graph: StageGraph;
  /** Sorted by position, then rule id. */
  readonly findings: readonly Finding[];
  readonly failures: readonly RuleFailure[];
}

/**
 * The whole analysis: text in, findings out. Pure and total: it reads nothing but its arguments and never
 * throws; a rule that fails is reported in `failures` and the others still run.
 */
export function analyze(
  text: string,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
  rules: readonly Rule[] = ALL_RULES,
): AnalysisResult {
  return analyzeParsed(parseDockerfile(textOrEmpty(text)), settings, rules);
}

/**
 * The text to analyse. Callers outside TypeScript's reach (a malformed LSP message, a JavaScript caller)
 * may pass anything; what is not a string is analysed as an empty file rather than thrown on.
 */
export function textOrEmpty(text: unknown): string {
  return typeof text === 'string' ? text : '';
}

/**
 * The analysis of text that is already parsed: what `analyze` does after parsing. The server's incremental
 * parser hands its trees here, so both paths run the very same graph, rules and suppressions.
 */
export function analyzeParsed(
  parsed: ParsedDockerfile,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
  rules: readonly Rule[] = ALL_RULES,
): AnalysisResult {
  const failures: RuleFailure[] = [];
  let graph: StageGraph;
  try {
    graph = buildStageGraph(parsed, { buildArgs: settings.buildArgs });
  } catch (error) {
    failures.push({ ruleId: 'StageGraph', message: errorDetail(error) });
    graph = { stages: [], globalArgs: [], references: [], escapeChar: '\\' };
  }
  const instructions = parsed.dockerfile?.getInstructions() ?? [];
  const suppressions = readSuppressions(parsed, instructions);
  const target = resolveTargetStage(graph, settings.target);
  const context: RuleContext = { parsed, graph, settings, target, reachable: reachableStages(graph, target) };

  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = settings.rules[rule.id] ?? 'default';
    if (configured === 'off') {
      continue;
    }
    const severity = configured === 'default' ? rule.defaultSeverity : configured;
    const report = (finding: RuleFinding): void => {
      if (!suppressions.isSuppressed(rule.id, finding.range.start.line)) {
        const { lowerTo, ...rest } = finding;
        findings.push({
          ...rest,
          ruleId: rule.id,
          severity: lowerTo === undefined ? severity : lessSevere(severity, lowerTo),
        });
      }
    };
    try {
      rule.check(context, report);
    } catch (error) {
      failures.push({ ruleId: rule.id, message: errorDetail(error) });
    }
  }
  findings.sort(compareFindings);
  return { parsed, graph, findings, failures };
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
