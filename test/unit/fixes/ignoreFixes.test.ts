import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { applyFix, crlf, fixesOf } from './fixHarness';

const CASING = 'FROM alpine:3.20 AS Base\nRUN true\nFROM alpine:3.20\nCOPY --from=Base /etc/os-release /x\n';
const rulesAfter = (text: string) => analyze(text).findings.map((finding) => finding.ruleId);

describe('"Ignore <Rule> for this instruction"', () => {
  it("is offered for every finding, after the rule's own fixes, and is not preferred", () => {
    const { fixes } = fixesOf(CASING, 'StageNameCasing');
    const titles = fixes.map((fix) => fix.title);
    assert.deepEqual(titles.slice(-2), [
      'Ignore StageNameCasing for this instruction',
      'Ignore StageNameCasing in this file',
    ]);
    assert.equal(fixes.at(-1)?.isPreferred, undefined);
  });

  it("inserts BuildKit's per-instruction comment above the instruction, with its indentation", () => {
    const text =
      'FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\n  COPY --from=0 /out/app /app\n';
    const fixed = applyFix(text, 'StageIndexReference', 'Ignore StageIndexReference for this instruction');
    assert.equal(
      fixed,
      'FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\n  # check=skip=StageIndexReference\n  COPY --from=0 /out/app /app\n',
    );
    assert.deepEqual(rulesAfter(fixed), []);
  });

  it('goes above the first line of an instruction whose finding is on a continuation line', () => {
    const text = crlf('FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY \\\n  --from=0 /x /x\n');
    const fixed = applyFix(text, 'StageIndexReference', 'Ignore StageIndexReference for this instruction');
    assert.equal(
      fixed,
      crlf(
        'FROM alpine:3.20 AS build\nFROM alpine:3.20\n# check=skip=StageIndexReference\nCOPY \\\n  --from=0 /x /x\n',
      ),
    );
    assert.deepEqual(rulesAfter(fixed), []);
  });

  it('uses the dockerfile-stages comment where a check= comment would become a file directive', () => {
    const text =
      '# syntax=docker/dockerfile:1\nFROM alpine:3.20 AS Base\nFROM alpine:3.20 AS Other\nFROM alpine:3.20\nCOPY --from=Base /x /x\nCOPY --from=Other /x /x\n';
    const fixed = applyFix(text, 'StageNameCasing', 'Ignore StageNameCasing for this instruction', 1);
    assert.equal(
      fixed,
      text.replace(
        'FROM alpine:3.20 AS Base',
        '# dockerfile-stages ignore=StageNameCasing\nFROM alpine:3.20 AS Base',
      ),
    );
    // Only the first stage is silenced: the second one still reports.
    assert.deepEqual(rulesAfter(fixed), ['StageNameCasing']);
  });
});

describe('"Ignore <Rule> in this file"', () => {
  it('adds a check=skip directive at the top', () => {
    const fixed = applyFix(CASING, 'StageNameCasing', 'Ignore StageNameCasing in this file');
    assert.equal(fixed, `# check=skip=StageNameCasing\n${CASING}`);
    assert.deepEqual(rulesAfter(fixed), []);
  });

  it('goes after # syntax and # escape, which must stay parser directives', () => {
    const text = crlf(
      '# syntax=docker/dockerfile:1\n# escape=`\n# A comment.\nFROM alpine:3.20 AS Base\nRUN dir `\n  C:\\\n',
    );
    const fixed = applyFix(text, 'StageNameCasing', 'Ignore StageNameCasing in this file');
    assert.equal(
      fixed,
      crlf(
        '# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=StageNameCasing\n# A comment.\nFROM alpine:3.20 AS Base\nRUN dir `\n  C:\\\n',
      ),
    );
    assert.ok(!rulesAfter(fixed).includes('StageNameCasing'));
  });

  it('merges with an existing check directive', () => {
    const text = `# syntax=docker/dockerfile:1\n# check=skip=UnusedStage;error=true\n${CASING}`;
    const fixed = applyFix(text, 'StageNameCasing', 'Ignore StageNameCasing in this file');
    assert.equal(
      fixed,
      `# syntax=docker/dockerfile:1\n# check=skip=UnusedStage,StageNameCasing;error=true\n${CASING}`,
    );
    assert.deepEqual(rulesAfter(fixed), []);
  });

  it('adds skip= to a check directive that has none', () => {
    const text = `# check=error=true\n${CASING}`;
    const fixed = applyFix(text, 'StageNameCasing', 'Ignore StageNameCasing in this file');
    assert.equal(fixed, `# check=skip=StageNameCasing;error=true\n${CASING}`);
    assert.deepEqual(rulesAfter(fixed), []);
  });
});

describe('ignore fixes in a file with a byte order mark', () => {
  it('keep the mark first', () => {
    const text = `\uFEFF${CASING}`;
    assert.equal(
      applyFix(text, 'StageNameCasing', 'Ignore StageNameCasing in this file'),
      `\uFEFF# check=skip=StageNameCasing\n${CASING}`,
    );
    assert.equal(
      applyFix(text, 'StageNameCasing', 'Ignore StageNameCasing for this instruction'),
      `\uFEFF# dockerfile-stages ignore=StageNameCasing\n${CASING}`,
    );
  });
});
