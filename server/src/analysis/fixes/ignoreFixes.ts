import type { Finding } from '../findings';
import { directiveLineCount, DIRECTIVE_LINE, instructionLines } from './documentLayout';
import type { Fix, FixContext, TextEdit } from './fix';
import { lineEndingOf } from './textEdits';

/**
 * "Ignore <Rule> for this instruction": BuildKit's per-instruction `# check=skip=<Rule>` comment above the
 * instruction the finding sits in (suppressions.ts reads every comment directly above an instruction).
 * Directly under the parser directives that comment would itself be a directive and silence the whole
 * file, so there the project's own `# dockerfile-stages ignore=` form is written instead.
 */
export function ignoreForInstruction(finding: Finding, context: FixContext): Fix | undefined {
  const { parsed } = context.analysis;
  const instruction = instructionLines(parsed).get(finding.range.start.line);
  if (!instruction) {
    return undefined;
  }
  const line = instruction.getRange().start.line;
  const start = textStart(parsed.lines, line);
  const lineText = (parsed.lines[line] ?? '').slice(start);
  const indentation = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const insideDirectives = directiveLineCount(parsed.lines) >= line;
  const comment = insideDirectives
    ? `# dockerfile-stages ignore=${finding.ruleId}`
    : `# check=skip=${finding.ruleId}`;
  return {
    title: `Ignore ${finding.ruleId} for this instruction`,
    kind: 'quickfix',
    edits: [
      {
        range: { start: { line, character: start }, end: { line, character: start } },
        newText: `${indentation}${comment}${lineEndingOf(context.text)}`,
      },
    ],
  };
}

const CHECK_KEY = /^(\s*#\s*check\s*=\s*)(.*?)\s*$/i;

/**
 * "Ignore <Rule> in this file": the rule joins the skip list of the file's `# check=` parser directive,
 * or a new `# check=skip=<Rule>` line goes after the other directives (`# syntax=` and `# escape=` stay
 * where they are: BuildKit only reads directives before the first other line).
 */
export function ignoreInFile(finding: Finding, context: FixContext): Fix {
  const { lines } = context.analysis.parsed;
  const count = directiveLineCount(lines);
  const title = `Ignore ${finding.ruleId} in this file`;
  for (let line = 0; line < count; line++) {
    const text = lines[line] ?? '';
    const match = DIRECTIVE_LINE.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (match?.[1].toLowerCase() !== 'check') {
      continue;
    }
    const check = CHECK_KEY.exec(text);
    if (!check) {
      continue;
    }
    const valueStart = check[1].length;
    const value = check[2];
    return {
      title,
      kind: 'quickfix',
      edits: [
        {
          range: {
            start: { line, character: valueStart },
            end: { line, character: valueStart + value.length },
          },
          newText: addToSkipList(value, finding.ruleId),
        },
      ],
    };
  }
  const edit: TextEdit = {
    range: {
      start: { line: count, character: textStart(lines, count) },
      end: { line: count, character: textStart(lines, count) },
    },
    newText: `# check=skip=${finding.ruleId}${lineEndingOf(context.text)}`,
  };
  if (count > 0 && count >= lines.length) {
    // Only directives and no final line break: the new line goes after the last one.
    const last = count - 1;
    return {
      title,
      kind: 'quickfix',
      edits: [
        {
          range: {
            start: { line: last, character: (lines[last] ?? '').length },
            end: { line: last, character: (lines[last] ?? '').length },
          },
          newText: `${lineEndingOf(context.text)}# check=skip=${finding.ruleId}`,
        },
      ],
    };
  }
  return { title, kind: 'quickfix', edits: [edit] };
}

/** `error=true` → `skip=Rule;error=true`; `skip=A;error=true` → `skip=A,Rule;error=true`. */
function addToSkipList(value: string, ruleId: string): string {
  const options = value.split(';');
  const skipIndex = options.findIndex((option) => option.split('=', 1)[0]?.trim().toLowerCase() === 'skip');
  if (skipIndex < 0) {
    return value.trim() === '' ? `skip=${ruleId}` : `skip=${ruleId};${value}`;
  }
  const option = options[skipIndex];
  const equals = option.indexOf('=');
  const list = option.slice(equals + 1).trim();
  const rules = list.split(',').map((rule) => rule.trim());
  if (!rules.includes(ruleId)) {
    options[skipIndex] = `${option.slice(0, equals + 1)}${list === '' ? '' : `${list},`}${ruleId}`;
  }
  return options.join(';');
}

/** Where the text of a line starts: after the byte order mark on the first line, which must stay first. */
function textStart(lines: readonly string[], line: number): number {
  return line === 0 && (lines[0] ?? '').charCodeAt(0) === 0xfeff ? 1 : 0;
}
