import type { Heredoc, Instruction } from 'dockerfile-ast';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { AnalysisResult } from '../analyze';

/**
 * Folding ranges: one per stage (from its FROM to its last non-blank line), one per instruction that
 * spans several lines, and one per heredoc that does not already start and end with its instruction.
 */
export function stageFoldingRanges(result: AnalysisResult): FoldingRange[] {
  const { graph, parsed } = result;
  const ranges: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (startLine: number, endLine: number, kind?: string): void => {
    const key = `${startLine}:${endLine}`;
    if (endLine > startLine && !seen.has(key)) {
      seen.add(key);
      ranges.push(kind === undefined ? { startLine, endLine } : { startLine, endLine, kind });
    }
  };
  for (const stage of graph.stages) {
    let endLine = stage.range.end.line;
    // Blank lines before the next FROM belong to no instruction; folding them too would hide the gap.
    while (endLine > stage.range.start.line && (parsed.lines[endLine] ?? '').trim() === '') {
      endLine--;
    }
    add(stage.range.start.line, endLine, 'region');
  }
  for (const instruction of parsed.dockerfile?.getInstructions() ?? []) {
    const range = instruction.getRange();
    add(range.start.line, range.end.line);
    for (const heredoc of heredocsOf(instruction)) {
      const end = heredoc.getDelimiterRange() ?? heredoc.getContentRange();
      if (end) {
        add(heredoc.getStartRange().start.line, end.end.line);
      }
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function heredocsOf(instruction: Instruction): readonly Heredoc[] {
  const withHeredocs = instruction as Instruction & { getHeredocs?: () => Heredoc[] };
  try {
    return typeof withHeredocs.getHeredocs === 'function' ? withHeredocs.getHeredocs() : [];
  } catch {
    // The heredoc API is marked experimental in dockerfile-ast; an instruction it cannot read still folds.
    return [];
  }
}
