import { edgeText, nodeLines } from './graphLabels';
import type { GraphNode, StageGraphView } from './stageGraphView';

/**
 * The graph as a Mermaid flowchart, for READMEs and CI logs. Mismatch edges are drawn thick and red
 * (`linkStyle`), unused stages dashed and grey, the target stage bold.
 */
export function toMermaid(view: StageGraphView): string {
  const ids = new Map(view.nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = ['flowchart TD'];
  for (const node of view.nodes) {
    lines.push(`  ${ids.get(node.id)}${shape(node, nodeText(node))}`);
  }
  view.edges.forEach((edge) => {
    const label = edgeText(edge);
    const arrow = edge.kind === 'from' ? '==>' : '-->';
    lines.push(
      `  ${ids.get(edge.from)} ${arrow}${label ? `|"${escapeMermaid(label)}"|` : ''} ${ids.get(edge.to)}`,
    );
  });
  lines.push('  classDef unused stroke-dasharray: 5 5,color:#888,stroke:#888');
  lines.push('  classDef target stroke-width:3px');
  lines.push('  classDef image fill:#eee,stroke:#999');
  for (const node of view.nodes) {
    const className =
      node.kind === 'image' ? 'image' : node.unused ? 'unused' : node.isTarget ? 'target' : undefined;
    if (className) {
      lines.push(`  class ${ids.get(node.id)} ${className}`);
    }
  }
  view.edges.forEach((edge, index) => {
    if (edge.mismatch) {
      lines.push(`  linkStyle ${index} stroke:#d32f2f,stroke-width:3px`);
    }
  });
  return `${lines.join('\n')}\n`;
}

function nodeText(node: GraphNode): string {
  return nodeLines(node)
    .map((line) => escapeMermaid(line.text))
    .join('<br/>');
}

function shape(node: GraphNode, text: string): string {
  return node.kind === 'image' ? `[("${text}")]` : `["${text}"]`;
}

/** Mermaid has no escape for `"` inside a quoted label; its entity form `#quot;` is the documented way. */
function escapeMermaid(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
}
