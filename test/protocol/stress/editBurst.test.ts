/**
 * A burst of edits must never leave stale diagnostics behind: after 1,000 `didChange` sent without
 * waiting, the last publication carries the final version and equals a fresh analysis of the final text,
 * and no publication for an older version follows it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { toDiagnostic } from '../../../server/src/handlers/toDiagnostic';
import { startStdioServer, useClient } from '../lspTestClient';

const INITIAL =
  'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
const EDITS = 1000;

describe('a burst of 1,000 edits', () => {
  const client = useClient(() => startStdioServer());

  it('ends with diagnostics for the final version that match a fresh analysis, never stale ones', async () => {
    const uri = 'file:///stress/burst/Dockerfile';
    await client.open(uri, INITIAL, 1);
    let text = INITIAL;
    // Each edit retypes the stage name's casing on line 0 and the reference on line 3, so findings come
    // and go throughout the burst (StageNameCasing, UnknownStageReference).
    for (let edit = 1; edit <= EDITS; edit++) {
      const name = edit % 3 === 0 ? 'Build' : edit % 3 === 1 ? 'buidl' : 'build';
      const line0 = `FROM golang:1.22 AS ${name}`;
      const lines = text.split('\n');
      const oldLength = lines[0].length;
      lines[0] = line0;
      text = lines.join('\n');
      await client.change(uri, edit + 1, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: oldLength } }, text: line0 },
      ]);
    }
    const finalVersion = EDITS + 1;
    const final = await client.waitForDiagnostics(uri, (params) => params.version === finalVersion, 60_000);
    assert.deepEqual(final.diagnostics, analyze(text).findings.map(toDiagnostic));
    assert.ok(final.diagnostics.length > 0, 'the final text has findings, so the comparison means something');

    // Anything published later for this document must still be for the final version.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const forDocument = client.published.filter((params) => params.uri === uri);
    const finalIndex = forDocument.lastIndexOf(final);
    assert.ok(forDocument.slice(finalIndex).every((params) => params.version === finalVersion));
    // Versions only ever go up.
    const versions = forDocument.map((params) => params.version ?? 0);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
    );
  });
});
