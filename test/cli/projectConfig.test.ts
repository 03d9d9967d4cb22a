import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const IN_HOUSE_RUNTIME =
  'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM registry.example.com/base/runtime:1\nCOPY --from=build /out/app /app\n';

describe('dockerfile-stages check with .dockerfile-stages.json', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'dockerfile-stages-config-'));
    for (const project of ['configured', 'bad-json', 'bad-entry', 'plain']) {
      mkdirSync(join(root, project, 'services', 'api'), { recursive: true });
      writeFileSync(join(root, project, 'services', 'api', 'Dockerfile'), IN_HOUSE_RUNTIME);
    }
    writeFileSync(
      join(root, 'configured', '.dockerfile-stages.json'),
      JSON.stringify({ images: { 'registry.example.com/base/*': { libc: 'musl', release: 'alpine 3.20' } } }),
    );
    writeFileSync(join(root, 'bad-json', '.dockerfile-stages.json'), '{ "images": ');
    writeFileSync(
      join(root, 'bad-entry', '.dockerfile-stages.json'),
      JSON.stringify({ images: { 'registry.example.com/base/*': { libc: 'bionic' } }, colour: 'red' }),
    );
  });

  it('classifies images with the nearest config file above the checked file', () => {
    const result = run(['check', 'services'], join(root, 'configured'));
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /^services\/api\/Dockerfile:4:13: warning LibcMismatch: .*registry\.example\.com\/base\/runtime:1 \(musl · alpine 3\.20\)/,
    );
  });

  it('finds the config file when run from elsewhere', () => {
    const result = run(['check', join(root, 'configured', 'services', 'api', 'Dockerfile')], root);
    assert.match(result.stdout, /warning LibcMismatch/);
  });

  it('says nothing about images without a config file', () => {
    const result = run(['check', '.'], join(root, 'plain'));
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
  });

  it('exits 2 with a message naming the file when it is not JSON', () => {
    const result = run(['check', '.'], join(root, 'bad-json'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\.dockerfile-stages\.json: not valid JSON/);
  });

  it('exits 2 and names every invalid entry and key', () => {
    const result = run(['check', '.'], join(root, 'bad-entry'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown key "colour"/);
    assert.match(result.stderr, /images\["registry\.example\.com\/base\/\*"\]: "libc" must be one of/);
  });
});
