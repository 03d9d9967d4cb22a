import * as path from 'node:path';
import {
  commands,
  env,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type TextDocument,
  type WebviewPanel,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StageGraphRequest } from '../../../server/src/protocol';
import type { FromWebview, ToWebview } from '../../webview/messages';
import { StageStatusBar } from './stageStatusBar';
import { webviewHtml } from './webviewHtml';

/** Redraw at most this often while the user types. */
const REDRAW_THROTTLE_MS = 250;

export const SHOW_STAGE_GRAPH_COMMAND = 'dockerfileStages.showStageGraph';

/**
 * The "Show Stage Graph" view: one webview beside the editor that follows the active Dockerfile and
 * redraws as it changes. The server computes the graph; this class only moves messages around.
 */
export class StageGraphPanel implements Disposable {
  private panel: WebviewPanel | undefined;
  private document: TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The graph on screen, so a late answer for an older version never replaces a newer one. */
  private shown: { uri: string; version: number } | undefined;
  private readonly subscriptions: Disposable[] = [];

  constructor(
    private readonly context: ExtensionContext,
    private readonly client: LanguageClient,
  ) {}

  show(document: TextDocument | undefined): void {
    if (document?.languageId === 'dockerfile') {
      this.document = document;
    }
    if (this.panel) {
      this.panel.reveal(ViewColumn.Beside, true);
      this.scheduleRedraw(0);
      return;
    }
    const scriptRoot = Uri.file(path.join(this.context.extensionPath, 'dist'));
    const panel = window.createWebviewPanel(
      'dockerfileStages.stageGraph',
      this.title(),
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [scriptRoot], retainContextWhenHidden: false },
    );
    this.panel = panel;
    const scriptUri = panel.webview.asWebviewUri(Uri.joinPath(scriptRoot, 'stageGraphView.js'));
    panel.webview.html = webviewHtml(panel.webview, scriptUri);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => void this.onMessage(message)),
      window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === 'dockerfile' && editor.document !== this.document) {
          this.document = editor.document;
          this.scheduleRedraw(0);
        }
      }),
      workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) {
          this.scheduleRedraw(REDRAW_THROTTLE_MS);
        }
      }),
      workspace.onDidCloseTextDocument((closed) => {
        if (closed === this.document) {
          this.document = undefined;
          this.scheduleRedraw(0);
        }
      }),
    );
    panel.onDidDispose(() => this.disposePanel(), undefined, this.subscriptions);
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposePanel();
  }

  private disposePanel(): void {
    clearTimeout(this.timer);
    this.panel = undefined;
    for (const subscription of this.subscriptions.splice(0)) {
      subscription.dispose();
    }
  }

  private title(): string {
    return this.document ? `Stages: ${path.basename(this.document.uri.path)}` : 'Stage Graph';
  }

  /** Throttles, not debounces: a redraw is due at most `delay` after the first change of a burst. */
  private scheduleRedraw(delay: number): void {
    if (this.timer && delay > 0) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.redraw();
    }, delay);
  }

  private async redraw(): Promise<void> {
    const panel = this.panel;
    if (!panel) {
      return;
    }
    panel.title = this.title();
    const document = this.document;
    if (!document) {
      this.shown = undefined;
      await this.post({ type: 'empty', reason: 'Open a Dockerfile to see its stages.' });
      return;
    }
    try {
      const graph = await this.client.sendRequest(StageGraphRequest, { uri: document.uri.toString() });
      // An answer for a document the view no longer follows, or for an older version, is dropped.
      const stale =
        !graph ||
        document !== this.document ||
        (this.shown?.uri === graph.uri && graph.version < this.shown.version);
      if (graph && !stale) {
        this.shown = { uri: graph.uri, version: graph.version };
        await this.post({ type: 'graph', graph });
      }
    } catch (error) {
      await this.post({ type: 'empty', reason: `The stage graph is unavailable: ${String(error)}` });
    }
  }

  private async post(message: ToWebview): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.scheduleRedraw(0);
        return;
      case 'reveal':
        await this.reveal(message.range);
        return;
      case 'copyMermaid':
        await env.clipboard.writeText(message.mermaid);
        void window.showInformationMessage('Stage graph copied as Mermaid.');
        return;
      case 'saveSvg':
        await this.saveSvg(message.svg);
        return;
    }
  }

  private async reveal(range: {
    start: { line: number; character: number };
    end: { line: number; character: number };
  }): Promise<void> {
    if (!this.document) {
      return;
    }
    const target = new Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const editor = await window.showTextDocument(this.document, {
      viewColumn: window.visibleTextEditors.find((visible) => visible.document === this.document)?.viewColumn,
      preserveFocus: false,
    });
    editor.selection = new Selection(target.start, target.end);
    editor.revealRange(target, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async saveSvg(svg: string): Promise<void> {
    const base = this.document ? path.basename(this.document.uri.path) : 'Dockerfile';
    const defaultUri = this.document
      ? Uri.joinPath(this.document.uri, '..', `${base}.stages.svg`)
      : undefined;
    const target = await window.showSaveDialog({ defaultUri, filters: { SVG: ['svg'] } });
    if (target) {
      await workspace.fs.writeFile(target, Buffer.from(svg, 'utf8'));
      void window.showInformationMessage(`Stage graph saved to ${target.fsPath}.`);
    }
  }
}

/** Registers the command that opens the view, and the status bar summary that shares its request. */
export function registerStageGraph(context: ExtensionContext, client: LanguageClient): void {
  const panel = new StageGraphPanel(context, client);
  context.subscriptions.push(
    panel,
    new StageStatusBar(client),
    // From the editor title or context menu the command gets the file's URI; from the palette, nothing.
    commands.registerCommand(SHOW_STAGE_GRAPH_COMMAND, async (uri?: Uri) => {
      const document = uri ? await workspace.openTextDocument(uri) : window.activeTextEditor?.document;
      panel.show(document);
    }),
  );
}
