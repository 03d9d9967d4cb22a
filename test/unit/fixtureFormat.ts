/**
 * Fixture Dockerfiles carry their expectations as comments under the offending line:
 *
 *   FROM golang:1.22 AS Build
 *   #                   ^^^^^ warning StageNameCasing: should be lowercase
 *
 * The carets mark the exact columns of the line above; a line starting `#^` counts the `#` as a caret too,
 * so a range can start at column 0. The text after the rule id, if any, must occur in the message. Annotation lines are removed before the analysis runs, so they never shift positions.
 * A first line `# fixture-settings: {...}` passes AnalysisSettings fields (for example a target).
 */
import type { Range } from 'vscode-languageserver-types';
import type { Severity } from '../../server/src/analysis/findings';
import type { AnalysisSettings } from '../../server/src/analysis/settings';

export interface ExpectedFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly messagePart: string | undefined;
}

export interface Fixture {
  readonly text: string;
  readonly expected: readonly ExpectedFinding[];
  readonly settings: Partial<AnalysisSettings>;
}

const ANNOTATION = /^\s*#(\s*)(\^+)\s+(error|warning|information|hint)\s+([A-Za-z]+)(?::\s*(.*))?$/;
const SETTINGS = /^# fixture-settings:\s*(\{.*\})\s*$/;

export function parseFixture(source: string): Fixture {
  const lines = source.split('\n');
  let settings: Partial<AnalysisSettings> = {};
  const settingsMatch = SETTINGS.exec(lines[0] ?? '');
  if (settingsMatch) {
    settings = JSON.parse(settingsMatch[1]) as Partial<AnalysisSettings>;
    lines.shift();
  }
  const kept: string[] = [];
  const expected: ExpectedFinding[] = [];
  for (const line of lines) {
    const match = ANNOTATION.exec(line);
    if (!match) {
      kept.push(line);
      continue;
    }
    const target = kept.length - 1;
    const caret = line.indexOf('^');
    const start = line.startsWith('#^') ? 0 : caret;
    const length = line.startsWith('#^') ? match[2].length + 1 : match[2].length;
    expected.push({
      ruleId: match[4],
      severity: match[3] as Severity,
      range: {
        start: { line: target, character: start },
        end: { line: target, character: start + length },
      },
      messagePart: match[5]?.trim() || undefined,
    });
  }
  return { text: kept.join('\n'), expected, settings };
}

/** The same fixture with CRLF line endings; positions do not change. */
export function toCrlf(fixture: Fixture): Fixture {
  return { ...fixture, text: fixture.text.replace(/\r?\n/g, '\r\n') };
}

const INSTRUCTION_LINE = /^([A-Za-z]+)([ \t]+)(\S.*)$/;
const ESCAPE_DIRECTIVE = /^#\s*escape\s*=\s*(\S)/i;

/**
 * The same fixture with every single-line instruction broken after its keyword by a line continuation
 * (`COPY \` + newline + `  --from=build ...`), expected positions moved with the text. Files with
 * heredocs or multi-line instructions are returned unchanged, since their line structure is the point.
 */
export function toContinuationForm(fixture: Fixture): Fixture | undefined {
  const lines = fixture.text.split('\n');
  if (lines.some((line) => line.includes('<<') || /[\\`]\s*$/.test(line))) {
    return undefined;
  }
  const escape = ESCAPE_DIRECTIVE.exec(lines[0] ?? '')?.[1] ?? '\\';
  const out: string[] = [];
  const newLineOf: number[] = [];
  const splitAt: (number | undefined)[] = [];
  for (const line of lines) {
    newLineOf.push(out.length);
    const match = line.startsWith('#') ? null : INSTRUCTION_LINE.exec(line);
    if (!match) {
      splitAt.push(undefined);
      out.push(line);
      continue;
    }
    const restStart = match[1].length + match[2].length;
    splitAt.push(restStart);
    out.push(`${match[1]} ${escape}`);
    out.push(`  ${match[3]}`);
  }
  const move = (position: { line: number; character: number }) => {
    const restStart = splitAt[position.line];
    const line = newLineOf[position.line];
    if (restStart === undefined || position.character < restStart) {
      return { line, character: position.character };
    }
    return { line: line + 1, character: position.character - restStart + 2 };
  };
  return {
    ...fixture,
    text: out.join('\n'),
    expected: fixture.expected.map((finding) => ({
      ...finding,
      range: { start: move(finding.range.start), end: move(finding.range.end) },
    })),
  };
}
