/** The snippet expander behaves like VS Code's snippet parser on every construct the snippets use. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandSnippet } from './snippetExpander';

const expand = (body: string) => expandSnippet(body).text;

describe('snippet expander', () => {
  it('inserts the default of a placeholder and mirrors it at every plain tabstop of the same index', () => {
    assert.equal(
      expand('FROM $2 AS ${2:build}\nCOPY --from=$2 . .'),
      'FROM build AS build\nCOPY --from=build . .',
    );
  });

  it('lets the first placeholder with a value define the value of later ones', () => {
    assert.equal(expand('${1:first} ${1:second}'), 'first first');
  });

  it('expands nested placeholders', () => {
    const result = expandSnippet('${1:golang:${2:1.27}} then $2');
    assert.equal(result.text, 'golang:1.27 then 1.27');
    assert.deepEqual(result.tabstops, [1, 2]);
  });

  it('takes the first option of a choice, or the one chosen', () => {
    assert.equal(expand('node:${1|alpine,slim|} and $1'), 'node:alpine and alpine');
    const chosen = expandSnippet('${1|alpine,slim|}', { choose: (_index, options) => options[1] ?? '' });
    assert.equal(chosen.text, 'slim');
  });

  it('unescapes \\, and \\| inside choices but keeps other backslashes', () => {
    assert.equal(expand('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expand('${1|a\\|b|}'), 'a|b');
    assert.equal(expand('${1|a\\$b|}'), 'a\\$b');
  });

  it('turns \\$, \\} and \\\\ into literal characters and keeps other backslashes', () => {
    assert.equal(expand('GOOS=\\$TARGETOS \\} \\\\ a\\b'), 'GOOS=$TARGETOS } \\ a\\b');
    assert.equal(expand('RUN make \\\nall'), 'RUN make \\\nall');
    assert.equal(expand('${1:a\\}b}'), 'a}b');
  });

  it('treats a dollar that starts no construct as text', () => {
    assert.equal(expand('$(nproc) ${ 1} $'), '$(nproc) ${ 1} $');
    assert.equal(expand('${1:never closed'), '${1:never closed');
  });

  it('inserts $0 and tabstops without a default as empty text', () => {
    const result = expandSnippet('a$0b${3}c');
    assert.equal(result.text, 'abc');
    assert.deepEqual(result.tabstopsWithoutDefault, [3]);
  });

  it('resolves variables, falls back to their default, and inserts the name of unknown ones', () => {
    const resolveVariable = (name: string) => ({ TM_FILENAME: 'Dockerfile', TM_SELECTED_TEXT: '' })[name];
    const result = expandSnippet('$TM_FILENAME ${TM_SELECTED_TEXT:none} ${TM_FILENAME} $TARGETOS', {
      resolveVariable,
    });
    assert.equal(result.text, 'Dockerfile none Dockerfile TARGETOS');
    assert.deepEqual(result.unknownVariables, ['TARGETOS']);
  });

  it('rejects transforms instead of expanding them wrongly', () => {
    assert.throws(() => expandSnippet('${1/(.*)/${1:/upcase}/}'), /transforms are not supported/);
  });
});
