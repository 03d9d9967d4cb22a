/**
 * Large runs are analysed on worker threads. Whatever the number of threads, the report (findings, order,
 * graphs, rule settings from each folder's .dockerfile-stages.json) and the exit status are the same.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
/** Enough files that `--jobs 3` starts two workers (one per 100 files). */
const FILES = 240;

const VARIANTS = [
  'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n',
  'FROM alpine:3.20 AS Build\nCOPY --from=Build /a /b\n',
  'FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nCOPY --from=dep /app /app\n',
  'FROM rust:1.80 AS build\nWORKDIR /src\nRUN cargo build --release\nFROM debian:bullseye-slim\nCOPY --from=build /src/target/release/app /app\n',
];

function check(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('dockerfile-stages check on several threads', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'dockerfile-stages-parallel-'));
    for (let index = 0; index < FILES; index++) {
      const folder = join(root, `service${String(index).padStart(3, '0')}`);
      mkdirSync(folder);
      writeFileSync(join(folder, 'Dockerfile'), VARIANTS[index % VARIANTS.length]);
      // Every seventh folder turns one rule off, so settings differ from file to file.
      if (index % 7 === 0) {
        writeFileSync(
          join(folder, '.dockerfile-stages.json'),
          JSON.stringify({ rules: { LibcMismatch: 'off' } }),
        );
      }
    }
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
  });

  for (const format of ['json', 'dot']) {
    it(`prints the same ${format} report and status with one thread and with three`, () => {
      const single = check(['--jobs', '1', '--format', format, '.'], root);
      const parallel = check(['--jobs', '3', '--format', format, '.'], root);
      assert.equal(single.stderr, '');
      assert.equal(parallel.stderr, '');
      assert.equal(parallel.status, single.status);
      assert.equal(parallel.stdout, single.stdout);
      if (format === 'json') {
        const files = JSON.parse(single.stdout) as { file: string; diagnostics: { rule: string }[] }[];
        assert.equal(files.length, FILES);
        const rules = new Set(files.flatMap((file) => file.diagnostics.map((diagnostic) => diagnostic.rule)));
        for (const rule of ['LibcMismatch', 'StageNameCasing', 'UnknownStageReference', 'GlibcVersionSkew']) {
          assert.ok(rules.has(rule), `expected some ${rule} finding among ${[...rules].join(', ')}`);
        }
        const offFolder = files.find((file) => file.file.includes('service007'));
        assert.ok(
          offFolder && !offFolder.diagnostics.some((diagnostic) => diagnostic.rule === 'LibcMismatch'),
        );
      }
    });
  }

  it('rejects a --jobs value that is not a positive whole number', () => {
    const result = check(['--jobs', 'many', '.'], root);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--jobs needs a whole number/);
  });
});
