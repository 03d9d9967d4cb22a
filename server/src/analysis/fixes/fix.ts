import type { Range } from 'vscode-languageserver-types';
import type { AnalysisResult } from '../analyze';
import type { Finding } from '../findings';
import type { AnalysisSettings } from '../settings';

/** A replacement of one range of the document; ranges of one fix never overlap. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** LSP code action kinds the core produces. */
export type FixKind = 'quickfix' | 'refactor.rewrite' | 'source' | 'source.fixAll';

/** One way to resolve a finding (or to refactor), as text edits over the analysed document. */
export interface Fix {
  /** Says exactly what will be written, e.g. "Change to 'builder'" or "Use base image 'debian:bookworm-slim'". */
  readonly title: string;
  readonly kind: FixKind;
  /** True when this is clearly the right fix; the editor applies it with one shortcut. */
  readonly isPreferred?: boolean;
  /** True when the fix is safe to apply without looking (casing, naming index references): fix-all uses it. */
  readonly safe?: boolean;
  /** True when `newText` of some edit is an LSP snippet (tabstops such as `${1:path}`). */
  readonly snippet?: boolean;
  readonly edits: readonly TextEdit[];
}

/** What a fix provider reads: the text, its analysis (parse, stage graph, findings) and the settings. */
export interface FixContext {
  readonly text: string;
  readonly analysis: AnalysisResult;
  readonly settings: AnalysisSettings;
}

/** Produces the fixes for findings of one rule. One file per rule in `fixes/`, listed in `fixes/index.ts`. */
export interface FixProvider {
  readonly ruleId: string;
  fixes(finding: Finding, context: FixContext): readonly Fix[];
}
