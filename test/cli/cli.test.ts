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

const WITH_ERROR = 'FROM alpine:3.20 AS build\nCOPY --from=build /a /b\n';
const WITH_WARNING =
  'FROM golang:1.22-alpine AS Build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=Build /out/app /app\n';
const CLEAN =
  'FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';

describe('dockerfile-stages check', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'dockerfile-stages-cli-'));
    mkdirSync(join(root, 'svc', 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, 'Dockerfile'), CLEAN);
    writeFileSync(join(root, 'svc', 'Dockerfile.dev'), WITH_WARNING);
    writeFileSync(join(root, 'svc', 'api.Dockerfile'), CLEAN);
    writeFileSync(join(root, 'svc', 'Containerfile'), CLEAN);
    writeFileSync(join(root, 'svc', 'Dockerfile.dockerignore'), 'node_modules\n');
    writeFileSync(join(root, 'svc', 'node_modules', 'pkg', 'Dockerfile'), WITH_ERROR);
    writeFileSync(join(root, '.git', 'Dockerfile'), WITH_ERROR);
    writeFileSync(join(root, 'broken.Dockerfile'), WITH_ERROR);
    writeFileSync(join(root, 'bom.Dockerfile'), `\uFEFF${WITH_WARNING}`);
  });

  it('prints compiler-style text and exits 0 when only warnings are found', () => {
    const result = run(['check', 'svc'], root);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      "svc/Dockerfile.dev:1:28: warning StageNameCasing: Stage name 'Build' should be lowercase ('build'): BuildKit stores it lowercased, and 'FROM Build' would not find it.\n",
    );
  });

  it('searches directories for every Dockerfile naming convention, skipping .git and node_modules', () => {
    const result = run(['check', '--format', 'json', '.'], root);
    const files = (JSON.parse(result.stdout) as { file: string }[]).map((report) => report.file).sort();
    assert.deepEqual(files, [
      'Dockerfile',
      'bom.Dockerfile',
      'broken.Dockerfile',
      'svc/Containerfile',
      'svc/Dockerfile.dev',
      'svc/api.Dockerfile',
    ]);
  });

  it('exits 1 when an error-severity finding is reported', () => {
    const result = run(['check', 'broken.Dockerfile'], root);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^broken\.Dockerfile:2:13: error SelfStageReference: /);
  });

  it('writes JSON with 0-based LSP ranges', () => {
    const result = run(['check', '--format=json', 'svc/Dockerfile.dev'], root);
    assert.equal(result.status, 0);
    assert.deepEqual(JSON.parse(result.stdout), [
      {
        file: 'svc/Dockerfile.dev',
        diagnostics: [
          {
            rule: 'StageNameCasing',
            severity: 'warning',
            message:
              "Stage name 'Build' should be lowercase ('build'): BuildKit stores it lowercased, and 'FROM Build' would not find it.",
            range: { start: { line: 0, character: 27 }, end: { line: 0, character: 32 } },
          },
        ],
      },
    ]);
  });

  it('ignores a byte-order mark, as editors do, so positions match', () => {
    const result = run(['check', '--format', 'json', 'bom.Dockerfile'], root);
    const [report] = JSON.parse(result.stdout) as {
      diagnostics: { range: { start: { character: number } } }[];
    }[];
    assert.equal(report?.diagnostics[0]?.range.start.character, 27);
  });

  it('writes SARIF 2.1.0 with rule metadata, levels and 1-based regions', () => {
    const result = run(['check', '--format', 'sarif', 'broken.Dockerfile', 'svc/Dockerfile.dev'], root);
    assert.equal(result.status, 1);
    const sarif = JSON.parse(result.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
          }[];
        }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const [run0] = sarif.runs;
    assert.equal(run0?.tool.driver.name, 'dockerfile-stages');
    const results = run0?.results ?? [];
    assert.deepEqual(
      results.map((result) => [
        result.ruleId,
        result.level,
        result.locations[0]?.physicalLocation.artifactLocation.uri,
      ]),
      [
        ['SelfStageReference', 'error', 'broken.Dockerfile'],
        ['StageNameCasing', 'warning', 'svc/Dockerfile.dev'],
      ],
    );
    assert.deepEqual(results[0]?.locations[0]?.physicalLocation.region, {
      startLine: 2,
      startColumn: 13,
      endLine: 2,
      endColumn: 18,
    });
    for (const result of results) {
      assert.equal(run0?.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
    }
  });

  it('honours --target', () => {
    writeFileSync(
      join(root, 'targets.Dockerfile'),
      'FROM alpine:3.20 AS test\nFROM alpine:3.20 AS runtime\n',
    );
    const byDefault = run(['check', '--format', 'json', 'targets.Dockerfile'], root);
    const withTarget = run(['check', '--format', 'json', '--target', 'test', 'targets.Dockerfile'], root);
    const lines = (output: string) =>
      (JSON.parse(output) as { diagnostics: { range: { start: { line: number } } }[] }[])[0]?.diagnostics.map(
        (diagnostic) => diagnostic.range.start.line,
      );
    assert.deepEqual(lines(byDefault.stdout), [0]);
    assert.deepEqual(lines(withTarget.stdout), [1]);
  });

  it('exits 2 for an unreadable path, with a clear message, after checking the other files', () => {
    const result = run(['check', 'missing/Dockerfile', 'broken.Dockerfile'], root);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /missing\/Dockerfile: no such file or directory/);
    assert.match(result.stdout, /broken\.Dockerfile:2:13: error SelfStageReference/);
  });

  it('exits 2 for usage errors', () => {
    assert.equal(run([], root).status, 2);
    assert.equal(run(['lint', '.'], root).status, 2);
    assert.equal(run(['check'], root).status, 2);
    const badFormat = run(['check', '--format', 'xml', '.'], root);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /--format must be one of text, json, sarif/);
  });

  it('prints help and exits 0', () => {
    const result = run(['--help'], root);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Usage: dockerfile-stages check/);
  });
});
