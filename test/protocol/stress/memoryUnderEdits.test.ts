/**
 * Editing must not leak: after the server has warmed up under 15,000 edits, 15,000 more leave its live
 * JavaScript heap (measured after full collections) where it was. The server runs in this process so the
 * test can force those collections; the resident set of a child process was too noisy on shared machines to
 * tell a leak from a heap that V8 simply had not given back yet.
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { startInProcessServer, type TestClient } from '../lspTestClient';

const URI = 'file:///stress/memory/Dockerfile';
const TEXT =
  'FROM golang:1.22 AS build\nRUN go build -o /out/app0 .\nFROM alpine:3.20\nCOPY --from=build /out /out\n';
const EDITS = 15_000;
/**
 * The warm-up is as long as the measured run. The analysis memoizes in WeakMaps keyed by parsed
 * instructions; entries go with their keys, but a WeakMap's table keeps the largest size it reached, which
 * depends on how many dead keys piled up before a full collection. A short warm-up left the tables to grow
 * by up to 2.4 MB in the measured run: a high-water mark that stops rising, not a leak.
 */
const WARM_UP_EDITS = EDITS;
/**
 * A leak of 200 bytes per edit shows as 3 MB. The live heap moves by up to about 1 MB between
 * measurements without any leak (compiled code and caches come and go), so the bound sits above that.
 */
const ALLOWED_GROWTH_MB = 3;

// `gc` is only exposed when V8 is told so; setting the flag at run time and reading `gc` from a fresh
// context is the documented way to do that without a command-line flag.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

describe(`memory under ${EDITS.toLocaleString('en')} edits`, () => {
  let client: TestClient;
  let version = 1;

  before(async () => {
    client = await startInProcessServer({});
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
   * The live heap after the pending work has run and two full collections, the smallest of five samples a
   * quarter second apart: buffers of messages still in flight between the in-process client and server
   * come and go in the large-object space, so the minimum is what stays. The test client's own log is
   * emptied first.
   */
  async function liveHeapMb(): Promise<number> {
    client.published.length = 0;
    client.logs.length = 0;
    const samples: number[] = [];
    for (let sample = 0; sample < 5; sample++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      collectGarbage();
      collectGarbage();
      samples.push(process.memoryUsage().heapUsed / 2 ** 20);
    }
    return Math.min(...samples);
  }

  it(`keeps its live heap within ${ALLOWED_GROWTH_MB} MB`, async (t) => {
    await edit(WARM_UP_EDITS);
    const warm = await liveHeapMb();
    await edit(EDITS);
    const final = await liveHeapMb();
    t.diagnostic(`live heap ${warm.toFixed(2)} MB warm, ${final.toFixed(2)} MB after the edits`);
    assert.ok(
      final - warm <= ALLOWED_GROWTH_MB,
      `live heap grew from ${warm.toFixed(2)} MB to ${final.toFixed(2)} MB`,
    );
  });
});
