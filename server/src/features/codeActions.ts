import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding } from '../analysis/findings';
import {
  fixAll,
  fixesFor,
  refactoringsAt,
  type Fix,
  type FixContext,
  type TextEdit,
} from '../analysis/fixes';
import { snippetToText } from '../analysis/fixes/snippetText';
import type { DocumentAnalysis } from '../documentAnalyses';
import { DIAGNOSTIC_SOURCE } from '../handlers/toDiagnostic';
import { answerSafely } from './answerSafely';
import type { Feature } from './feature';

/** The kind of "Fix all dockerfile-stages problems", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${DIAGNOSTIC_SOURCE}`;

const KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Source, FIX_ALL_KIND];

/**
 * Quick fixes for our diagnostics, refactorings at the cursor, and the source actions "Name all stages" and
 * fix-all. The fixes are computed by the core (analysis/fixes); this file only matches the diagnostics the
 * client sends to findings and wraps edits as a WorkspaceEdit for the analysed document version.
 */
export const codeActionsFeature: Feature = {
  name: 'codeActions',
  capabilities: () => ({ codeActionProvider: { codeActionKinds: KINDS, resolveProvider: false } }),
  register(context) {
    context.connection.onCodeAction((params) =>
      answerSafely(context, 'codeAction', params.textDocument.uri, [], (_result, analysis) =>
        codeActions(
          params,
          analysis,
          context.client.capabilities.workspace?.workspaceEdit?.documentChanges === true,
        ),
      ),
    );
  },
};

function codeActions(
  params: CodeActionParams,
  analysis: DocumentAnalysis,
  versionedEdits: boolean,
): CodeAction[] {
  const fixContext: FixContext = {
    text: analysis.result.parsed.text,
    analysis: analysis.result,
    settings: analysis.settings,
  };
  const only = params.context.only;
  const wanted = (kind: string, explicitOnly = false) =>
    only === undefined
      ? !explicitOnly
      : only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const toAction = (fix: Fix, diagnostics?: Diagnostic[]): CodeAction => ({
    title: fix.title,
    kind: fix.kind === 'source.fixAll' ? FIX_ALL_KIND : fix.kind,
    ...(diagnostics ? { diagnostics } : {}),
    ...(fix.isPreferred ? { isPreferred: true } : {}),
    edit: workspaceEdit(params.textDocument.uri, analysis.version, fix, versionedEdits),
  });

  // The same fix reached twice (two diagnostics on one instruction both offer "Ignore X for this
  // instruction"; a refactoring offered from its diagnostic and at the cursor) is one action.
  const byFix = new Map<string, CodeAction>();
  const add = (fix: Fix, diagnostic?: Diagnostic) => {
    const key = JSON.stringify([fix.kind, fix.title, fix.edits]);
    const existing = byFix.get(key);
    if (!existing) {
      byFix.set(key, toAction(fix, diagnostic ? [diagnostic] : undefined));
    } else if (diagnostic) {
      existing.diagnostics = [...(existing.diagnostics ?? []), diagnostic];
    }
  };
  for (const diagnostic of params.context.diagnostics) {
    const finding = findingFor(diagnostic, analysis.result.findings);
    if (!finding) {
      continue;
    }
    for (const fix of fixesFor(finding, fixContext)) {
      if (wanted(fix.kind)) {
        add(fix, diagnostic);
      }
    }
  }
  for (const fix of refactoringsAt(fixContext, params.range)) {
    // Source actions apply to the whole file, so the editor only shows them when asked for by kind.
    if (wanted(fix.kind, fix.kind.startsWith('source'))) {
      add(fix);
    }
  }
  const actions = [...byFix.values()];
  if (wanted(FIX_ALL_KIND, true)) {
    const edits = fixAll(fixContext.text, analysis.result, analysis.settings);
    if (edits.length > 0) {
      actions.push(toAction({ title: 'Fix all dockerfile-stages problems', kind: 'source.fixAll', edits }));
    }
  }
  return actions;
}

/** The finding a diagnostic was made from: same rule and same range (diagnostics carry no other id). */
function findingFor(diagnostic: Diagnostic, findings: readonly Finding[]): Finding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) {
    return undefined;
  }
  const { start, end } = diagnostic.range;
  return findings.find(
    (finding) =>
      finding.ruleId === diagnostic.code &&
      finding.range.start.line === start.line &&
      finding.range.start.character === start.character &&
      finding.range.end.line === end.line &&
      finding.range.end.character === end.character,
  );
}

function workspaceEdit(uri: string, version: number, fix: Fix, versioned: boolean): WorkspaceEdit {
  // LSP 3.17 has no snippet edits in code actions: tabstops are written as their placeholder text, which
  // the fix's title and its comments in the text already name.
  const edits: TextEdit[] = fix.snippet
    ? fix.edits.map((edit) => ({ range: edit.range, newText: snippetToText(edit.newText) }))
    : [...fix.edits];
  if (versioned) {
    return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  }
  return { changes: { [uri]: edits } };
}
