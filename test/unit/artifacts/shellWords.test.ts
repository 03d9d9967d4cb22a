import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitShellCommands, type ShellCommand } from '../../../server/src/analysis/artifacts/shellWords';

const argv = (commands: readonly ShellCommand[]): string[][] =>
  commands.map((command) => command.words.map((word) => word.text));

describe('splitShellCommands', () => {
  it('splits at ;, &&, ||, |, & and newlines', () => {
    assert.deepEqual(argv(splitShellCommands('a 1; b 2 && c || d | e & f\ng')), [
      ['a', '1'],
      ['b', '2'],
      ['c'],
      ['d'],
      ['e'],
      ['f'],
      ['g'],
    ]);
  });

  it('joins line continuations and removes quotes', () => {
    assert.deepEqual(argv(splitShellCommands(`go build \\\n  -ldflags '-s -w' \\\r\n  -o "/out/my app" .`)), [
      ['go', 'build', '-ldflags', '-s -w', '-o', '/out/my app', '.'],
    ]);
  });

  it('keeps $(…), ${…} and backticks inside one word', () => {
    assert.deepEqual(
      argv(
        splitShellCommands(
          'cargo build --target "$(xx-cargo --print-target-triple)" ${FLAGS:-a b} `uname -m`',
        ),
      ),
      [['cargo', 'build', '--target', '$(xx-cargo --print-target-triple)', '${FLAGS:-a b}', '`uname -m`']],
    );
  });

  it('separates NAME=value prefixes and strips env, sudo and exec', () => {
    const [command] = splitShellCommands('CGO_ENABLED=0 GOOS=linux env -i GOARCH=arm64 sudo go build');
    assert.deepEqual(
      command?.assignments.map((assignment) => [assignment.name, assignment.value]),
      [
        ['CGO_ENABLED', '0'],
        ['GOOS', 'linux'],
        ['GOARCH', 'arm64'],
      ],
    );
    assert.deepEqual(
      command?.words.map((word) => word.text),
      ['go', 'build'],
    );
  });

  it('drops redirections, comments and leading keywords', () => {
    assert.deepEqual(
      argv(splitShellCommands('if true; then go build -o app . > /dev/null 2>&1; fi # done')),
      [['true'], ['go', 'build', '-o', 'app', '.']],
    );
  });

  it('reads sh -c scripts', () => {
    assert.deepEqual(argv(splitShellCommands(`sh -ec 'apk add gcc && CGO_ENABLED=1 go build .'`)), [
      ['apk', 'add', 'gcc'],
      ['go', 'build', '.'],
    ]);
  });

  it('records where each word is', () => {
    const text = 'apk add gcc';
    const [command] = splitShellCommands(text);
    const word = command?.words[2];
    assert.equal(text.slice(word?.start, word?.end), 'gcc');
  });

  it('survives unterminated quotes and substitutions', () => {
    for (const text of [
      'echo "abc',
      "echo 'abc",
      'echo $(abc',
      'echo ${abc',
      'echo `abc',
      '\\',
      '"\\',
      '$(',
      '<<',
      '2>',
    ]) {
      assert.ok(Array.isArray(splitShellCommands(text)), text);
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        splitShellCommands(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('is linear on adversarial input', () => {
    const started = performance.now();
    for (const seed of ['$(', '${', '"', "'", '`', '\\', '(', 'sh -c ', '>', '2>', '#', 'a=b ', 'env ']) {
      splitShellCommands(seed.repeat(Math.ceil(50_000 / seed.length)));
    }
    assert.ok(performance.now() - started < 2_000);
  });
});
