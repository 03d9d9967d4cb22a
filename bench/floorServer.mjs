// The least a language server can do per edit, as a floor for the benchmark's times: it keeps the document
// (incremental sync, as ours does) and publishes empty diagnostics for every version, over the same stdio
// transport and library as our server. Whatever a real server takes beyond this is its own work.
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
const publish = (event) => {
  void connection.sendDiagnostics({
    uri: event.document.uri,
    version: event.document.version,
    diagnostics: [],
  });
};
documents.onDidOpen(publish);
documents.onDidChangeContent(publish);
documents.listen(connection);
connection.listen();
