// Runs the end-to-end suite inside a VS Code extension host.
//
// scripts/e2e/bundleSuite.mjs bundles this module first and every test/e2e/suite/**/*.e2e.ts after it
// into one CommonJS file. Bundling keeps Mocha, an ES module since version 12, loadable by `require`
// in extension hosts whose Node cannot require ES modules. Mocha's TDD interface is bound when this
// module loads, so the test modules evaluated after it register into this instance.
import Mocha from 'mocha';

/** One test, or one hook that failed, as the drivers report it. */
export interface E2eTestResult {
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: { message: string; stack?: string };
}

/** What the harness extension writes for scripts/e2e/runE2e.mjs. */
export interface E2eResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: E2eTestResult[];
}

// Individual waits carry their own, shorter deadlines (see poll.ts); this only stops a test that hangs.
const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 120_000 });
mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'e2e-suite.js', mocha);
// `runE2e.mjs --grep <pattern>` runs only the tests whose full title matches, for work on one test.
const grep = process.env['DOCKERFILE_STAGES_E2E_GREP'];
if (grep !== undefined && grep !== '') {
  mocha.grep(grep);
}

/** Runs the suite and resolves with every result; failing tests do not reject. */
export function runAndCollect(): Promise<E2eResults> {
  const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  const started = Date.now();
  const tests: E2eTestResult[] = [];
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      resolve({
        passed: tests.filter((test) => test.state === 'passed').length,
        failed: tests.filter((test) => test.state === 'failed').length,
        pending: tests.filter((test) => test.state === 'pending').length,
        durationMs: Date.now() - started,
        tests,
      });
    });
    runner.on(EVENT_TEST_PASS, (test) => {
      tests.push({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
    });
    // Mocha reports failed hooks through the same event, with the hook in place of a test.
    runner.on(EVENT_TEST_FAIL, (test, error) => {
      tests.push({
        fullTitle: test.fullTitle(),
        state: 'failed',
        durationMs: test.duration ?? 0,
        error: describeError(error),
      });
    });
    runner.on(EVENT_TEST_PENDING, (test) => {
      tests.push({ fullTitle: test.fullTitle(), state: 'pending', durationMs: 0 });
    });
  });
}

/**
 * The entry point that VS Code's test runner (`extensionTestsPath`, used by @vscode/test-electron)
 * calls: it resolves when every test passed and rejects otherwise.
 */
export async function run(): Promise<void> {
  const results = await runAndCollect();
  // The same closing line as runE2e.mjs prints, for CI logs of desktop runs.
  console.log(`${results.passed} passed, ${results.failed} failed`);
  if (results.failed > 0) {
    throw new Error(`${results.failed} end-to-end test(s) failed.`);
  }
}

function describeError(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) {
    return error.stack === undefined
      ? { message: error.message }
      : { message: error.message, stack: error.stack };
  }
  return { message: String(error) };
}
