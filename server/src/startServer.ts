import {
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES } from './analysis/rules';
import type { Rule } from './analysis/rules/rule';
import { DocumentAnalyses } from './documentAnalyses';
import { FEATURES } from './features';
import type { Feature, ServerContext } from './features/feature';
import { ClientSession } from './handlers/clientSession';
import { DiagnosticsPublisher } from './handlers/diagnostics';
import { listenToDocuments } from './handlers/documentSync';
import { SettingsStore } from './handlers/settings';

export interface ServerOptions {
  /** The rules to run; tests pass extra ones (for example a rule that throws). */
  readonly rules?: readonly Rule[];
  /** The features to offer; defaults to all of them. */
  readonly features?: readonly Feature[];
}

/** Wires a connection to the handlers. Knows about LSP; knows nothing about Dockerfiles. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const rules = options.rules ?? ALL_RULES;
  const settings = new SettingsStore(connection, rules);
  const analyses = new DocumentAnalyses(documents, settings, rules);
  const diagnostics = new DiagnosticsPublisher(connection, documents, settings, analyses);
  const features = options.features ?? FEATURES;
  const client = new ClientSession();
  const context: ServerContext = { connection, documents, settings, analyses, diagnostics, client };
  for (const feature of features) {
    feature.register(context);
  }

  connection.onInitialize((params): InitializeResult => {
    settings.setClientCapabilities(params.capabilities);
    refreshSupport = {
      codeLens: params.capabilities.workspace?.codeLens?.refreshSupport === true,
      inlayHint: params.capabilities.workspace?.inlayHint?.refreshSupport === true,
    };
    client.initialize(params);
    settings.setDockerDx(client.options.dockerDx);
    return {
      capabilities: Object.assign(
        { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
        ...features.map((feature) => feature.capabilities(params.capabilities, client.options)),
      ) as InitializeResult['capabilities'],
      serverInfo: { name: 'dockerfile-stages' },
    };
  });

  connection.onInitialized(() => {
    void settings.registerForChanges();
  });

  let refreshSupport = { codeLens: false, inlayHint: false };
  /**
   * Settings decide findings, hints and lenses; diagnostics are pushed again, and clients that support it
   * are asked to pull lenses and inlay hints again, or they would show stale ones until the next edit.
   */
  const settingsChanged = (): void => {
    settings.clear();
    analyses.clear();
    diagnostics.revalidateAll();
    for (const [method, supported] of [
      ['workspace/codeLens/refresh', refreshSupport.codeLens],
      ['workspace/inlayHint/refresh', refreshSupport.inlayHint],
    ] as const) {
      if (supported) {
        connection.sendRequest(method).then(undefined, (error: unknown) => {
          connection.console.warn(`${method} failed: ${String(error)}`);
        });
      }
    }
  };
  connection.onDidChangeConfiguration(settingsChanged);
  // The client watches .dockerfile-stages.json files, which the settings merge in.
  connection.onDidChangeWatchedFiles(settingsChanged);

  documents.onDidOpen((event) => diagnostics.schedule(event.document));
  documents.onDidChangeContent((event) => diagnostics.schedule(event.document));
  documents.onDidClose((event) => {
    settings.forget(event.document.uri);
    analyses.forget(event.document.uri);
    diagnostics.clear(event.document.uri);
  });

  listenToDocuments(documents, connection);
  connection.listen();
}
