import type { AnalysisResult } from '../analysis/analyze';
import type { DocumentAnalysis } from '../documentAnalyses';
import type { ServerContext } from './feature';
import { errorDetail } from '../analysis/errorDetail';

/**
 * Runs a request's core function over the document's cached analysis. A closed document gets `empty`,
 * and so does a core function that throws: the error is logged and the server keeps serving, because
 * one bad request must not cost the user every other feature.
 */
export async function answerSafely<T>(
  context: ServerContext,
  request: string,
  uri: string,
  empty: T,
  answer: (result: AnalysisResult, analysis: DocumentAnalysis) => T,
): Promise<T> {
  try {
    const analysis = await context.analyses.get(uri);
    return analysis ? answer(analysis.result, analysis) : empty;
  } catch (error) {
    context.connection.console.error(`${request} failed for ${uri}: ${errorDetail(error)}`);
    return empty;
  }
}
