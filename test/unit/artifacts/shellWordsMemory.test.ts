/**
 * The commands of RUN texts are kept across edits, so what is kept must cost what it says: neither the
 * whole document a RUN's text was cut from (V8 keeps a substring as a view into its parent), nor a chain of
 * one string node per character for a word built character by character. Measured as the live heap after
 * full collections.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { splitShellCommands } from '../../../server/src/analysis/artifacts/shellWords';

// `gc` is only exposed when V8 is told so; setting the flag at run time and reading `gc` from a fresh
// context is the documented way to do that without a command-line flag.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function liveHeapMb(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** A document of about `mb` megabytes whose first line is `run`, built so that it is one flat string. */
function documentStartingWith(run: string, mb: number): string {
  return `${run}\n${'# padding\n'.repeat(mb * 2 ** 17)}`.split('').join('');
}

/** Splits the first line of a 16 MB document, which is gone when this returns unless the cache keeps it. */
function splitFirstLineOfLargeDocument(): void {
  const document = documentStartingWith('go build -o /out/unique-app-1 ./cmd/app', 16);
  splitShellCommands(document.slice(0, document.indexOf('\n')));
}

describe('splitShellCommands memory', () => {
  it('does not keep alive the document a RUN text was cut from', () => {
    const before = liveHeapMb();
    splitFirstLineOfLargeDocument();
    const after = liveHeapMb();
    assert.ok(after - before < 4, `the live heap grew by ${(after - before).toFixed(1)} MB`);
  });

  it('keeps a long word in one piece', () => {
    const text = `echo ${'x'.repeat(200_000)}unique-word-2`;
    const before = liveHeapMb();
    const commands = splitShellCommands(text);
    const after = liveHeapMb();
    assert.equal(commands[0]?.words[1]?.text.length, 200_000 + 'unique-word-2'.length);
    // 200 KB of characters; one node per character would be about 6 MB.
    assert.ok(after - before < 2, `the live heap grew by ${(after - before).toFixed(1)} MB`);
  });
});
