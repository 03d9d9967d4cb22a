import type { GraphNode } from './stageGraphView';
import type { StageGraphView } from './stageGraphView';

/**
 * The one-line summary the status bar shows for a Dockerfile: the stage count and the C-library path into
 * the target stage, e.g. `3 stages · glibc → musl ⚠` when what the target copies in was built against
 * another libc.
 */
export interface GraphSummary {
  readonly text: string;
  /** True when an edge into the target carries a libc, glibc-version or platform finding. */
  readonly warning: boolean;
  /** A longer sentence for the tooltip. */
  readonly tooltip: string;
}

export function summarizeGraph(view: StageGraphView): GraphSummary {
  const stages = view.nodes.filter((node) => node.kind === 'stage');
  const count = `${stages.length} ${stages.length === 1 ? 'stage' : 'stages'}`;
  const target = stages.find((node) => node.isTarget);
  if (!target) {
    return { text: count, warning: false, tooltip: `${count}; no stage to build yet.` };
  }
  const incoming = view.edges.filter((edge) => edge.to === target.id && edge.kind !== 'from');
  const families = new Set<string>();
  for (const edge of incoming) {
    const source = view.nodes.find((node) => node.id === edge.from);
    const family = source && familyName(source);
    if (family) {
      families.add(family);
    }
  }
  const targetFamily = familyName(target);
  const warning = view.edges.some((edge) => edge.to === target.id && edge.mismatch);
  if (families.size === 0 || !targetFamily) {
    const tooltip = `${count}; the target is stage ${target.label}.`;
    return { text: warning ? `${count} ⚠` : count, warning, tooltip };
  }
  const path = `${[...families].sort().join(' + ')} → ${targetFamily}`;
  const problems = warning ? ' A copied artifact does not fit the target: see the Problems view.' : '';
  return {
    text: `${count} · ${path}${warning ? ' ⚠' : ''}`,
    warning,
    tooltip: `${count}; the target ${target.label} (${targetFamily}) copies from stages built on ${[...families].sort().join(' and ')}.${problems}`,
  };
}

function familyName(node: GraphNode): string | undefined {
  return node.libcFamily === 'none' ? 'no libc' : node.libcFamily;
}
