// Runs the end-to-end tests in a real VS Code: code-server from .vscode-test/ (set up by
// setupCodeServer.mjs), with its workbench loaded in Debian's Chromium through playwright-core.
//
// 1. The in-editor suite (test/e2e/suite) runs in the extension host, started there by the harness
//    extension (test/e2e/harness), which writes the results to a file that this driver waits for.
// 2. Then each test/e2e/ui/*.ui.mjs runs here, in path order, with the Playwright page showing the
//    workbench: `export async function run({ page, workspace, screenshot })`.
//
// The extension must already be built; only the test suite is bundled here.
//
// Usage:
//   node scripts/e2e/runE2e.mjs --dev [--extension <folder>]  the built extension in a folder (default: this repository)
//   node scripts/e2e/runE2e.mjs --vsix <file>                 a packaged extension, installed with --install-extension
// Options:
//   --deadline <seconds>  give up and fail after this long (default 600)
//   --skip-ui             run only the in-editor suite
//   --grep <pattern>      run only the in-editor tests whose full title matches (implies --skip-ui)
//   --skip-suite          run only the UI tests
//   --ui <pattern>        run only the UI tests whose file name matches
//   --keep-temp           keep the temporary workspace, profile and extensions folder
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { bundleSuite } from './bundleSuite.mjs';
import { chromiumPath, isSetupComplete, repoRoot } from './codeServerCache.mjs';
import { describeError, printSummary } from './e2eSummary.mjs';
import {
  delay,
  findFreePort,
  installVsix,
  startCodeServer,
  waitUntilListening,
} from './codeServerProcess.mjs';

const resultsDir = path.join(repoRoot, 'test-results', 'e2e');
const fixtureWorkspace = path.join(repoRoot, 'test', 'e2e', 'workspace');
const harnessDir = path.join(repoRoot, 'test', 'e2e', 'harness');
const uiTestsDir = path.join(repoRoot, 'test', 'e2e', 'ui');

/** What a packaged extension holds besides its sources, copied for --dev. */
const extensionContents = [
  'package.json',
  'package.nls.json',
  'dist',
  'snippets',
  'syntaxes',
  'language-configuration.json',
  'images',
  'README.md',
  'LICENSE',
];

/** A UI test that hangs fails after this long, or at the overall deadline if that comes first. */
const uiTestTimeoutMs = 180_000;

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Settings that keep the workbench quiet: no welcome page, update checks or recommendations. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  // VS Code in a browser saves a second after each edit by default, desktop VS Code does not; the tests
  // edit fixtures, revert them and save with fixes on save, as a desktop user would.
  'files.autoSave': 'off',
};

const cleanups = [];
let cleaningUp;
/** Set once the browser is up, so that a run that fails later still leaves a picture of the workbench. */
let screenshotAfterError;

/** Runs the registered cleanups once, newest first, whatever stopped the run. */
function cleanUp() {
  cleaningUp ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`Cleaning up failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaningUp;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping code-server and the browser.`);
    void cleanUp().finally(() => process.exit(code));
  });
}

async function main() {
  const options = parseOptions();
  const deadlineMs = options.deadlineSeconds * 1000;
  const deadlineAt = Date.now() + deadlineMs;
  // A last resort for a step without its own timeout; every wait below also honours deadlineAt.
  setTimeout(() => {
    console.error(
      `\nThe end-to-end run exceeded its deadline of ${options.deadlineSeconds} s by a minute; aborting.`,
    );
    void cleanUp().finally(() => process.exit(1));
  }, deadlineMs + 60_000).unref();

  if (!isSetupComplete()) {
    throw new Error('code-server is not set up: run `node scripts/e2e/setupCodeServer.mjs` first.');
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: run \`apt-get install chromium\` (or set E2E_CHROMIUM).`,
    );
  }
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'dockerfile-stages-e2e-'));
  const folders = {
    extensionsDir: path.join(tempDir, 'extensions'),
    userDataDir: path.join(tempDir, 'user-data'),
    stateDir: path.join(tempDir, 'code-server-state'),
  };
  cleanups.push(() => {
    const logsDir = path.join(folders.userDataDir, 'logs');
    if (existsSync(logsDir)) {
      cpSync(logsDir, path.join(resultsDir, 'vscode-logs'), { recursive: true });
    }
    if (options.keepTemp) {
      console.log(`Kept ${tempDir}`);
    } else {
      rmSync(tempDir, { recursive: true, force: true });
    }
  });
  // Tests may edit the fixtures, so they work on a copy.
  const workspace = path.join(tempDir, 'workspace');
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  const resultsFile = path.join(tempDir, 'suite-results.json');

  const suiteBundle = await bundleSuite();
  mkdirSync(folders.extensionsDir, { recursive: true });
  // The harness goes in first: installing a .vsix writes extensions.json, after which VS Code removes
  // folders that it does not list, and the install lists the folders already present.
  copyExtensionFolder(harnessDir, folders.extensionsDir, ['package.json', 'extension.js']);
  installExtensionUnderTest(options, folders);
  mkdirSync(path.join(folders.userDataDir, 'User'), { recursive: true });
  writeFileSync(
    path.join(folders.userDataDir, 'User', 'settings.json'),
    JSON.stringify(userSettings, null, 2),
  );

  const port = await findFreePort();
  const server = startCodeServer({
    ...folders,
    port,
    workspace,
    logFile: path.join(resultsDir, 'code-server.log'),
    env: {
      // Without a suite to run, the harness extension does nothing.
      DOCKERFILE_STAGES_E2E_SUITE: options.skipSuite ? '' : suiteBundle,
      DOCKERFILE_STAGES_E2E_RESULTS: resultsFile,
      DOCKERFILE_STAGES_E2E_GREP: options.grep ?? '',
    },
  });
  cleanups.push(() => server.stop());
  await waitUntilListening(server, deadlineAt);
  console.log(`code-server is listening on ${server.url}`);

  const context = await chromium.launchPersistentContext(path.join(tempDir, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1600, height: 1000 },
    // Playwright's own signal handlers exit the process at once, before code-server has been stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => Promise.race([context.close(), delay(10_000)]));
  const page = context.pages()[0] ?? (await context.newPage());
  const browserLog = createWriteStream(path.join(resultsDir, 'browser-console.log'));
  cleanups.push(() => new Promise((resolve) => browserLog.end(resolve)));
  page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
  /** `options` are Playwright's screenshot options, for example a `clip` around the part that matters. */
  const screenshot = async (name, options = {}) => {
    const file = path.join(resultsDir, `${name}.png`);
    // Fades (hovers, menus) are finished first, so pictures show what the user sees once they settle.
    await page.screenshot({ ...options, path: file, animations: 'disabled' });
    return file;
  };
  screenshotAfterError = () => screenshot('error');

  const workbenchUrl = new URL(server.url);
  workbenchUrl.searchParams.set('folder', workspace);
  await page.goto(workbenchUrl.href, { timeout: Math.max(deadlineAt - Date.now(), 1) });
  console.log('Workbench loaded; waiting for the in-editor suite.');

  const results = options.skipSuite
    ? { tests: [] }
    : await waitForSuiteResults(resultsFile, server, deadlineAt);
  await screenshot(results.timedOut ? 'suite-deadline' : 'suite');
  const reported = results.tests.map((test) => ({ ...test, group: 'In-editor suite' }));

  if (!options.skipUi && !results.timedOut) {
    const selected = listUiTests().filter((file) => options.uiPattern?.test(path.basename(file)) ?? true);
    for (const file of selected) {
      reported.push(await runUiTest(file, { page, workspace, screenshot }, deadlineAt));
    }
  }
  return reported;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      dev: { type: 'boolean', default: false },
      extension: { type: 'string' },
      vsix: { type: 'string' },
      deadline: { type: 'string', default: '600' },
      'skip-ui': { type: 'boolean', default: false },
      grep: { type: 'string' },
      'skip-suite': { type: 'boolean', default: false },
      ui: { type: 'string' },
      'keep-temp': { type: 'boolean', default: false },
    },
  });
  if (values.dev === (values.vsix !== undefined)) {
    throw new Error('Pass either --dev (optionally with --extension <folder>) or --vsix <file>.');
  }
  const deadlineSeconds = Number(values.deadline);
  if (!(deadlineSeconds > 0)) {
    throw new Error(`--deadline takes a number of seconds, not ${values.deadline}.`);
  }
  return {
    extension: values.dev ? path.resolve(values.extension ?? repoRoot) : undefined,
    vsix: values.vsix === undefined ? undefined : path.resolve(values.vsix),
    deadlineSeconds,
    skipUi: values['skip-ui'] || values.grep !== undefined,
    grep: values.grep,
    skipSuite: values['skip-suite'],
    uiPattern: values.ui === undefined ? undefined : new RegExp(values.ui),
    keepTemp: values['keep-temp'],
  };
}

function installExtensionUnderTest(options, folders) {
  if (options.vsix !== undefined) {
    console.log(`Installing ${options.vsix}`);
    console.log(installVsix(options.vsix, folders));
    return;
  }
  const manifest = readManifest(options.extension);
  const main = path.join(options.extension, manifest.main ?? '');
  if (manifest.main !== undefined && !existsSync(main)) {
    throw new Error(`${main} does not exist: build the extension first (npm run build).`);
  }
  const installed = copyExtensionFolder(options.extension, folders.extensionsDir, extensionContents);
  console.log(`Copied ${options.extension} to ${installed}`);
}

/** Copies an unpacked extension to `<publisher>.<name>-<version>`, the folder name VS Code loads. */
function copyExtensionFolder(source, extensionsDir, entries) {
  const manifest = readManifest(source);
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  for (const entry of entries) {
    const from = path.join(source, entry);
    if (existsSync(from)) {
      cpSync(from, path.join(target, entry), { recursive: true });
    }
  }
  return target;
}

function readManifest(folder) {
  return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
}

/** Waits for the harness's results file; a missing file at the deadline is reported as a failure. */
async function waitForSuiteResults(resultsFile, server, deadlineAt) {
  while (Date.now() < deadlineAt) {
    if (existsSync(resultsFile)) {
      const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
      if (results.error !== undefined) {
        return {
          tests: [
            {
              fullTitle: 'loading the in-editor suite',
              state: 'failed',
              durationMs: 0,
              error: results.error,
            },
          ],
        };
      }
      return results;
    }
    if (!server.isRunning()) {
      const { code, signal } = await server.exited;
      throw new Error(
        `code-server exited while the suite ran (${code ?? signal}); see test-results/e2e/code-server.log.`,
      );
    }
    await delay(250);
  }
  const message = existsSync(`${resultsFile}.started`)
    ? 'The in-editor suite started but wrote no results before the deadline: a test hangs.'
    : 'The harness extension never activated: the extension host did not start or did not load it.';
  const error = { message: `${message} See test-results/e2e/ for screenshots and logs.` };
  return {
    timedOut: true,
    tests: [{ fullTitle: 'the in-editor suite', state: 'failed', durationMs: 0, error }],
  };
}

function listUiTests() {
  if (!existsSync(uiTestsDir)) {
    return [];
  }
  return readdirSync(uiTestsDir)
    .filter((file) => file.endsWith('.ui.mjs'))
    .sort()
    .map((file) => path.join(uiTestsDir, file));
}

async function runUiTest(file, { page, workspace, screenshot }, deadlineAt) {
  const name = path.basename(file, '.ui.mjs');
  const started = Date.now();
  const timeoutMs = Math.min(uiTestTimeoutMs, deadlineAt - started);
  const result = { group: 'UI', fullTitle: path.basename(file), durationMs: 0 };
  try {
    if (timeoutMs <= 0) {
      throw new Error('Not run: the deadline had passed.');
    }
    const test = await import(pathToFileURL(file).href);
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms.`)), timeoutMs);
    });
    try {
      await Promise.race([
        test.run({ page, workspace, screenshot: (shot, options) => screenshot(`${name}-${shot}`, options) }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
    return { ...result, state: 'passed', durationMs: Date.now() - started };
  } catch (error) {
    await screenshot(`${name}-failure`).catch(() => undefined);
    return { ...result, state: 'failed', durationMs: Date.now() - started, error: describeError(error) };
  }
}

let tests;
try {
  tests = await main();
} catch (error) {
  await screenshotAfterError?.().catch(() => undefined);
  tests = [
    {
      group: 'Setup',
      fullTitle: 'running VS Code',
      state: 'failed',
      durationMs: 0,
      error: describeError(error),
    },
  ];
}
await cleanUp();
const ok = printSummary(tests, resultsDir);
process.exit(ok ? 0 : 1);
