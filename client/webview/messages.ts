import type { Range } from 'vscode-languageserver-types';
import type { StageGraphResult } from '../../server/src/protocol';

/** What the extension posts to the stage graph webview. */
export type ToWebview =
  | { readonly type: 'graph'; readonly graph: StageGraphResult }
  | { readonly type: 'empty'; readonly reason: string };

/** What the webview posts back. */
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly range: Range }
  | { readonly type: 'copyMermaid'; readonly mermaid: string }
  | { readonly type: 'saveSvg'; readonly svg: string };

/** Zoom and scroll, kept by the webview across redraws and reloads. */
export interface ViewState {
  readonly zoom: number;
  readonly panX: number;
  readonly panY: number;
}
