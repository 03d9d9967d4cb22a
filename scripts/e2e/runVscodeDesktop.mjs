// Runs the in-editor end-to-end suite (test/e2e/suite) in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code; elsewhere runE2e.mjs runs the same suite in code-server.
// The extension is loaded from this repository as a development extension, so build it first.
//
// Usage: node scripts/e2e/runVscodeDesktop.mjs [--vscode-version <version> | --minimum]
//   --vscode-version  a release such as 1.100.3, or `stable` (the default) or `insiders`
//   --minimum         the oldest release that package.json's engines.vscode allows
// On Linux without a display, run it under `xvfb-run -a`.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { bundleSuite } from './bundleSuite.mjs';
import { repoRoot } from './codeServerCache.mjs';

const { values } = parseArgs({
  options: {
    'vscode-version': { type: 'string' },
    minimum: { type: 'boolean', default: false },
  },
});

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const version = values.minimum
  ? minimumVersion(manifest.engines.vscode)
  : (values['vscode-version'] ?? 'stable');

if (!existsSync(path.join(repoRoot, manifest.main))) {
  console.error(`${manifest.main} does not exist: build the extension first (npm run build).`);
  process.exit(1);
}

const suiteBundle = await bundleSuite();
// Tests may edit the fixtures, so they work on a copy.
const tempDir = mkdtempSync(path.join(os.tmpdir(), 'dockerfile-stages-e2e-desktop-'));
const workspace = path.join(tempDir, 'workspace');
cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });

let exitCode = 0;
try {
  await runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteBundle,
    // Other installed extensions stay off so that only this one publishes diagnostics.
    launchArgs: [workspace, '--disable-extensions'],
  });
} catch (error) {
  console.error(
    `The end-to-end suite failed in VS Code ${version}: ${error instanceof Error ? error.message : String(error)}`,
  );
  exitCode = 1;
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}
process.exit(exitCode);

/** `^1.91.0` or `>=1.91.0` becomes `1.91.0`. */
function minimumVersion(range) {
  const match = /(\d+\.\d+\.\d+)/.exec(range);
  if (match === null) {
    throw new Error(`Cannot read a minimum version from engines.vscode "${range}".`);
  }
  return match[1];
}
