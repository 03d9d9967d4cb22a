import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { StageGraphRequest } from '../../server/src/protocol';
import { startStdioServer, useClient } from './lspTestClient';

const FIXTURE = readFileSync(join(__dirname, '..', 'fixtures', 'graph', 'libc-mismatch.Dockerfile'), 'utf8');

describe('dockerfileStages/stageGraph over stdio', () => {
  const client = useClient(() => startStdioServer());

  it('answers with the nodes, edges, flags and Mermaid text of the current version', async () => {
    const uri = 'file:///work/graph/Dockerfile';
    await client.open(uri, FIXTURE, 3);
    const graph = await client.connection.sendRequest(StageGraphRequest, { uri });
    assert.ok(graph);
    assert.equal(graph.uri, uri);
    assert.equal(graph.version, 3);
    assert.deepEqual(
      graph.nodes.map((node) => node.label),
      ['build', 'test', 'assets', 'stage 3', 'nginx:1.27'],
    );
    const mismatch = graph.edges.filter((edge) => edge.mismatch);
    assert.deepEqual(
      mismatch.map((edge) => [edge.from, edge.to, edge.label]),
      [['stage:0', 'stage:3', '/out/server']],
    );
    assert.match(graph.mermaid, /^flowchart TD\n/);
  });

  it('follows edits: a renamed stage shows up in the next answer', async () => {
    const uri = 'file:///work/graph/edited/Dockerfile';
    await client.open(uri, 'FROM alpine:3.20 AS one\nFROM alpine:3.20\nCOPY --from=one /a /a\n', 1);
    await client.change(uri, 2, [
      {
        range: { start: { line: 0, character: 20 }, end: { line: 0, character: 23 } },
        text: 'two',
      },
    ]);
    const graph = await client.connection.sendRequest(StageGraphRequest, { uri });
    assert.equal(graph?.version, 2);
    assert.equal(graph?.nodes[0].label, 'two');
    // The reference now names no stage, so BuildKit would pull `one` as an image.
    assert.ok(graph?.nodes.some((node) => node.kind === 'image' && node.label === 'one'));
  });

  it('answers null for a document that is not open', async () => {
    assert.equal(
      await client.connection.sendRequest(StageGraphRequest, { uri: 'file:///work/graph/closed/Dockerfile' }),
      null,
    );
  });
});
