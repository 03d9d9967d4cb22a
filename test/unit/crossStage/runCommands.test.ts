import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/analysis/parseDockerfile';
import { locateRunCommands } from '../../../server/src/analysis/runCommands';

function commandWords(text: string) {
  const parsed = parseDockerfile(text);
  const dockerfile = parsed.dockerfile;
  assert.ok(dockerfile);
  const run = dockerfile.getInstructions().find((instruction) => instruction.getKeyword() === 'RUN');
  assert.ok(run);
  return locateRunCommands(run, parsed, dockerfile.getEscapeCharacter()).map(({ command, wordRanges }) => ({
    name: command.words[0]?.text,
    at: wordRanges[0] && [
      wordRanges[0].start.line,
      wordRanges[0].start.character,
      wordRanges[0].end.character,
    ],
  }));
}

describe('locateRunCommands', () => {
  it('places words on their own line across continuations, after flags', () => {
    assert.deepEqual(
      commandWords(
        'FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk \\\n    apk add curl && \\\n  apt-get update\n',
      ),
      [
        { name: 'apk', at: [2, 4, 7] },
        { name: 'apt-get', at: [3, 2, 9] },
      ],
    );
  });

  it('follows the escape directive and CRLF line ends', () => {
    assert.deepEqual(commandWords('# escape=`\r\nFROM alpine\r\nRUN set -eux; `\r\n  apk add git\r\n'), [
      { name: 'set', at: [2, 4, 7] },
      { name: 'apk', at: [3, 2, 5] },
    ]);
  });

  it('skips comment lines inside a continued RUN', () => {
    assert.deepEqual(commandWords('FROM alpine\nRUN true && \\\n# a comment\n  apk add git\n'), [
      { name: 'true', at: [1, 4, 8] },
      { name: 'apk', at: [3, 2, 5] },
    ]);
  });

  it('yields nothing for the exec form', () => {
    assert.deepEqual(commandWords('FROM alpine\nRUN ["apk", "add", "git"]\n'), []);
  });
});
