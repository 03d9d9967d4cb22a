import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from './analysis/analyze';
import { IncrementalAnalysis } from './analysis/incremental/incrementalAnalysis';
import type { AnalysisSettings } from './analysis/settings';
import type { Rule } from './analysis/rules/rule';
import type { SettingsStore } from './handlers/settings';

/** An analysis together with the exact document version and settings it was computed for. */
export interface DocumentAnalysis {
  /** The open document; TextDocuments updates it in place, so compare `version`, not `document.version`. */
  readonly document: TextDocument;
  readonly version: number;
  readonly settings: AnalysisSettings;
  readonly result: AnalysisResult;
}

/**
 * The one place the server runs the analysis. Diagnostics, hovers, completions and code actions all ask
 * here, so a document version is analysed once however many requests need it.
 */
export class DocumentAnalyses {
  private readonly cache = new Map<string, DocumentAnalysis>();
  /** Per open document: the parsed stages of its last version, so an edit re-parses only what changed. */
  private readonly incremental = new Map<string, IncrementalAnalysis>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly rules: readonly Rule[],
  ) {}

  /** The analysis of the document's current text, or undefined when the document is not open. */
  async get(uri: string): Promise<DocumentAnalysis | undefined> {
    const settings = await this.settings.get(uri);
    const document = this.documents.get(uri);
    if (!document) {
      return undefined;
    }
    return this.getSync(document, settings);
  }

  /** Analyses synchronously with settings already read; reuses the cached result when nothing changed. */
  getSync(document: TextDocument, settings: AnalysisSettings): DocumentAnalysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) {
      return cached;
    }
    const analysis: DocumentAnalysis = {
      document,
      version: document.version,
      settings,
      result: this.incrementalFor(document.uri).analyze(document.getText(), settings, this.rules),
    };
    this.cache.set(document.uri, analysis);
    return analysis;
  }

  private incrementalFor(uri: string): IncrementalAnalysis {
    let incremental = this.incremental.get(uri);
    if (!incremental) {
      incremental = new IncrementalAnalysis();
      this.incremental.set(uri, incremental);
    }
    return incremental;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.incremental.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
