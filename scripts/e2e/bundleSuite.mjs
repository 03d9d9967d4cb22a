// Bundles the in-editor end-to-end suite into out/e2e/suite.js: test/e2e/suite/index.ts first, then every
// test/e2e/suite/**/*.e2e.ts in path order. index.ts binds Mocha's interface when it loads, so the test
// modules that follow it in the bundle register into its Mocha instance.
//
// Usage: node scripts/e2e/bundleSuite.mjs (the drivers also call bundleSuite() themselves).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot } from './codeServerCache.mjs';

const suiteDir = path.join(repoRoot, 'test', 'e2e', 'suite');

export const suiteBundle = path.join(repoRoot, 'out', 'e2e', 'suite.js');

/** Bundles the suite and returns the path of the bundle, whose exports are index.ts's. */
export async function bundleSuite() {
  const testFiles = readdirSync(suiteDir, { recursive: true })
    .filter((file) => file.endsWith('.e2e.ts'))
    .map((file) => `./${file.split(path.sep).join('/')}`)
    .sort();
  if (testFiles.length === 0) {
    throw new Error(`No *.e2e.ts files under ${suiteDir}.`);
  }
  const entry = [
    `export * from './index';`,
    ...testFiles.map((file) => `import ${JSON.stringify(file)};`),
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: suiteDir, sourcefile: 'e2e-suite-entry.js', loader: 'js' },
    bundle: true,
    platform: 'node',
    // The oldest supported VS Code (1.91) runs extensions on Node 20.
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    outfile: suiteBundle,
    sourcemap: 'linked',
    logLevel: 'warning',
    // Only Mocha's parallel mode resolves these files at run time, and the suite never runs in parallel.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return suiteBundle;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bundle = await bundleSuite();
  console.log(`Bundled the end-to-end suite into ${path.relative(process.cwd(), bundle)}`);
}
