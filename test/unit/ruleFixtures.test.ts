/**
 * Runs every fixture under test/fixtures/rules in three forms (as written, CRLF, and with continuation
 * lines) and checks that the findings are exactly the annotated ones: nothing missing, nothing extra.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/analysis/settings';
import { parseFixture, toContinuationForm, toCrlf, type Fixture } from './fixtureFormat';

const FIXTURES = join(__dirname, '..', 'fixtures', 'rules');

function check(fixture: Fixture): void {
  const result = analyze(fixture.text, { ...DEFAULT_SETTINGS, ...fixture.settings });
  assert.deepEqual(result.failures, [], 'no rule may throw');
  // Compared as one line per finding so a failure reads like the fixture annotations.
  const line = (finding: { ruleId: string; severity: string; range: Range }) =>
    `${finding.range.start.line}:${finding.range.start.character}-${finding.range.end.line}:${finding.range.end.character} ${finding.severity} ${finding.ruleId}`;
  assert.deepEqual(result.findings.map(line).sort(), fixture.expected.map(line).sort());
  for (const expectation of fixture.expected) {
    if (expectation.messagePart !== undefined) {
      const finding = result.findings.find(
        (candidate) =>
          candidate.ruleId === expectation.ruleId &&
          candidate.range.start.line === expectation.range.start.line &&
          candidate.range.start.character === expectation.range.start.character,
      );
      assert.ok(
        finding?.message.includes(expectation.messagePart),
        `message of ${expectation.ruleId} should contain "${expectation.messagePart}", got "${finding?.message}"`,
      );
    }
  }
}

for (const ruleDirectory of readdirSync(FIXTURES).sort()) {
  describe(`rule fixtures: ${ruleDirectory}`, () => {
    for (const file of readdirSync(join(FIXTURES, ruleDirectory)).sort()) {
      const fixture = parseFixture(readFileSync(join(FIXTURES, ruleDirectory, file), 'utf8'));
      it(`${file}`, () => check(fixture));
      it(`${file} (CRLF)`, () => check(toCrlf(fixture)));
      const continued = toContinuationForm(fixture);
      if (continued) {
        it(`${file} (continuation lines)`, () => check(continued));
      }
    }
  });
}
