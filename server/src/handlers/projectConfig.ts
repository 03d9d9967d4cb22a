import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProjectConfig, PROJECT_CONFIG_FILE } from '../analysis/projectConfig';

export interface ProjectConfigForDocument {
  /** The file's settings object (before normalization), or undefined when there is none or it is unusable. */
  readonly raw: Readonly<Record<string, unknown>> | undefined;
  /** The file that applied, for problem messages. */
  readonly path: string | undefined;
  readonly problems: readonly string[];
  /** The file's text, when it could be read; diagnostics on the file use it for positions. */
  readonly text?: string;
}

const NONE: ProjectConfigForDocument = { raw: undefined, path: undefined, problems: [] };

/**
 * Reads the `.dockerfile-stages.json` that applies to a document: the nearest one in the document's folder
 * or a folder above it, which is how the CLI finds it too, so both agree on a repository-root file.
 * Results are cached per folder until `clear()`, which the server calls when such a file changes.
 * Documents that are not files (untitled, remote schemes) get no project config.
 */
export class ProjectConfigReader {
  private readonly byDirectory = new Map<string, ProjectConfigForDocument>();

  forDocument(uri: string): ProjectConfigForDocument {
    let path: string;
    try {
      if (!uri.startsWith('file:')) {
        return NONE;
      }
      path = fileURLToPath(uri);
    } catch {
      return NONE;
    }
    return this.forDirectory(dirname(path));
  }

  clear(): void {
    this.byDirectory.clear();
  }

  private forDirectory(directory: string): ProjectConfigForDocument {
    const cached = this.byDirectory.get(directory);
    if (cached) {
      return cached;
    }
    const file = join(directory, PROJECT_CONFIG_FILE);
    let result: ProjectConfigForDocument;
    try {
      const text = readFileSync(file, 'utf8');
      const parsed = parseProjectConfig(text, file);
      result = { raw: parsed.raw, path: file, problems: parsed.problems, text };
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        const parent = dirname(directory);
        result = parent === directory ? NONE : this.forDirectory(parent);
      } else {
        result = { raw: undefined, path: file, problems: [`${file} cannot be read: ${String(error)}`] };
      }
    }
    this.byDirectory.set(directory, result);
    return result;
  }
}
