import { stageFoldingRanges } from '../analysis/navigation';
import { answerSafely } from './answerSafely';
import type { Feature } from './feature';

/** Folds each stage, each instruction continued over several lines, and each heredoc. */
export const foldingRangesFeature: Feature = {
  name: 'foldingRanges',
  capabilities: () => ({ foldingRangeProvider: true }),
  register(context) {
    context.connection.onFoldingRanges(({ textDocument }) =>
      answerSafely(context, 'foldingRange', textDocument.uri, [], (result) => stageFoldingRanges(result)),
    );
  },
};
