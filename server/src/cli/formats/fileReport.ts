import type { Finding } from '../../analysis/findings';
import type { StageGraphView } from '../../analysis/graph';

/** The findings for one checked file, as every output format receives them. */
export interface FileReport {
  /** The path as given on the command line or found in a directory. */
  readonly file: string;
  readonly findings: readonly Finding[];
  /** The stage graph, computed only for the graph formats (mermaid, dot). */
  readonly graph?: StageGraphView;
}
