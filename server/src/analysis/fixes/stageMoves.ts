import type { ParsedDockerfile } from '../parseDockerfile';
import type { StageGraph } from '../stageModel';
import { stageBlock, type StageBlock } from './documentLayout';
import type { TextEdit } from './fix';
import { lineEndingOf } from './textEdits';

/** The text of a block's lines joined with the document's line ending, without a final one. */
function blockText(parsed: ParsedDockerfile, block: StageBlock, eol: string): string {
  return parsed.lines.slice(block.startLine, block.endLine + 1).join(eol);
}

/**
 * Edits that delete a block of whole lines. When the block runs to the end of the file, the line break
 * before it goes instead, so no empty line is left where it was.
 */
export function deleteBlock(parsed: ParsedDockerfile, block: StageBlock): TextEdit {
  const lines = parsed.lines;
  if (block.endLine + 1 < lines.length) {
    return {
      range: {
        start: { line: block.startLine, character: 0 },
        end: { line: block.endLine + 1, character: 0 },
      },
      newText: '',
    };
  }
  const previous = Math.max(0, block.startLine - 1);
  return {
    range: {
      start: { line: previous, character: block.startLine === 0 ? 0 : (lines[previous] ?? '').length },
      end: { line: block.endLine, character: (lines[block.endLine] ?? '').length },
    },
    newText: '',
  };
}

/**
 * Moves stage `moved` (with its comments) to just before stage `before`; both are whole-line edits, so
 * the text of every instruction, continuation lines and heredocs included, is carried over unchanged.
 */
export function moveStageEdits(
  parsed: ParsedDockerfile,
  graph: StageGraph,
  moved: number,
  before: number,
): TextEdit[] | undefined {
  const block = stageBlock(parsed, graph, moved);
  const target = stageBlock(parsed, graph, before);
  if (!block || !target || target.startLine >= block.startLine) {
    return undefined;
  }
  const eol = lineEndingOf(parsed.text);
  const at = { line: target.startLine, character: 0 };
  return [
    { range: { start: at, end: at }, newText: blockText(parsed, block, eol) + eol },
    deleteBlock(parsed, block),
  ];
}
