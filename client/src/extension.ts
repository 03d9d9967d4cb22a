import * as path from 'node:path';
import { commands, workspace, type ExtensionContext } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LanguageFeatures } from './languageFeatures';
import { RestartPolicy } from './restartPolicy';
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
    errorHandler: restartHandler(new RestartPolicy()),
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

function restartHandler(policy: RestartPolicy): LanguageClientOptions['errorHandler'] {
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () =>
      policy.onClosed() === 'restart'
        ? { action: CloseAction.Restart }
        : {
            action: CloseAction.DoNotRestart,
            message:
              'The Dockerfile Stages server stopped 5 times in 3 minutes and is not restarted; see the "Dockerfile Stages" output. Run "Dockerfile Stages: Restart Server" to try again.',
          },
  };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
