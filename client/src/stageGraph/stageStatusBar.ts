import {
  StatusBarAlignment,
  ThemeColor,
  window,
  workspace,
  type Disposable,
  type StatusBarItem,
  type TextDocument,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StageGraphRequest } from '../../../server/src/protocol';

/** Update at most this often while the user types; the summary changes rarely. */
const UPDATE_THROTTLE_MS = 500;

/**
 * The status bar item shown while a Dockerfile is active: the stage count and the C-library path into
 * the target stage (`3 stages · glibc → musl ⚠`). Clicking it focuses the Problems view.
 */
export class StageStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {
    this.item = window.createStatusBarItem('dockerfileStages.summary', StatusBarAlignment.Right, 100);
    this.item.name = 'Dockerfile Stages';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      workspace.onDidChangeTextDocument((event) => {
        if (event.document === window.activeTextEditor?.document) {
          this.schedule(UPDATE_THROTTLE_MS);
        }
      }),
      // Settings such as the target change which stage the summary follows.
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dockerfileStages')) {
          this.schedule(UPDATE_THROTTLE_MS);
        }
      }),
    );
    this.schedule(0);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }

  private schedule(delay: number): void {
    if (this.timer && delay > 0) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update(window.activeTextEditor?.document);
    }, delay);
  }

  private async update(document: TextDocument | undefined): Promise<void> {
    if (document?.languageId !== 'dockerfile') {
      this.item.hide();
      return;
    }
    try {
      const graph = await this.client.sendRequest(StageGraphRequest, { uri: document.uri.toString() });
      if (!graph || document !== window.activeTextEditor?.document) {
        return;
      }
      this.item.text = `$(layers) ${graph.summary.text}`;
      this.item.tooltip = `${graph.summary.tooltip} Click to open the Problems view.`;
      this.item.backgroundColor = graph.summary.warning
        ? new ThemeColor('statusBarItem.warningBackground')
        : undefined;
      this.item.show();
    } catch {
      // The server is starting or restarting; the next edit or editor switch updates the item.
      this.item.hide();
    }
  }
}
