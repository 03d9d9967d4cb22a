/**
 * A minimal LSP client for protocol tests: it talks JSON-RPC to a real server (a child process over stdio,
 * or an in-process server over paired streams), answers `workspace/configuration` from a settings object
 * the test controls, and lets tests wait for the diagnostics they expect with a deadline.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { createConnection } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from '../../server/src/startServer';

export const SERVER_BUNDLE = join(__dirname, '..', '..', 'dist', 'server.js');

export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly initializeResult: InitializeResult;
  /** What `workspace/configuration` answers for the `dockerfileStages` section. */
  settings: Record<string, unknown>;
  readonly logs: string[];
  readonly published: PublishDiagnosticsParams[];
  /** The code-lens and inlay-hint refresh requests the server sent, in order. */
  readonly refreshes: string[];
  open(uri: string, text: string, version?: number): Promise<void>;
  /** Opens a document and resolves with the first diagnostics published for it. */
  openForDiagnostics(uri: string, text: string, version?: number): Promise<PublishDiagnosticsParams>;
  change(
    uri: string,
    version: number,
    changes: { range?: Diagnostic['range']; text: string }[],
  ): Promise<void>;
  close(uri: string): Promise<void>;
  /** Resolves with the first publication for `uri` (after the call) that satisfies `predicate`. */
  waitForDiagnostics(
    uri: string,
    predicate?: (params: PublishDiagnosticsParams) => boolean,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams>;
  configurationChanged(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Starts a client before the enclosing suite's tests and disposes of it after them; call it inside
 * `describe`. The returned client stands for the one started in `before`: it forwards every property read
 * and write, so tests use it like a client they started themselves.
 */
export function useClient<C extends TestClient>(start: () => Promise<C>): C {
  let started: C | undefined;
  before(async () => {
    started = await start();
  });
  after(async () => {
    await started?.dispose();
  });
  const client = (): C => {
    if (!started) {
      throw new Error('the client starts in before(): use it inside tests and hooks');
    }
    return started;
  };
  return new Proxy({} as C, {
    get: (_, property) => {
      const value: unknown = Reflect.get(client(), property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(client()) : value;
    },
    set: (_, property, value) => Reflect.set(client(), property, value),
  });
}

/** Starts `node dist/server.js --stdio` and runs the initialize handshake (with `initializationOptions`). */
export async function startStdioServer(
  initializationOptions?: unknown,
): Promise<TestClient & { readonly process: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const client = await initialize(
    connection,
    true,
    () => {
      child.kill();
    },
    initializationOptions,
  );
  return Object.assign(client, { process: child });
}

/** Starts the server in this process over paired streams, so tests can hand it extra rules. */
export async function startInProcessServer(
  options: ServerOptions,
  initializationOptions?: unknown,
): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(toServer, toClient), options);
  const connection = createProtocolConnection(
    new StreamMessageReader(toClient),
    new StreamMessageWriter(toServer),
  );
  // No `exit` notification here: the server would end this very process, the test runner.
  return initialize(
    connection,
    false,
    () => {
      toServer.end();
      toClient.end();
    },
    initializationOptions,
  );
}

async function initialize(
  connection: ProtocolConnection,
  sendExit: boolean,
  stop: () => void,
  initializationOptions?: unknown,
): Promise<TestClient> {
  const published: PublishDiagnosticsParams[] = [];
  const refreshes: string[] = [];
  const listeners = new Set<(params: PublishDiagnosticsParams) => void>();
  const logs: string[] = [];
  let initializeResult: InitializeResult = { capabilities: {} };
  const client: TestClient = {
    connection,
    get initializeResult() {
      return initializeResult;
    },
    settings: {},
    logs,
    published,
    refreshes,
    async open(uri, text, version = 1) {
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version, text },
      });
    },
    async openForDiagnostics(uri, text, version = 1) {
      const published = client.waitForDiagnostics(uri);
      await client.open(uri, text, version);
      return published;
    },
    async change(uri, version, contentChanges) {
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges,
      });
    },
    async close(uri) {
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    waitForDiagnostics(uri, predicate = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (params: PublishDiagnosticsParams) => {
          if (params.uri === uri && predicate(params)) {
            clearTimeout(timer);
            listeners.delete(listener);
            resolve(params);
          }
        };
        listeners.add(listener);
      });
    },
    async configurationChanged() {
      await connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    },
    async dispose() {
      try {
        await connection.sendRequest('shutdown');
        if (sendExit) {
          await connection.sendNotification('exit');
        }
      } catch {
        // The server may already be gone; stopping it is all that matters here.
      }
      connection.dispose();
      stop();
    },
  };

  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const listener of [...listeners]) {
      listener(params);
    }
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => logs.push(params.message));
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'dockerfileStages' ? client.settings : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  for (const method of ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh']) {
    connection.onRequest(method, () => {
      refreshes.push(method);
      return null;
    });
  }
  connection.listen();

  initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
    processId: null,
    rootUri: null,
    initializationOptions,
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        codeLens: { refreshSupport: true },
        inlayHint: { refreshSupport: true },
      },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  return client;
}

/** The text edits a code action makes to `uri`, whether it carries them as documentChanges or changes. */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const change = action.edit?.documentChanges?.[0];
  if (change && 'edits' in change) {
    assert.equal(change.textDocument.uri, uri);
    return change.edits;
  }
  return action.edit?.changes?.[uri] ?? [];
}
