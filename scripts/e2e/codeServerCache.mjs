// Where the end-to-end tests keep their copy of code-server, shared by the setup script and the drivers.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The last code-server release line that runs on Node 20; it ships VS Code 1.100.3. */
export const CODE_SERVER_VERSION = '4.100.3';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const cacheDir = path.join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);

export const codeServerDir = path.join(cacheDir, 'node_modules', 'code-server');

export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');

/** VS Code itself, inside the code-server package. */
export const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');

/** Written last by the setup script, so its presence means every step before it succeeded. */
export const setupMarker = path.join(cacheDir, '.setup-complete.json');

/**
 * Native modules are built against one Node ABI, so a cache made under another Node major version
 * has to be set up again.
 */
export function currentSetupStamp() {
  return { codeServer: CODE_SERVER_VERSION, nodeModuleVersion: process.versions.modules };
}

export function isSetupComplete() {
  if (!existsSync(setupMarker)) {
    return false;
  }
  try {
    const recorded = JSON.parse(readFileSync(setupMarker, 'utf8'));
    const expected = currentSetupStamp();
    return (
      recorded.codeServer === expected.codeServer && recorded.nodeModuleVersion === expected.nodeModuleVersion
    );
  } catch {
    return false;
  }
}

/** Debian's Chromium; Playwright's own browser builds cannot be downloaded here. */
export const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
