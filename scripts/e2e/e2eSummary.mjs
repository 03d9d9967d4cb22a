// The mocha-style summary that runE2e.mjs prints for the in-editor suite and the UI tests together.
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/**
 * Prints each result, then the failures with their stacks, then a closing `N passed, N failed` line.
 * Returns whether the run counts as passed: no failures and at least one test.
 */
export function printSummary(tests, resultsDir) {
  let group;
  for (const test of tests) {
    if (test.group !== group) {
      group = test.group;
      console.log(`\n  ${group}`);
    }
    const mark = { passed: '✔', failed: '✖', pending: '-' }[test.state];
    const duration = test.state === 'pending' ? '' : ` (${(test.durationMs / 1000).toFixed(1)} s)`;
    console.log(`    ${mark} ${test.fullTitle}${duration}`);
  }
  const failures = tests.filter((test) => test.state === 'failed');
  failures.forEach((test, index) => {
    console.log(`\n  ${index + 1}) ${test.group ?? ''}: ${test.fullTitle}`);
    console.log(indent(test.error?.stack ?? test.error?.message ?? 'no error recorded', '     '));
  });
  const passed = tests.filter((test) => test.state === 'passed').length;
  const pending = tests.filter((test) => test.state === 'pending').length;
  console.log(`\nScreenshots and logs: ${path.relative(process.cwd(), resultsDir) || '.'}`);
  if (pending > 0) {
    console.log(`${pending} pending`);
  }
  console.log(`${passed} passed, ${failures.length} failed`);
  return failures.length === 0 && passed > 0;
}

/** Playwright colours its messages for terminals; the summary and CI logs want plain text. */
export function describeError(error) {
  if (!(error instanceof Error)) {
    return { message: String(error) };
  }
  const stack = error.stack === undefined ? undefined : stripVTControlCharacters(error.stack);
  return { message: stripVTControlCharacters(error.message), stack };
}

function indent(text, prefix) {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
