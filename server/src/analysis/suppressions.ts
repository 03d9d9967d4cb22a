import type { Instruction } from 'dockerfile-ast';
import type { ParsedDockerfile } from './parseDockerfile';

/**
 * Which rules the file switches off, and where. Four forms are honoured:
 * - BuildKit's parser directive `# check=skip=A,B` (or `skip=all`) at the top of the file;
 * - BuildKit's per-instruction form (dockerfile 1.21): a `# check=skip=A` comment directly above an instruction;
 * - `# dockerfile-stages ignore=A,B` directly above an instruction;
 * - `# dockerfile-stages global ignore=A,B` anywhere.
 */
export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

type RuleSet = ReadonlySet<string> | 'all';

const DIRECTIVE = /^\s*#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/;
const CHECK_COMMENT = /^\s*#\s*check\s*=\s*(.*?)\s*$/i;
const OWN_IGNORE = /^\s*#\s*dockerfile-stages\s+ignore\s*=\s*(.*?)\s*$/;
const OWN_GLOBAL_IGNORE = /^\s*#\s*dockerfile-stages\s+global\s+ignore\s*=\s*(.*?)\s*$/;
const COMMENT = /^\s*#/;

const NOTHING_SUPPRESSED: Suppressions = { isSuppressed: () => false };

export function readSuppressions(
  parsed: ParsedDockerfile,
  instructions: readonly Instruction[],
): Suppressions {
  // One native scan of the text spares the line-by-line work below on files without suppressions, nearly
  // all of them, on every keystroke.
  if (!mayHoldSuppression(parsed.text)) {
    return NOTHING_SUPPRESSED;
  }
  const lines = parsed.lines;
  const fileWide = new Set<string>();
  let fileWideAll = false;

  // BuildKit reads parser directives only at the very top, up to the first line that is not one.
  for (const line of lines) {
    const match = DIRECTIVE.exec(stripBom(line));
    if (!match) {
      break;
    }
    if (match[1].toLowerCase() === 'check') {
      const skip = parseCheckSkip(match[2]);
      if (skip === 'all') {
        fileWideAll = true;
      } else {
        skip.forEach((rule) => fileWide.add(rule));
      }
    }
  }

  // Lines that belong to an instruction (continuations, heredoc bodies) are never suppression comments.
  // An array indexed by line, not a map: this runs on every keystroke over every line of the file.
  const instructionAtLine: (Instruction | undefined)[] = new Array<Instruction | undefined>(lines.length);
  for (const instruction of instructions) {
    const { start, end } = instruction.getRange();
    for (let line = start.line; line <= end.line && line < lines.length; line++) {
      instructionAtLine[line] = instruction;
    }
  }

  lines.forEach((line, index) => {
    // The substring test skips the regular expression on the lines that cannot match it (nearly all).
    const match =
      instructionAtLine[index] !== undefined || !line.includes('dockerfile-stages')
        ? null
        : OWN_GLOBAL_IGNORE.exec(line);
    if (match) {
      splitRuleList(match[1]).forEach((rule) => fileWide.add(rule));
    }
  });

  const byInstruction = new Map<Instruction, Set<string> | 'all'>();
  for (const instruction of instructions) {
    let skipped: Set<string> | 'all' = new Set();
    for (let line = instruction.getRange().start.line - 1; line >= 0; line--) {
      const text = lines[line] ?? '';
      if (instructionAtLine[line] !== undefined || !COMMENT.test(text)) {
        break;
      }
      const rules = rulesInComment(text);
      if (rules === 'all') {
        skipped = 'all';
      } else if (skipped !== 'all') {
        rules.forEach((rule) => (skipped as Set<string>).add(rule));
      }
    }
    if (skipped === 'all' || skipped.size > 0) {
      byInstruction.set(instruction, skipped);
    }
  }

  return {
    isSuppressed(ruleId, line) {
      if (fileWideAll || fileWide.has(ruleId)) {
        return true;
      }
      const instruction = instructionAtLine[line];
      const skipped = instruction ? byInstruction.get(instruction) : undefined;
      return skipped === 'all' || (skipped !== undefined && skipped.has(ruleId));
    },
  };
}

/**
 * Whether some `#` is followed (after blanks) by `check` in any case or by `dockerfile-stages`, as every form
 * above is. A walk over the `#` characters with `indexOf`: several times faster than a case-insensitive
 * regular expression over the whole text.
 */
function mayHoldSuppression(text: string): boolean {
  for (let hash = text.indexOf('#'); hash >= 0; hash = text.indexOf('#', hash + 1)) {
    let at = hash + 1;
    while (at < text.length && /\s/.test(text[at])) {
      at++;
    }
    if (text.slice(at, at + 5).toLowerCase() === 'check' || text.startsWith('dockerfile-stages', at)) {
      return true;
    }
  }
  return false;
}

function rulesInComment(text: string): RuleSet {
  const check = CHECK_COMMENT.exec(text);
  if (check) {
    return parseCheckSkip(check[1]);
  }
  const own = OWN_IGNORE.exec(text);
  return own ? new Set(splitRuleList(own[1])) : new Set();
}

/** `skip=A,B;error=true` → {A, B}. Keys are case-insensitive; rule names are not (BuildKit linter.go). */
function parseCheckSkip(value: string): RuleSet {
  const rules = new Set<string>();
  for (const option of value.split(';')) {
    const [key, list] = option.split('=', 2);
    if (key?.trim().toLowerCase() !== 'skip' || list === undefined) {
      continue;
    }
    for (const rule of splitRuleList(list)) {
      if (rule.toLowerCase() === 'all') {
        return 'all';
      }
      rules.add(rule);
    }
  }
  return rules;
}

function splitRuleList(list: string): string[] {
  return list
    .split(',')
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '');
}

function stripBom(line: string): string {
  return line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}
