import type { Range } from 'vscode-languageserver-types';
import type { Fix, FixContext, FixProvider } from './fix';
import { splitIntoStages } from './splitIntoStages';

/** ToolchainInFinalStage: "Split into build and runtime stages", offered on the diagnostic. */
export const toolchainInFinalStageFixes: FixProvider = {
  ruleId: 'ToolchainInFinalStage',
  fixes(_finding, context) {
    const fix = splitIntoStages(context);
    return fix ? [fix] : [];
  },
};

/**
 * The same refactoring from the final stage's FROM line, so it is there when the rule is switched
 * off or the cursor is simply on that line.
 */
export const splitIntoStagesRefactoring = {
  id: 'splitIntoStages',
  refactorings(context: FixContext, range: Range): readonly Fix[] {
    const stages = context.analysis.graph.stages;
    const last = stages[stages.length - 1];
    if (!last || !touches(last.fromRange, range)) {
      return [];
    }
    const fix = splitIntoStages(context);
    return fix ? [fix] : [];
  },
};

function touches(a: Range, b: Range): boolean {
  return !(
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character) ||
    b.start.line > a.end.line ||
    (b.start.line === a.end.line && b.start.character > a.end.character)
  );
}
