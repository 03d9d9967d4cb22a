import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { validateWithService } from '../../../server/src/features/languageService/serviceValidation';
import { ValidationThread } from '../../../server/src/features/languageService/validationThread';

const BUNDLED_WORKER = join(__dirname, '..', '..', '..', 'dist', 'validationWorker.js');
const TEXT = 'from alpine:3.20\nWORKDIR relative\nEXPOSE 80/tcp\n';

function codes(diagnostics: readonly { code?: unknown }[] | undefined): string[] {
  return (diagnostics ?? []).map((diagnostic) => String(diagnostic.code));
}

describe('ValidationThread', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'validation-thread-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('answers in the bundled worker exactly what the validation answers on this thread', async () => {
    const logs: string[] = [];
    const thread = new ValidationThread(BUNDLED_WORKER, (message) => logs.push(message), 0);
    try {
      const found = await thread.validate(TEXT);
      assert.equal(thread.usesWorker, true);
      assert.deepEqual(found, validateWithService(TEXT));
      assert.deepEqual(codes(found), ['CASING_INSTRUCTION', 'WORKDIR_IS_NOT_ABSOLUTE']);
      // Several at once are answered in order, each with its own text.
      const texts = ['FROM alpine\nWORKDIR a\n', 'FROM alpine\n', 'FROM alpine\nworkdir /b\n'];
      const answers = await Promise.all(texts.map((text) => thread.validate(text)));
      assert.deepEqual(answers, texts.map(validateWithService));
      assert.deepEqual(logs, []);
    } finally {
      thread.dispose();
    }
  });

  it('skips a waiting job that is no longer wanted', async () => {
    const thread = new ValidationThread(BUNDLED_WORKER, () => undefined, 0);
    try {
      let wanted = true;
      const first = thread.validate(TEXT);
      const second = thread.validate(TEXT, () => wanted);
      wanted = false;
      assert.deepEqual(codes(await first), ['CASING_INSTRUCTION', 'WORKDIR_IS_NOT_ABSOLUTE']);
      assert.equal(await second, undefined);
    } finally {
      thread.dispose();
    }
  });

  it('validates short texts on this thread, and starts the worker only for long ones', async () => {
    const thread = new ValidationThread(BUNDLED_WORKER, () => undefined, 1_000);
    try {
      assert.deepEqual(await thread.validate(TEXT), validateWithService(TEXT));
      assert.equal(thread.usesWorker, false);
      const long = TEXT + 'RUN true\n'.repeat(200);
      assert.deepEqual(await thread.validate(long), validateWithService(long));
      assert.equal(thread.usesWorker, true);
    } finally {
      thread.dispose();
    }
  });

  it('validates on this thread when there is no bundled worker', async () => {
    const logs: string[] = [];
    const thread = new ValidationThread(join(scratch, 'missing.js'), (message) => logs.push(message), 0);
    assert.deepEqual(await thread.validate(TEXT), validateWithService(TEXT));
    assert.equal(thread.usesWorker, false);
    assert.equal(await thread.validate(TEXT, () => false), undefined);
    assert.deepEqual(await thread.validate(TEXT), validateWithService(TEXT));
    assert.equal(logs.length, 1);
    assert.match(logs[0] ?? '', /No validation worker at .*missing\.js; validating on the server thread/);
  });

  it('fails the job of a worker that dies, and validates on this thread after repeated deaths', async () => {
    const dying = join(scratch, 'dying.js');
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const logs: string[] = [];
    const thread = new ValidationThread(dying, (message) => logs.push(message), 0);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await assert.rejects(thread.validate(TEXT), /exited with code 3/);
    }
    assert.equal(logs.length, 3);
    assert.match(logs[2] ?? '', /validating on the server thread from now on/);
    assert.deepEqual(await thread.validate(TEXT), validateWithService(TEXT));
    assert.equal(thread.usesWorker, false);
  });

  it('fails the job when the validation throws in the worker, and keeps the worker', async () => {
    const throwing = join(scratch, 'throwing.js');
    writeFileSync(
      throwing,
      [
        "const { parentPort } = require('node:worker_threads');",
        "parentPort.on('message', ({ id, text }) => parentPort.postMessage(",
        "  text === 'bad' ? { id, error: 'Error: cannot validate' } : { id, diagnostics: [] }));",
        '',
      ].join('\n'),
    );
    const logs: string[] = [];
    const thread = new ValidationThread(throwing, (message) => logs.push(message), 0);
    try {
      await assert.rejects(thread.validate('bad'), /cannot validate/);
      assert.deepEqual(await thread.validate('good'), []);
      assert.equal(thread.usesWorker, true);
      assert.deepEqual(logs, []);
    } finally {
      thread.dispose();
    }
  });
});
