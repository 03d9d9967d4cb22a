import type {
  ClientCapabilities,
  Connection,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { SettingsStore } from '../handlers/settings';

/** What a feature gets when the server starts: the connection, the open documents and their analyses. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly settings: SettingsStore;
  readonly analyses: DocumentAnalyses;
}

/**
 * One LSP feature (hover, completion, code actions...). It declares the capabilities it answers for and
 * registers its handlers; `startServer` merges the capabilities of all features into the initialize result.
 */
export interface Feature {
  readonly name: string;
  capabilities(client: ClientCapabilities): Partial<ServerCapabilities>;
  register(context: ServerContext): void;
}
