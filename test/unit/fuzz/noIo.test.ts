/**
 * The analysis and the server never open connections, start processes or write files. Every such
 * function of child_process, net, dgram, http, https and fs is replaced by one that records the call and
 * throws; then every fixture and example is analysed (from scratch and incrementally, while typing), given
 * its quick fixes, refactorings and fix-all, and served by an in-process server answering feature requests.
 */
import assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { fixAll, fixesFor, refactoringsAt } from '../../../server/src/analysis/fixes';
import { IncrementalAnalysis } from '../../../server/src/analysis/incremental/incrementalAnalysis';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { startInProcessServer, type TestClient } from '../../protocol/lspTestClient';

const ROOT = join(__dirname, '..', '..', '..');

function dockerfilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? dockerfilesUnder(path) : /dockerfile/i.test(entry.name) ? [path] : [];
  });
}

/** Read before anything is stubbed: reading is allowed, and the test needs its inputs. */
const TEXTS = [
  ...dockerfilesUnder(join(ROOT, 'test', 'fixtures')),
  ...dockerfilesUnder(join(ROOT, 'examples')),
].map((path) => readFileSync(path, 'utf8'));

const FORBIDDEN: [object, string, string[]][] = [
  [
    childProcess,
    'child_process',
    ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
  ],
  [net, 'net', ['connect', 'createConnection', 'createServer']],
  [net.Socket.prototype, 'net.Socket', ['connect']],
  [dgram, 'dgram', ['createSocket']],
  [http, 'http', ['request', 'get', 'createServer']],
  [https, 'https', ['request', 'get', 'createServer']],
  [
    fs,
    'fs',
    [
      'writeFile',
      'writeFileSync',
      'appendFile',
      'appendFileSync',
      'createWriteStream',
      'mkdir',
      'mkdirSync',
      'mkdtemp',
      'mkdtempSync',
      'rm',
      'rmSync',
      'rmdir',
      'rmdirSync',
      'unlink',
      'unlinkSync',
      'rename',
      'renameSync',
      'copyFile',
      'copyFileSync',
      'cp',
      'cpSync',
      'truncate',
      'truncateSync',
      'symlink',
      'symlinkSync',
      'chmod',
      'chmodSync',
    ],
  ],
  [
    fs.promises,
    'fs.promises',
    [
      'writeFile',
      'appendFile',
      'mkdir',
      'mkdtemp',
      'rm',
      'rmdir',
      'unlink',
      'rename',
      'copyFile',
      'cp',
      'truncate',
    ],
  ],
];

/** Replaces every forbidden function for the duration of `run`, recording the calls. */
async function withForbiddenIo(run: () => Promise<void>): Promise<string[]> {
  const calls: string[] = [];
  const restore: (() => void)[] = [];
  for (const [target, label, names] of FORBIDDEN) {
    const record = target as Record<string, unknown>;
    for (const name of names) {
      const original = record[name];
      record[name] = (..._args: unknown[]) => {
        calls.push(`${label}.${name}`);
        throw new Error(`${label}.${name} is forbidden in the analysis and the server`);
      };
      restore.push(() => {
        record[name] = original;
      });
    }
  }
  try {
    await run();
  } finally {
    restore.forEach((undo) => undo());
  }
  return calls;
}

describe('no I/O', () => {
  let client: TestClient;

  before(async () => {
    client = await startInProcessServer({}, { generalFeatures: true });
  });
  // The in-process server ends this process when its input closes, so that happens after every test.
  after(async () => {
    await client.dispose();
  });

  it('has inputs to check', () => {
    assert.ok(TEXTS.length > 20);
  });

  it('analyses, fixes and refactors every fixture without touching processes, network or files', async () => {
    const calls = await withForbiddenIo(async () => {
      for (const text of TEXTS) {
        const analysis = analyze(text);
        assert.deepEqual(analysis.failures, []);
        const context = { text, analysis, settings: DEFAULT_SETTINGS };
        for (const finding of analysis.findings) {
          fixesFor(finding, context);
        }
        for (const stage of analysis.graph.stages) {
          refactoringsAt(context, stage.fromRange);
        }
        fixAll(text, analysis, DEFAULT_SETTINGS);
        const incremental = new IncrementalAnalysis();
        for (let length = 0; length <= text.length; length += 7) {
          incremental.analyze(text.slice(0, length));
        }
      }
      await Promise.resolve();
    });
    assert.deepEqual(calls, []);
  });

  it('serves documents in process without touching processes, network or files', async () => {
    const calls = await withForbiddenIo(async () => {
      for (const [index, text] of TEXTS.entries()) {
        const uri = `untitled:Dockerfile-${index}`;
        await client.openForDiagnostics(uri, text);
        const position = { line: 1, character: 2 };
        const textDocument = { uri };
        await client.connection.sendRequest('textDocument/hover', { textDocument, position });
        await client.connection.sendRequest('textDocument/completion', { textDocument, position });
        await client.connection.sendRequest('textDocument/codeAction', {
          textDocument,
          range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
          context: { diagnostics: [] },
        });
        await client.connection.sendRequest('textDocument/documentSymbol', { textDocument });
        await client.close(uri);
      }
    });
    assert.deepEqual(calls, []);
  });
});
