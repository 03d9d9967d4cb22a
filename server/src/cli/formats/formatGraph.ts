import { toDot, toMermaid } from '../../analysis/graph';
import type { OutputFormat } from '../parseArguments';
import type { FileReport } from './fileReport';

export const GRAPH_FORMATS: ReadonlySet<OutputFormat> = new Set(['mermaid', 'dot']);

/**
 * One graph per file. Mermaid output is one diagram per file under a `%%` comment naming it, ready for a
 * ```mermaid block; DOT output is one `digraph` per file, which `dot -Tsvg` renders one after another.
 */
export function formatGraph(reports: readonly FileReport[], format: 'mermaid' | 'dot'): string {
  return reports
    .flatMap(({ file, graph }) => {
      if (!graph) {
        return [];
      }
      return [format === 'mermaid' ? `%% ${file}\n${toMermaid(graph)}` : `// ${file}\n${toDot(graph)}`];
    })
    .join('\n');
}
