/**
 * The stage graph webview: lays the graph out with dagre and draws it as SVG. It only renders what the
 * extension posts (the server computed the graph) and posts back what the user clicked.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import { edgeText, nodeLines } from '../../server/src/analysis/graph/graphLabels';
import type { GraphEdge, StageGraphResult } from '../../server/src/protocol';
import type { FromWebview, ToWebview, ViewState } from './messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SVG_NS = 'http://www.w3.org/2000/svg';
const LINE_HEIGHT = 16;
const NODE_PADDING_X = 12;
const NODE_PADDING_Y = 8;
const MIN_ZOOM = 0.2;
const MAX_ZOOM = 4;

const canvas = document.getElementById('canvas') as HTMLDivElement;
const status = document.getElementById('status') as HTMLDivElement;
let state: ViewState = vscode.getState() ?? { zoom: 1, panX: 0, panY: 0 };
let current: StageGraphResult | undefined;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'graph') {
    current = message.graph;
    render(message.graph);
  } else if (message.type === 'empty') {
    current = undefined;
    canvas.replaceChildren();
    status.textContent = message.reason;
  }
});

document.getElementById('copyMermaid')?.addEventListener('click', () => {
  if (current) {
    vscode.postMessage({ type: 'copyMermaid', mermaid: current.mermaid });
  }
});
document.getElementById('saveSvg')?.addEventListener('click', () => {
  const svg = canvas.querySelector('svg');
  if (svg) {
    vscode.postMessage({ type: 'saveSvg', svg: standaloneSvg(svg) });
  }
});
document.getElementById('resetZoom')?.addEventListener('click', () => {
  state = { zoom: 1, panX: 0, panY: 0 };
  applyTransform();
});

/** Text width from the editor font, so node boxes fit their labels in every theme and zoom level. */
const measure = (() => {
  const context = document.createElement('canvas').getContext('2d');
  return (text: string, bold = false): number => {
    if (!context) {
      return text.length * 7.5;
    }
    const style = getComputedStyle(document.body);
    context.font = `${bold ? 'bold ' : ''}${style.fontSize} ${style.fontFamily}`;
    return context.measureText(text).width;
  };
})();

function render(graph: StageGraphResult): void {
  status.textContent =
    graph.nodes.length === 0 ? 'No stages yet: add a FROM instruction.' : `${graph.nodes.length} nodes`;
  const layout = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  layout.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60, marginx: 20, marginy: 20 });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    const lines = nodeLines(node);
    const width = Math.max(...lines.map((line) => measure(line.text, line.role === 'title')));
    layout.setNode(node.id, {
      width: width + 2 * NODE_PADDING_X,
      height: lines.length * LINE_HEIGHT + 2 * NODE_PADDING_Y,
    });
  }
  for (const edge of graph.edges) {
    const text = edgeText(edge);
    layout.setEdge(
      edge.from,
      edge.to,
      { width: text ? measure(text) + 8 : 0, height: text ? LINE_HEIGHT : 0, labelpos: 'c' },
      edge.id,
    );
  }
  dagre.layout(layout);

  const size = layout.graph();
  const svg = element('svg', { class: 'graph', width: `${size.width ?? 0}`, height: `${size.height ?? 0}` });
  svg.append(arrowMarker('arrow', 'edge-arrow'), arrowMarker('arrow-warning', 'edge-arrow warning'));
  const root = element('g', { id: 'root' });
  svg.append(root);

  for (const edge of graph.edges) {
    const laidOut: EdgeLabel = layout.edge({ v: edge.from, w: edge.to, name: edge.id });
    const group = element('g', {
      class: `edge ${edge.kind}${edge.mismatch ? ' mismatch' : ''}`,
      'data-edge-id': edge.id,
      tabindex: '0',
    });
    const points = laidOut.points ?? [];
    const path = element('path', {
      d: points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' '),
      'marker-end': `url(#${edge.mismatch ? 'arrow-warning' : 'arrow'})`,
    });
    group.append(path);
    const text = edgeText(edge);
    if (text && laidOut.x !== undefined && laidOut.y !== undefined) {
      const label = element('text', { x: `${laidOut.x}`, y: `${laidOut.y + 4}`, 'text-anchor': 'middle' });
      label.textContent = text;
      group.append(label);
    }
    const tooltip = edge.problems.map((problem) => `${problem.ruleId}: ${problem.message}`).join('\n');
    group.append(titleElement(tooltip || describeEdge(edge)));
    onActivate(group, () => vscode.postMessage({ type: 'reveal', range: edge.range }));
    root.append(group);
  }

  for (const node of graph.nodes) {
    const box = layout.node(node.id);
    const classes = ['node', node.kind];
    if (node.unused) {
      classes.push('unused');
    }
    if (node.isTarget) {
      classes.push('target');
    }
    const group = element('g', {
      class: classes.join(' '),
      'data-node-id': node.id,
      // dagre places every node; x and y are only optional in its input type.
      transform: `translate(${(box.x ?? 0) - box.width / 2},${(box.y ?? 0) - box.height / 2})`,
      tabindex: '0',
    });
    group.append(
      element('rect', {
        width: `${box.width}`,
        height: `${box.height}`,
        rx: node.kind === 'image' ? '12' : '4',
      }),
    );
    nodeLines(node).forEach((line, index) => {
      const text = element('text', {
        x: `${box.width / 2}`,
        y: `${NODE_PADDING_Y + (index + 1) * LINE_HEIGHT - 4}`,
        'text-anchor': 'middle',
        class: line.role,
      });
      text.textContent = line.text;
      group.append(text);
    });
    group.append(
      titleElement(node.kind === 'image' ? `Image ${node.label}` : `Stage ${node.label}: ${node.base ?? ''}`),
    );
    onActivate(group, () => vscode.postMessage({ type: 'reveal', range: node.range }));
    root.append(group);
  }

  canvas.replaceChildren(svg);
  applyTransform();
}

function describeEdge(edge: GraphEdge): string {
  return edge.kind === 'from'
    ? 'FROM: builds on this stage'
    : `${edge.kind === 'copy' ? 'COPY --from' : 'RUN --mount from='}: ${edge.label}`;
}

function onActivate(target: SVGElement, action: () => void): void {
  target.addEventListener('click', action);
  target.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  });
}

function element(name: string, attributes: Record<string, string>): SVGElement {
  const created = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    created.setAttribute(key, value);
  }
  return created;
}

function titleElement(text: string): SVGElement {
  const title = element('title', {});
  title.textContent = text;
  return title;
}

function arrowMarker(id: string, className: string): SVGElement {
  const marker = element('marker', {
    id,
    viewBox: '0 0 10 10',
    refX: '9',
    refY: '5',
    // Fixed size in user units: with the default (stroke width) the thick FROM edges got huge arrows.
    markerUnits: 'userSpaceOnUse',
    markerWidth: '10',
    markerHeight: '10',
    orient: 'auto-start-reverse',
  });
  marker.append(element('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: className }));
  return marker;
}

// Zoom with the wheel (towards the pointer) and pan by dragging; both survive redraws and reloads.
canvas.addEventListener(
  'wheel',
  (event) => {
    event.preventDefault();
    const factor = Math.exp(-event.deltaY * 0.0015);
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, state.zoom * factor));
    const bounds = canvas.getBoundingClientRect();
    const x = event.clientX - bounds.left;
    const y = event.clientY - bounds.top;
    state = {
      zoom,
      panX: x - ((x - state.panX) * zoom) / state.zoom,
      panY: y - ((y - state.panY) * zoom) / state.zoom,
    };
    applyTransform();
  },
  { passive: false },
);

let drag: { x: number; y: number; panX: number; panY: number } | undefined;
canvas.addEventListener('pointerdown', (event) => {
  if ((event.target as Element).closest('.node, .edge')) {
    return;
  }
  drag = { x: event.clientX, y: event.clientY, panX: state.panX, panY: state.panY };
  canvas.setPointerCapture(event.pointerId);
});
canvas.addEventListener('pointermove', (event) => {
  if (drag) {
    state = { ...state, panX: drag.panX + event.clientX - drag.x, panY: drag.panY + event.clientY - drag.y };
    applyTransform();
  }
});
canvas.addEventListener('pointerup', () => {
  drag = undefined;
});

function applyTransform(): void {
  const svg = canvas.querySelector('svg');
  if (svg) {
    svg.style.transform = `translate(${state.panX}px, ${state.panY}px) scale(${state.zoom})`;
  }
  vscode.setState(state);
}

/**
 * The SVG with the theme's colours written in, so the saved file looks the same outside VS Code (where
 * the `--vscode-*` variables do not exist).
 */
function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute('style');
  copy.setAttribute('xmlns', SVG_NS);
  const originals = svg.querySelectorAll<SVGElement>('*');
  const copies = copy.querySelectorAll<SVGElement>('*');
  originals.forEach((original, index) => {
    const computed = getComputedStyle(original);
    const target = copies[index];
    for (const property of [
      'fill',
      'stroke',
      'stroke-width',
      'stroke-dasharray',
      'opacity',
      'font-family',
      'font-size',
      'font-weight',
    ]) {
      target.style.setProperty(property, computed.getPropertyValue(property));
    }
  });
  const background = getComputedStyle(document.body).backgroundColor;
  copy.insertBefore(element('rect', { width: '100%', height: '100%', fill: background }), copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

vscode.postMessage({ type: 'ready' });
