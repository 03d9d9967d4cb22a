import * as vscode from 'vscode';
import { pollFor } from './poll';

/** The `source` of every diagnostic that the extension's language server publishes. */
export const diagnosticSource = 'dockerfile-stages';

/** The diagnostics that this extension published for a document, in document order. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === diagnosticSource)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** The rule id of a diagnostic: the server sends it as the code, with a link to the rule's docs. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  if (code === undefined) {
    return undefined;
  }
  return String(typeof code === 'object' ? code.value : code);
}

/** Waits for a diagnostic of `rule` on the document and returns it. */
export function waitForDiagnostic(
  uri: vscode.Uri,
  rule: string,
  options: { timeoutMs?: number; where?: (diagnostic: vscode.Diagnostic) => boolean } = {},
): Promise<vscode.Diagnostic> {
  const where = options.where ?? (() => true);
  return pollFor(
    `a ${rule} diagnostic on ${uri.path}`,
    () => ourDiagnostics(uri).find((diagnostic) => ruleOf(diagnostic) === rule && where(diagnostic)),
    { timeoutMs: options.timeoutMs ?? 30_000, explain: () => describeDiagnostics(uri) },
  );
}

/** Lists a document's diagnostics for failure messages, so a failing run shows what was there instead. */
export function describeDiagnostics(uri: vscode.Uri): string {
  const diagnostics = vscode.languages.getDiagnostics(uri);
  if (diagnostics.length === 0) {
    return `${uri.path} has no diagnostics at all.`;
  }
  const lines = diagnostics.map(
    (d) =>
      `  ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ` +
      `${vscode.DiagnosticSeverity[d.severity]} [${d.source ?? 'no source'} ${ruleOf(d) ?? ''}] ${d.message}`,
  );
  return `${uri.path} has these diagnostics:\n${lines.join('\n')}`;
}

/**
 * The range of the `occurrence`-th (from 1) `token` on the first line that contains `lineText`: tests
 * name ranges by their text instead of by column numbers that nobody can check by eye.
 */
export function rangeOf(
  document: vscode.TextDocument,
  lineText: string,
  token: string,
  occurrence = 1,
): vscode.Range {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (!text.includes(lineText)) {
      continue;
    }
    let character = -1;
    for (let found = 0; found < occurrence; found++) {
      character = text.indexOf(token, character + 1);
      if (character < 0) {
        throw new Error(`"${token}" occurs fewer than ${occurrence} times on line ${line + 1}: ${text}`);
      }
    }
    return new vscode.Range(line, character, line, character + token.length);
  }
  throw new Error(`No line of ${document.uri.path} contains "${lineText}".`);
}

/** A range as `line:column-line:column`, counting from 1 as editors show it, for assertion messages. */
export function formatRange(range: vscode.Range): string {
  const { start, end } = range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}
