/**
 * Editing must not leak: after the server's memory has settled under editing, 10,000 more edits leave its
 * resident set within 10 MB of where it settled.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startStdioServer, type TestClient } from '../lspTestClient';

const URI = 'file:///stress/memory/Dockerfile';
const TEXT =
  'FROM golang:1.22 AS build\nRUN go build -o /out/app0 .\nFROM alpine:3.20\nCOPY --from=build /out /out\n';

/** Resident set size of a process, from /proc (the test machines run Linux). */
function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

describe('memory under 10,000 edits', () => {
  let client: TestClient & { process: ChildProcess };
  let version = 1;

  before(async () => {
    client = await startStdioServer();
    await client.open(URI, TEXT, version);
  });
  after(async () => {
    await client.dispose();
  });

  /** Types a character at the end of line 1 and deletes it again, `count` edits, waiting for diagnostics every 500. */
  async function edit(count: number): Promise<void> {
    for (let done = 0; done < count; done++) {
      version++;
      const typing = done % 2 === 0;
      const character = 'RUN go build -o /out/app0 .'.length;
      await client.change(URI, version, [
        typing
          ? { range: { start: { line: 1, character }, end: { line: 1, character } }, text: 'x' }
          : {
              range: { start: { line: 1, character }, end: { line: 1, character: character + 1 } },
              text: '',
            },
      ]);
      if (done % 500 === 499) {
        const expected = version;
        await client.waitForDiagnostics(URI, (params) => params.version === expected, 30_000);
      }
    }
  }

  /**
   * The smallest resident set over three idle seconds: V8 shrinks its heap when the process goes idle, so
   * this is where memory settles rather than wherever the last collection happened to leave it.
   */
  async function settledMb(): Promise<number> {
    const samples: number[] = [];
    for (let sample = 0; sample < 10; sample++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      samples.push(residentMb(client.process.pid ?? 0));
    }
    return Math.min(...samples);
  }

  it('stays within 10 MB of its settled size', async () => {
    await edit(3_000);
    const settled = await settledMb();
    await edit(10_000);
    const final = await settledMb();
    assert.ok(
      final - settled <= 10,
      `resident set grew from ${settled.toFixed(1)} MB to ${final.toFixed(1)} MB`,
    );
  });
});
