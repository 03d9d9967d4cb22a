import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snippetToText } from '../../../server/src/analysis/fixes/snippetText';
import { applyEdits, diffEdits, lineEndingOf } from '../../../server/src/analysis/fixes/textEdits';

const at = (line: number, character: number) => ({ line, character });

describe('applyEdits', () => {
  it('applies edits against the original positions, in any order', () => {
    const text = 'FROM a AS X\r\nCOPY --from=X /a /b\r\n';
    const result = applyEdits(text, [
      { range: { start: at(1, 12), end: at(1, 13) }, newText: 'x' },
      { range: { start: at(0, 10), end: at(0, 11) }, newText: 'x' },
      { range: { start: at(0, 0), end: at(0, 0) }, newText: '# c\r\n' },
    ]);
    assert.equal(result, '# c\r\nFROM a AS x\r\nCOPY --from=x /a /b\r\n');
  });

  it('clamps a character past the end of a line to before its line break', () => {
    assert.equal(
      applyEdits('ab\r\ncd', [{ range: { start: at(0, 9), end: at(0, 9) }, newText: '!' }]),
      'ab!\r\ncd',
    );
  });
});

describe('diffEdits', () => {
  it('gives one edit per changed line when lines are kept', () => {
    const before = 'FROM a as B\nRUN x\nCOPY --from=B /a /b\n';
    const after = 'FROM a AS b\nRUN x\nCOPY --from=b /a /b\n';
    const edits = diffEdits(before, after);
    assert.deepEqual(edits, [
      { range: { start: at(0, 7), end: at(0, 11) }, newText: 'AS b' },
      { range: { start: at(2, 12), end: at(2, 13) }, newText: 'b' },
    ]);
    assert.equal(applyEdits(before, edits), after);
  });

  it('gives one edit over the changed middle when lines are added, never splitting CRLF', () => {
    const before = 'A\r\nB\r\nC\r\n';
    const after = 'A\r\nX\r\nB\r\nC\r\n';
    const edits = diffEdits(before, after);
    assert.equal(edits.length, 1);
    assert.equal(applyEdits(before, edits), after);
  });
});

describe('lineEndingOf', () => {
  it('reads the first line ending, LF by default', () => {
    assert.equal(lineEndingOf('a\r\nb\nc'), '\r\n');
    assert.equal(lineEndingOf('a\nb\r\n'), '\n');
    assert.equal(lineEndingOf('one line'), '\n');
  });
});

describe('snippetToText', () => {
  it('writes every tabstop as its placeholder', () => {
    assert.equal(
      snippetToText('COPY --from=build ${1:/out/app} ${2:/app}$0'),
      'COPY --from=build /out/app /app',
    );
    assert.equal(snippetToText('${1:outer ${2:inner}} $1 ${3|alpine,debian|}'), 'outer inner  alpine');
    assert.equal(snippetToText('echo \\$HOME \\} \\\\'), 'echo $HOME } \\');
    assert.equal(snippetToText('RUN echo $'), 'RUN echo $');
  });
});
