import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { analyze } from '../../../server/src/analysis/analyze';
import { toDot, toMermaid, viewOfAnalysis } from '../../../server/src/analysis/graph';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'graph');
/** `UPDATE_SNAPSHOTS=1` rewrites the expected files; review the diff before committing it. */
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

function graphOf(name: string) {
  const text = readFileSync(join(FIXTURES, `${name}.Dockerfile`), 'utf8');
  return viewOfAnalysis(analyze(text, DEFAULT_SETTINGS), DEFAULT_SETTINGS);
}

function matchesSnapshot(actual: string, file: string): void {
  const path = join(FIXTURES, file);
  if (UPDATE || !existsSync(path)) {
    assert.ok(UPDATE, `${file} is missing: run with UPDATE_SNAPSHOTS=1 to create it`);
    writeFileSync(path, actual);
  }
  assert.equal(actual, readFileSync(path, 'utf8'));
}

/** Mermaid's parser needs a DOM for its sanitizer; jsdom provides one in Node. */
async function parseMermaid(text: string): Promise<unknown> {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  const { default: mermaid } = await import('mermaid');
  return mermaid.parse(text);
}

describe('graph output formats', () => {
  const view = graphOf('libc-mismatch');

  it('prints Mermaid as in the snapshot', () => {
    matchesSnapshot(toMermaid(view), 'libc-mismatch.mmd');
  });

  it('prints DOT as in the snapshot', () => {
    matchesSnapshot(toDot(view), 'libc-mismatch.dot');
  });

  it("produces Mermaid that Mermaid's own parser accepts, and the parser rejects broken text", async () => {
    const result = (await parseMermaid(toMermaid(view))) as { diagramType: string };
    assert.equal(result.diagramType, 'flowchart-v2');
    await assert.rejects(parseMermaid('flowchart TD\n  n0["unterminated\n'));
  });

  it('produces DOT that Graphviz renders to SVG, with the mismatch edge in red', () => {
    // Graphviz comes from Debian's `graphviz` package, which .ci/run installs.
    const svg = execFileSync('dot', ['-Tsvg'], { input: toDot(view), encoding: 'utf8' });
    assert.match(svg, /^<\?xml/);
    assert.match(svg, /<svg /);
    assert.match(svg, /stroke="#cd0000"/);
    assert.match(svg, />musl · alpine 3\.20</);
  });

  it('escapes quotes and newlines in labels for both formats', async () => {
    const tricky = viewOfAnalysis(
      analyze('FROM "weird\\"image" AS a\nFROM alpine\nCOPY --from=a "/x\\"y" /z\n', DEFAULT_SETTINGS),
      DEFAULT_SETTINGS,
    );
    assert.doesNotThrow(() => execFileSync('dot', ['-Tsvg'], { input: toDot(tricky), encoding: 'utf8' }));
    await parseMermaid(toMermaid(tricky));
  });
});
