// Drives a language server over stdio the way an editor does, and times its diagnostics.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';

/** Milliseconds since an arbitrary origin, from the monotonic high-resolution clock. */
export function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Peak and current resident set size of a process, in MB, from /proc (Linux). */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const read = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { peakMb: read('VmHWM'), currentMb: read('VmRSS') };
}

/**
 * Starts `command args` with stdio, initializes it with a client that can answer `workspace/configuration`
 * (with null, so every server uses its defaults) and records each publishDiagnostics with its arrival time.
 */
export async function startServer(command, args, initializationOptions) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = now();
    for (const waiter of [...waiters]) {
      if (waiter.matches(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve({ at, params });
      }
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => {});
  connection.onNotification('telemetry/event', () => {});
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        synchronization: { didSave: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
      },
    },
    initializationOptions,
  });
  await connection.sendNotification('initialized', {});

  /** Resolves with the next publication for `uri` that `matches` accepts. */
  const nextDiagnostics = (uri, matches = () => true, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      waiters.push({
        matches: (params) => params.uri === uri && matches(params),
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      });
    });

  return {
    pid: child.pid,
    nextDiagnostics,
    open(uri, text, version = 1) {
      return connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version, text },
      });
    },
    change(uri, version, range, text) {
      return connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text }],
      });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        // The server may already be gone; killing it below is enough.
      }
      // Let the server exit on its own (it may write a CPU profile on the way out) before insisting.
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 2000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      connection.dispose();
      child.kill();
    },
  };
}
