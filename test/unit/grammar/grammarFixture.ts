/**
 * Reads grammar fixtures in the format of vscode-tmgrammar-test: the first line names the scope to
 * tokenize with (`# SYNTAX TEST "source.dockerfile" "what it covers"`), and a line made of that comment
 * token followed by carets states the scopes of the characters above the carets on the nearest line that
 * is not itself an assertion:
 *
 *     FROM golang AS build
 *     #              ^^^^^ entity.name.type.stage.dockerfile
 *     # <---- keyword.other.special-method.dockerfile
 *
 * `<----` covers as many characters from column 0 as it has dashes (each leading `~` skips one). Scopes
 * after ` - ` must be absent. Assertion lines stay in the text that is tokenized, as comments.
 */

export interface ScopeAssertion {
  /** 0-based line of the fixture the assertion is about. */
  readonly line: number;
  /** 0-based line of the assertion itself, for messages. */
  readonly assertionLine: number;
  readonly columns: readonly number[];
  /** Scopes that must appear, in this order, among the token's scopes. */
  readonly required: readonly string[];
  readonly forbidden: readonly string[];
}

export interface GrammarFixture {
  readonly scopeName: string;
  readonly description: string;
  readonly lines: readonly string[];
  readonly assertions: readonly ScopeAssertion[];
}

const HEADER = /^(\S+)\s+SYNTAX TEST\s+"([^"]+)"(?:\s+"([^"]*)")?/;

export function parseGrammarFixture(lines: readonly string[]): GrammarFixture {
  const header = HEADER.exec(lines[0] ?? '');
  if (!header) {
    throw new Error('a grammar fixture starts with: <comment> SYNTAX TEST "<scope>" "<description>"');
  }
  const [, commentToken = '#', scopeName = '', description = ''] = header;
  const assertion = new RegExp(`^(\\s*${escapeRegExp(commentToken)}\\s*)(\\^+|<~*-+)\\s+(.*?)\\s*$`);
  const assertions: ScopeAssertion[] = [];
  let target = -1;
  lines.forEach((text, index) => {
    const match = index === 0 ? null : assertion.exec(text);
    if (!match) {
      target = index;
      return;
    }
    const [, lead = '', marker = '', scopeText = ''] = match;
    const [required = '', forbidden = ''] = scopeText.split(/(?:^|\s+)-\s+/);
    assertions.push({
      line: target,
      assertionLine: index,
      columns: markerColumns(lead.length, marker),
      required: required.split(/\s+/).filter(Boolean),
      forbidden: forbidden.split(/\s+/).filter(Boolean),
    });
  });
  return { scopeName, description, lines, assertions };
}

function markerColumns(start: number, marker: string): number[] {
  if (marker.startsWith('^')) {
    return Array.from({ length: marker.length }, (_, offset) => start + offset);
  }
  const skip = marker.length - marker.replace(/~/g, '').length;
  const width = marker.length - skip - 1;
  return Array.from({ length: width }, (_, offset) => skip + offset);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
