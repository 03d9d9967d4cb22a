import type { Finding } from '../../analysis/findings';

/** The findings for one checked file, as every output format receives them. */
export interface FileReport {
  /** The path as given on the command line or found in a directory. */
  readonly file: string;
  readonly findings: readonly Finding[];
}
