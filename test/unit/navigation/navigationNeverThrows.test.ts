import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import {
  prepareStageRename,
  renameStage,
  stageCodeLenses,
  stageCompletions,
  stageDefinition,
  stageDocumentSymbols,
  stageFoldingRanges,
  stageHighlights,
  stageHover,
  stageReferences,
  stageWorkspaceSymbols,
} from '../../../server/src/analysis/navigation';

// Half-typed and malformed text the editor sends between keystrokes.
const INPUTS = [
  '',
  'FROM',
  'FROM ',
  'from AS',
  'COPY --from=',
  'FROM a AS b\nCOPY --from=\nRUN --mount=from=,\nFROM ${',
  '# escape=`\nFROM a AS b `\n\nCOPY --from=b `',
  'FROM a\nRUN <<EOF\nunterminated',
  'FROM a AS 1\nFROM 1\nCOPY --from=99 / /\nCOPY --from=$X / /',
  '\r\n\rFROM a AS b\r\nCOPY --from=b\r',
  '\u0000FROM\u0000 AS \uffff',
];

describe('stage navigation on any text', () => {
  for (const text of INPUTS) {
    it(`answers at every position of ${JSON.stringify(text)}`, () => {
      const result = analyze(text);
      assert.ok(Array.isArray(stageDocumentSymbols(result)));
      assert.ok(Array.isArray(stageFoldingRanges(result)));
      assert.ok(Array.isArray(stageCodeLenses(result)));
      assert.ok(Array.isArray(stageWorkspaceSymbols('file:///x', result, 'b')));
      const lines = result.parsed.lines;
      for (let line = 0; line <= lines.length; line++) {
        for (let character = 0; character <= (lines[line]?.length ?? 0) + 1; character++) {
          const position = { line, character };
          assert.ok(Array.isArray(stageCompletions(result, position)));
          assert.ok(Array.isArray(stageReferences(result.graph, position, true)));
          assert.ok(Array.isArray(stageHighlights(result.graph, position)));
          stageDefinition(result.graph, position);
          stageHover(result, position);
          prepareStageRename(result.graph, position);
          assert.equal(typeof renameStage(result.graph, position, 'renamed').ok, 'boolean');
        }
      }
    });
  }
});
