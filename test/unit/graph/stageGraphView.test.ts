import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { viewOfAnalysis, type StageGraphView } from '../../../server/src/analysis/graph';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'graph');

function viewOf(text: string, target?: string): StageGraphView {
  const settings = { ...DEFAULT_SETTINGS, target };
  return viewOfAnalysis(analyze(text, settings), settings);
}

function node(view: StageGraphView, label: string) {
  const found = view.nodes.find((candidate) => candidate.label === label);
  assert.ok(found, `no node '${label}' in ${view.nodes.map((n) => n.label).join(', ')}`);
  return found;
}

describe('stage graph view', () => {
  const text = readFileSync(join(FIXTURES, 'libc-mismatch.Dockerfile'), 'utf8');
  const view = viewOf(text);

  it('has one node per stage and one per image copied from', () => {
    assert.deepEqual(
      view.nodes.map((n) => [n.kind, n.label]),
      [
        ['stage', 'build'],
        ['stage', 'test'],
        ['stage', 'assets'],
        ['stage', 'stage 3'],
        ['image', 'nginx:1.27'],
      ],
    );
  });

  it('labels stages with their base and libc family, and marks the target and unused stages', () => {
    assert.equal(node(view, 'build').base, 'golang:${GO_VERSION}');
    assert.match(node(view, 'build').libc ?? '', /^glibc 2\.36 · debian 12$/);
    assert.match(node(view, 'stage 3').libc ?? '', /^musl · alpine 3\.20$/);
    // `FROM build AS test` inherits the libc of the stage it builds on.
    assert.equal(node(view, 'test').libc, node(view, 'build').libc);
    assert.equal(node(view, 'stage 3').isTarget, true);
    assert.equal(node(view, 'test').unused, true);
    assert.equal(node(view, 'build').unused, false);
    assert.equal(node(view, 'assets').unused, false);
  });

  it('draws inheritance, copy and mount edges with the copied paths', () => {
    const edges = view.edges.map((edge) => [edge.kind, edge.from, edge.to, edge.label]);
    assert.deepEqual(edges, [
      ['from', 'stage:0', 'stage:1', ''],
      ['mount', 'stage:0', 'stage:2', 'mount /web'],
      ['copy', 'image:nginx:1.27', 'stage:3', '/etc/nginx/mime.types'],
      ['copy', 'stage:2', 'stage:3', '/assets'],
      ['copy', 'stage:0', 'stage:3', '/out/server'],
    ]);
  });

  it('flags the edge that carries the binary from glibc to musl, and only that one', () => {
    const flagged = view.edges.filter((edge) => edge.mismatch);
    assert.equal(flagged.length, 1);
    assert.equal(flagged[0].label, '/out/server');
    assert.ok(flagged[0].problems.some((problem) => problem.ruleId === 'LibcMismatch'));
  });

  it('follows --target: with the test stage built, the runtime stages are the unused ones', () => {
    const testView = viewOf(text, 'test');
    assert.equal(node(testView, 'test').isTarget, true);
    assert.equal(node(testView, 'stage 3').unused, true);
    assert.equal(node(testView, 'assets').unused, true);
  });

  it('returns an empty graph for an empty or garbage document', () => {
    assert.deepEqual(viewOf(''), { nodes: [], edges: [] });
    assert.doesNotThrow(() => viewOf('FROM\nCOPY --from= \n\0\u{1F600}'));
  });
});
