import * as path from 'node:path';
import { commands, workspace, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LanguageFeatures } from './languageFeatures';
import { registerShowStageReferences } from './showStageReferences';
import { registerStageGraph } from './stageGraph/stageGraphPanel';

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
  const languageFeatures = new LanguageFeatures();
  // The client id `dockerfileStages` makes vscode-languageclient read `dockerfileStages.trace.server`.
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dockerfile' }],
    synchronize: {
      configurationSection: 'dockerfileStages',
      // The server reads .dockerfile-stages.json itself; this tells it when to read it again.
      fileEvents: workspace.createFileSystemWatcher('**/.dockerfile-stages.json'),
    },
    initializationOptions: () => languageFeatures.initializationOptions(),
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
  registerStageGraph(context, languageClient);
  registerShowStageReferences(context, languageClient);
  context.subscriptions.push(...languageFeatures.watch(languageClient));
  // Activation must not wait for the server: the client connects in the background.
  void languageClient.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
