import { randomBytes } from 'node:crypto';
import type { Uri, Webview } from 'vscode';

/**
 * The webview page. The Content-Security-Policy allows nothing remote: one nonce'd script and one
 * nonce'd style block, both shipped in the extension. Colours come from VS Code's theme variables, so
 * light, dark and high-contrast themes all work.
 */
export function webviewHtml(webview: Webview, scriptUri: Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Stage graph</title>
<style nonce="${nonce}">${STYLES}</style>
</head>
<body>
<div class="toolbar" role="toolbar">
  <button id="copyMermaid" title="Copy the graph as Mermaid text">Copy as Mermaid</button>
  <button id="saveSvg" title="Save the graph as an SVG file">Save as SVG</button>
  <button id="resetZoom" title="Reset zoom and scroll">Reset view</button>
  <span id="status" class="status" aria-live="polite"></span>
</div>
<div id="canvas" class="canvas"></div>
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}

const STYLES = `
body { margin: 0; padding: 0; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); overflow: hidden; }
.toolbar { display: flex; gap: 6px; align-items: center; padding: 6px 8px;
  border-bottom: 1px solid var(--vscode-panel-border, transparent); }
button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground);
  border: 1px solid var(--vscode-button-border, transparent); padding: 3px 8px; cursor: pointer; font: inherit; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:focus-visible, .node:focus-visible rect, .edge:focus-visible path { outline: none;
  stroke: var(--vscode-focusBorder); stroke-width: 2px; }
.status { color: var(--vscode-descriptionForeground); margin-left: auto; }
.canvas { position: absolute; top: 36px; left: 0; right: 0; bottom: 0; overflow: hidden; cursor: grab; }
.canvas svg { transform-origin: 0 0; }
.node { cursor: pointer; }
.node rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, var(--vscode-contrastBorder, currentColor)); stroke-width: 1px; }
.node.target rect { stroke: var(--vscode-focusBorder); stroke-width: 2.5px; }
.node.image rect { fill: var(--vscode-editor-background); stroke-dasharray: 2 2; }
.node.unused { opacity: 0.55; }
.node.unused rect { stroke-dasharray: 5 4; }
.node text { fill: var(--vscode-editor-foreground); }
.node text.title { font-weight: bold; }
.node text.detail, .node text.flag { fill: var(--vscode-descriptionForeground); }
.node text.badge { fill: var(--vscode-textLink-foreground); }
.edge { cursor: pointer; }
.edge path { fill: none; stroke: var(--vscode-editor-foreground); stroke-opacity: 0.7; stroke-width: 1.5px; }
.edge.from path { stroke-width: 2.5px; }
.edge text { fill: var(--vscode-descriptionForeground); font-size: 0.9em; paint-order: stroke;
  stroke: var(--vscode-editor-background); stroke-width: 4px; stroke-linejoin: round; }
.edge-arrow { fill: var(--vscode-editor-foreground); }
.edge.mismatch path { stroke: var(--vscode-editorWarning-foreground); stroke-opacity: 1; stroke-width: 2.5px; }
.edge.mismatch text { fill: var(--vscode-editorWarning-foreground); }
.edge-arrow.warning { fill: var(--vscode-editorWarning-foreground); }
`;
