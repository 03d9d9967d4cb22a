// Starts and stops code-server for the end-to-end driver.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { codeServerEntry } from './codeServerCache.mjs';

/**
 * The environment for code-server and, through it, the extension host. Variables that a surrounding
 * VS Code sets are dropped: with VSCODE_IPC_HOOK_CLI set, code-server would hand `--install-extension`
 * to that editor instead of installing into the test's extensions folder.
 */
function childEnvironment(stateDir, extra) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VSCODE_') && name !== 'ELECTRON_RUN_AS_NODE',
    ),
  );
  // code-server keeps its config file and state under the XDG folders; these keep the user's home clean.
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(stateDir, 'config'),
    XDG_DATA_HOME: path.join(stateDir, 'data'),
    ...extra,
  };
}

function commonArguments({ extensionsDir, userDataDir, stateDir }) {
  const configFile = path.join(stateDir, 'config.yaml');
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(configFile, 'auth: none\n');
  return [
    codeServerEntry,
    '--config',
    configFile,
    '--extensions-dir',
    extensionsDir,
    '--user-data-dir',
    userDataDir,
    '--disable-telemetry',
    '--disable-update-check',
  ];
}

/** Installs a .vsix into the extensions folder with code-server's CLI, as a user would. */
export function installVsix(vsix, folders) {
  const result = spawnSync(process.execPath, [...commonArguments(folders), '--install-extension', vsix], {
    env: childEnvironment(folders.stateDir, {}),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `Installing ${vsix} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout.trim();
}

/** A port on the loopback interface that nothing listens on right now. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server in its own process group, so that stopping it also stops the extension host and
 * the other processes it forks. Output goes to `logFile`.
 */
export function startCodeServer({ port, workspace, logFile, env, ...folders }) {
  const args = [
    ...commonArguments(folders),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-workspace-trust',
    workspace,
  ];
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    env: childEnvironment(folders.stateDir, env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let running = true;
  void exited.then(() => {
    running = false;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    exited,
    isRunning: () => running,
    async stop() {
      if (!running) {
        return;
      }
      signalGroup(child.pid, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
      if (!stopped) {
        signalGroup(child.pid, 'SIGKILL');
        await exited;
      }
    },
  };
}

/** Waits until code-server answers HTTP, or fails when it exits or the deadline passes. */
export async function waitUntilListening(server, deadlineAt) {
  while (Date.now() < deadlineAt) {
    if (!server.isRunning()) {
      const { code, signal } = await server.exited;
      throw new Error(`code-server exited before it started listening (${code ?? signal}).`);
    }
    try {
      const response = await fetch(`${server.url}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  throw new Error('code-server did not start listening before the deadline.');
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
