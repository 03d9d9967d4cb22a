// Runs the end-to-end suite inside code-server's extension host, which has no test runner of its own
// like the one @vscode/test-electron drives, and writes the results for scripts/e2e/runE2e.mjs.
// code-server hands its environment to the extension host, which is how the driver passes both paths.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- VS Code loads extensions as CommonJS, and the suite's path is known only at run time. */

const fs = require('node:fs');

/** The bundled suite (out/e2e/suite.js), built by scripts/e2e/bundleSuite.mjs. */
const suiteVariable = 'DOCKERFILE_STAGES_E2E_SUITE';
/** Where to write the results as JSON; the driver waits for this file to appear. */
const resultsVariable = 'DOCKERFILE_STAGES_E2E_RESULTS';

function activate() {
  const suitePath = process.env[suiteVariable];
  const resultsPath = process.env[resultsVariable];
  if (!suitePath || !resultsPath) {
    return;
  }
  // Tells the driver, if the suite never finishes, that the extension host did start.
  fs.writeFileSync(`${resultsPath}.started`, new Date().toISOString());
  // Activation has to return promptly, so the suite runs after it.
  void runSuite(suitePath, resultsPath);
}

async function runSuite(suitePath, resultsPath) {
  let results;
  try {
    const suite = require(suitePath);
    results = await suite.runAndCollect();
  } catch (error) {
    results = {
      error: {
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      },
    };
  }
  // Renaming a finished file keeps the driver from reading half-written JSON.
  const partialPath = `${resultsPath}.partial`;
  fs.writeFileSync(partialPath, JSON.stringify(results, null, 2));
  fs.renameSync(partialPath, resultsPath);
}

function deactivate() {}

module.exports = { activate, deactivate };
