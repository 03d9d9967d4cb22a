import type {
  Connection,
  DidChangeTextDocumentParams,
  DidOpenTextDocumentParams,
  NotificationHandler,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

type Checked<P> = (params: unknown) => params is P;

/**
 * Connects `documents` to the client's document notifications, dropping malformed ones with a warning.
 * TextDocuments trusts its input: a didOpen without text would hold a document whose text is undefined,
 * and every feature that later reads it would fail. The client owns the documents, so a notification that
 * cannot be applied is reported and ignored; the next well-formed one for the same document applies.
 */
export function listenToDocuments(documents: TextDocuments<TextDocument>, connection: Connection): void {
  const dropMalformed =
    <P>(method: string, isWellFormed: Checked<P>) =>
    (handler: NotificationHandler<P>): NotificationHandler<unknown> =>
    (params) => {
      if (isWellFormed(params)) {
        handler(params);
      } else {
        connection.console.warn(`Ignored a malformed ${method} notification: ${describe(params)}`);
      }
    };
  const open = dropMalformed('textDocument/didOpen', isDidOpenParams);
  const change = dropMalformed('textDocument/didChange', isDidChangeParams);
  const identified = <P extends Identified>(method: string, handler: NotificationHandler<P>) =>
    dropMalformed(method, hasDocumentUri<P>)(handler);
  documents.listen({
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(open(handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(change(handler)),
    onDidCloseTextDocument: (handler) =>
      connection.onDidCloseTextDocument(identified('textDocument/didClose', handler)),
    onDidSaveTextDocument: (handler) =>
      connection.onDidSaveTextDocument(identified('textDocument/didSave', handler)),
    onWillSaveTextDocument: (handler) =>
      connection.onWillSaveTextDocument(identified('textDocument/willSave', handler)),
    // A request, not a notification: a malformed one gets no edits.
    onWillSaveTextDocumentWaitUntil: (handler) =>
      connection.onWillSaveTextDocumentWaitUntil((params, token) =>
        hasDocumentUri(params) ? handler(params, token) : [],
      ),
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Params that name their document; whatever else they carry is passed on as it came. */
type Identified = { textDocument: { uri: string } };

function hasDocumentUri<P extends Identified = Identified>(params: unknown): params is P {
  return isObject(params) && isObject(params.textDocument) && typeof params.textDocument.uri === 'string';
}

/** Params that name their document, with every other field still to be checked. */
type Unchecked = Record<string, unknown> & { textDocument: Record<string, unknown> & { uri: string } };

function isDidOpenParams(params: unknown): params is DidOpenTextDocumentParams {
  if (!hasDocumentUri<Unchecked>(params)) {
    return false;
  }
  return typeof params.textDocument.text === 'string' && Number.isInteger(params.textDocument.version);
}

function isPosition(value: unknown): boolean {
  return isObject(value) && isCount(value.line) && isCount(value.character);
}

function isContentChange(value: unknown): boolean {
  if (!isObject(value) || typeof value.text !== 'string') {
    return false;
  }
  // A change without a range replaces the whole text; with one, both ends must be real positions.
  return (
    value.range === undefined ||
    (isObject(value.range) && isPosition(value.range.start) && isPosition(value.range.end))
  );
}

function isDidChangeParams(params: unknown): params is DidChangeTextDocumentParams {
  if (!hasDocumentUri<Unchecked>(params)) {
    return false;
  }
  const { textDocument, contentChanges } = params;
  return (
    Number.isInteger(textDocument.version) &&
    Array.isArray(contentChanges) &&
    contentChanges.every(isContentChange)
  );
}

/** A short rendering of what arrived, enough to find the sender's bug without flooding the log. */
function describe(params: unknown): string {
  const text = JSON.stringify(params) ?? String(params);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
