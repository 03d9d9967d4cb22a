import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';

/**
 * Puts the problems of a `.dockerfile-stages.json` on that file, so they show in the Problems view next to
 * the file that causes them; the Dockerfiles under it keep being analysed with what was usable.
 * The file is not a document the server syncs, so positions are found in the messages where JSON.parse
 * gives one, and otherwise the first line is used.
 */
export class ProjectConfigDiagnostics {
  private readonly published = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  /** Publishes `problems` for the file at `path` (an empty list clears it); unchanged lists are not resent. */
  publish(path: string, problems: readonly string[], text: string | undefined): void {
    const uri = pathToFileURL(path).toString();
    const key = problems.join('\n');
    if ((this.published.get(uri) ?? '') === key) {
      return;
    }
    if (key === '') {
      this.published.delete(uri);
    } else {
      this.published.set(uri, key);
    }
    const diagnostics = problems.map((problem) => toDiagnostic(problem, path, text));
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Clears every file published so far; the next reads publish again what is still wrong. */
  clearAll(): void {
    for (const uri of this.published.keys()) {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published.clear();
  }
}

function toDiagnostic(problem: string, path: string, text: string | undefined): Diagnostic {
  // Messages name the file for the output channel and the CLI; on the file itself that is redundant.
  const message = problem.startsWith(`${path}: `) ? problem.slice(path.length + 2) : problem;
  const position = text === undefined ? undefined : positionInMessage(message, text);
  const start = position ?? { line: 0, character: 0 };
  return {
    range: { start, end: { line: start.line, character: start.character + 1 } },
    severity: message.startsWith('not valid JSON') ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'dockerfile-stages',
    message,
  };
}

/** `Unexpected token } in JSON at position 42` → the line and column of offset 42. */
function positionInMessage(message: string, text: string): { line: number; character: number } | undefined {
  const match = /at position (\d+)/.exec(message);
  if (!match) {
    return undefined;
  }
  const offset = Math.min(Number(match[1]), text.length);
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: offset - lineStart };
}
