import { analyzeParsed, textOrEmpty, type AnalysisResult } from '../analyze';
import { ALL_RULES } from '../rules';
import type { Rule } from '../rules/rule';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../settings';
import { IncrementalParser } from './incrementalParser';

/**
 * The analysis of successive versions of one document. Its results equal `analyze(text)` for the same
 * text (a differential test checks this after every step of long random edit sequences); it is faster
 * because unchanged stages are not parsed again.
 */
export class IncrementalAnalysis {
  private readonly parser = new IncrementalParser();

  analyze(
    text: string,
    settings: AnalysisSettings = DEFAULT_SETTINGS,
    rules: readonly Rule[] = ALL_RULES,
  ): AnalysisResult {
    return analyzeParsed(this.parser.parse(textOrEmpty(text)), settings, rules);
  }
}
