import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { declarationsOf } from '../../server/src/analysis/declarations';

function declared(line: string): [string, string | undefined, string][] {
  const instruction = DockerfileParser.parse(line).getInstructions()[0];
  return declarationsOf(instruction).map(({ name, value, range }) => [
    name,
    value,
    line.slice(range.start.character, range.end.character),
  ]);
}

describe('ARG and ENV declarations', () => {
  it('reads `ARG A B` as two ARGs without defaults, as BuildKit does', () => {
    assert.deepEqual(declared('ARG TARGETOS TARGETARCH'), [
      ['TARGETOS', undefined, 'TARGETOS'],
      ['TARGETARCH', undefined, 'TARGETARCH'],
    ]);
    assert.deepEqual(declared('ARG A B=2 C'), [
      ['A', undefined, 'A'],
      ['B', '2', 'B=2'],
      ['C', undefined, 'C'],
    ]);
  });

  it('keeps defaults and empty defaults', () => {
    assert.deepEqual(declared('ARG A=1 B'), [
      ['A', '1', 'A=1'],
      ['B', undefined, 'B'],
    ]);
    assert.deepEqual(declared('ARG A='), [['A', '', 'A=']]);
  });

  it("reads ENV's legacy `ENV NAME value` form as one variable", () => {
    assert.deepEqual(declared('ENV A B'), [['A', 'B', 'A B']]);
    assert.deepEqual(declared('ENV A=1 B=2'), [
      ['A', '1', 'A=1'],
      ['B', '2', 'B=2'],
    ]);
  });

  it('declares nothing for other instructions', () => {
    assert.deepEqual(declared('RUN A=1 true'), []);
  });
});
