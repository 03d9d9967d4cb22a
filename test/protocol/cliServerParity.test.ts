/** The editor and CI must agree: the CLI and the language server give identical findings for each example. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startStdioServer, type TestClient } from './lspTestClient';

const ROOT = join(__dirname, '..', '..');
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

interface CliReport {
  file: string;
  diagnostics: { rule: string; severity: string; message: string; range: unknown }[];
}

describe('CLI and language server parity', () => {
  let client: TestClient;
  let reports: CliReport[];

  before(async () => {
    client = await startStdioServer();
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', 'examples'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    reports = JSON.parse(cli.stdout) as CliReport[];
  });
  after(async () => {
    await client.dispose();
  });

  it('checks every example', () => {
    assert.ok(reports.length >= 6, `expected the six examples, got ${reports.length}`);
    assert.ok(
      reports.some((report) => report.diagnostics.length === 0),
      'some example passes every rule',
    );
    assert.ok(
      reports.some((report) => report.diagnostics.length > 0),
      'some example shows rules firing',
    );
  });

  it('reports the same findings from the server as from the CLI', async () => {
    for (const report of reports) {
      const uri = pathToFileURL(join(ROOT, report.file)).toString();
      const published = await client.openForDiagnostics(uri, readFileSync(join(ROOT, report.file), 'utf8'));
      const fromServer = published.diagnostics.map((diagnostic) => ({
        rule: diagnostic.code,
        severity: SEVERITY_NAMES[diagnostic.severity ?? 0],
        message: diagnostic.message,
        range: diagnostic.range,
      }));
      assert.deepEqual(fromServer, report.diagnostics, report.file);
    }
  });
});
