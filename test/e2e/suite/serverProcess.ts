import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * The process id of the language server that this extension host started. vscode-languageclient passes
 * `--clientProcessId=<extension host pid>` to the server it spawns, and the suite runs in that extension
 * host, so the match is exact even when other VS Code windows run the same extension.
 */
export async function findServerProcess(): Promise<number | undefined> {
  const marker = `--clientProcessId=${process.pid}`;
  for (const { pid, commandLine } of await listProcesses()) {
    if (commandLine.includes(marker) && /dist[\\/]server\.js/.test(commandLine)) {
      return pid;
    }
  }
  return undefined;
}

async function listProcesses(): Promise<{ pid: number; commandLine: string }[]> {
  const { stdout } =
    process.platform === 'win32'
      ? await execFileAsync('powershell.exe', [
          '-NoProfile',
          '-Command',
          'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.CommandLine)" }',
        ])
      : await execFileAsync('ps', ['-A', '-o', 'pid=,args='], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.split(/\r?\n/).flatMap((line) => {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    return match ? [{ pid: Number(match[1]), commandLine: match[2] ?? '' }] : [];
  });
}
