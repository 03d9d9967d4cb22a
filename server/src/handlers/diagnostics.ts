import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { SettingsStore } from './settings';
import { toDiagnostic } from './toDiagnostic';

/**
 * Analyses documents and publishes their diagnostics. Changes that arrive while settings are being read
 * coalesce: only the newest version of a document is analysed, and a result for a version that is no
 * longer current, or for a document that was closed meanwhile, is dropped rather than published.
 */
export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly analyses: DocumentAnalyses,
  ) {}

  schedule(document: TextDocument): void {
    if (this.pending.has(document.uri)) {
      return;
    }
    this.pending.add(document.uri);
    void this.settings.get(document.uri).then(
      (settings) => {
        this.pending.delete(document.uri);
        const current = this.documents.get(document.uri);
        if (!current) {
          return;
        }
        const { result } = this.analyses.getSync(current, settings);
        for (const failure of result.failures) {
          this.connection.console.error(
            `Rule ${failure.ruleId} failed on ${current.uri}: ${failure.message}`,
          );
        }
        void this.connection.sendDiagnostics({
          uri: current.uri,
          version: current.version,
          diagnostics: result.findings.map(toDiagnostic),
        });
      },
      (error: unknown) => {
        this.pending.delete(document.uri);
        this.connection.console.error(`Could not analyse ${document.uri}: ${String(error)}`);
      },
    );
  }

  revalidateAll(): void {
    for (const document of this.documents.all()) {
      this.schedule(document);
    }
  }

  clear(uri: string): void {
    this.pending.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
