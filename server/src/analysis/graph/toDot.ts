import type { StageGraphView } from './stageGraphView';
import { edgeText, nodeLines } from './graphLabels';

/** The graph in Graphviz DOT, rendered with `dot -Tsvg`. Same styling rules as the Mermaid output. */
export function toDot(view: StageGraphView): string {
  const ids = new Map(view.nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = [
    'digraph stages {',
    '  rankdir=TB;',
    '  node [shape=box, style="rounded", fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const node of view.nodes) {
    const attributes = [
      `label=${quote(
        nodeLines(node)
          .map((line) => line.text)
          .join('\n'),
      )}`,
    ];
    if (node.kind === 'image') {
      attributes.push('shape=cylinder');
    }
    if (node.unused) {
      attributes.push('style="rounded,dashed"', 'color=gray50', 'fontcolor=gray50');
    } else if (node.isTarget) {
      attributes.push('penwidth=2.5');
    }
    lines.push(`  ${ids.get(node.id)} [${attributes.join(', ')}];`);
  }
  for (const edge of view.edges) {
    const attributes = [];
    const label = edgeText(edge);
    if (label) {
      attributes.push(`label=${quote(label)}`);
    }
    if (edge.kind === 'from') {
      attributes.push('style=bold');
    }
    if (edge.mismatch) {
      attributes.push('color=red3', 'fontcolor=red3', 'penwidth=2.5');
      attributes.push(`tooltip=${quote(edge.problems.map((problem) => problem.message).join('\n'))}`);
    }
    lines.push(
      `  ${ids.get(edge.from)} -> ${ids.get(edge.to)}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A DOT double-quoted string: backslash and quote escaped, newlines as `\n` (centred lines). */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
