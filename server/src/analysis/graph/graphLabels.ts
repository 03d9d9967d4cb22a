import type { GraphEdge, GraphNode } from './stageGraphView';

/** What a line inside a node says, so each renderer can style it: name, base image, libc badge, flag. */
export type NodeLineRole = 'title' | 'detail' | 'badge' | 'flag';

export interface NodeLine {
  readonly text: string;
  readonly role: NodeLineRole;
}

/** The lines shown inside a node, shared by the webview, the Mermaid and the DOT outputs. */
export function nodeLines(node: GraphNode): NodeLine[] {
  if (node.kind === 'image') {
    return [
      { text: node.label, role: 'title' },
      { text: 'image', role: 'detail' },
    ];
  }
  const lines: NodeLine[] = [{ text: node.label, role: 'title' }];
  if (node.base !== undefined) {
    lines.push({ text: node.base, role: 'detail' });
  }
  const badge = [node.libc, node.platform].filter((part): part is string => Boolean(part));
  if (badge.length > 0) {
    lines.push({ text: badge.join(' · '), role: 'badge' });
  }
  if (node.isTarget) {
    lines.push({ text: 'target', role: 'flag' });
  } else if (node.unused) {
    lines.push({ text: 'only with --target', role: 'flag' });
  }
  return lines;
}

/** An edge's label: the copied paths, and a warning sign when the edge carries a mismatch. */
export function edgeText(edge: GraphEdge): string {
  const label = edge.kind === 'from' ? 'FROM' : edge.label;
  return edge.mismatch ? `⚠ ${label}` : label;
}
