import type {
  ClientCapabilities,
  Connection,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { ClientSession } from '../handlers/clientSession';
import type { DiagnosticsPublisher } from '../handlers/diagnostics';
import type { SettingsStore } from '../handlers/settings';
import type { InitializationOptions } from '../initializationOptions';

/** What a feature gets when the server starts: the connection, the open documents and their analyses. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly settings: SettingsStore;
  readonly analyses: DocumentAnalyses;
  /** Publishes diagnostics; features with slower diagnostics of their own add them as follow-ups. */
  readonly diagnostics: DiagnosticsPublisher;
  /** What the client said in `initialize` (capabilities, options); read it in handlers, not at register. */
  readonly client: ClientSession;
}

/**
 * One LSP feature (hover, completion, code actions...). It declares the capabilities it answers for and
 * registers its handlers; `startServer` merges the capabilities of all features into the initialize result.
 */
export interface Feature {
  readonly name: string;
  capabilities(client: ClientCapabilities, options: InitializationOptions): Partial<ServerCapabilities>;
  register(context: ServerContext): void;
}
