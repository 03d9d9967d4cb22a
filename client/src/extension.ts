import * as path from 'node:path';
import { commands, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/**
 * Starts the language server and registers the commands. Everything about Dockerfiles happens in the
 * server; this side only connects VS Code to it.
 */
export function activate(context: ExtensionContext): void {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      // A fixed port so the "Attach to Server" launch configuration can find it.
      options: { execArgv: ['--nolazy', '--inspect=6010'] },
    },
  };
  // The client id `dockerfileStages` makes vscode-languageclient read `dockerfileStages.trace.server`.
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dockerfile' }],
    synchronize: { configurationSection: 'dockerfileStages' },
  };
  const languageClient = new LanguageClient(
    'dockerfileStages',
    'Dockerfile Stages',
    serverOptions,
    clientOptions,
  );
  client = languageClient;

  context.subscriptions.push(
    commands.registerCommand('dockerfileStages.restartServer', () => languageClient.restart()),
  );
  // Activation must not wait for the server: the client connects in the background.
  void languageClient.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
