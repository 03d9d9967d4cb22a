import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/**
 * Whether a file name is a Dockerfile by the usual conventions. `Dockerfile.dockerignore` style names
 * are ignore files, not Dockerfiles.
 */
export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith('.dockerignore')) {
    return false;
  }
  return (
    lower === 'dockerfile' ||
    lower === 'containerfile' ||
    lower.startsWith('dockerfile.') ||
    lower.startsWith('containerfile.') ||
    lower.endsWith('.dockerfile') ||
    lower.endsWith('.containerfile')
  );
}

export interface FoundFiles {
  readonly files: string[];
  /** One sentence per path that could not be read. */
  readonly problems: string[];
}

/** Expands the command-line paths: files are taken as given, directories are searched recursively. */
export function findDockerfiles(paths: readonly string[]): FoundFiles {
  const files: string[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      problems.push(`${path}: ${describeFsError(error)}`);
      continue;
    }
    if (isDirectory) {
      walk(path, files, problems);
    } else {
      files.push(path);
    }
  }
  return { files, problems };
}

function walk(directory: string, files: string[], problems: string[]): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    problems.push(`${directory}: ${describeFsError(error)}`);
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) {
        walk(path, files, problems);
      }
    } else if (entry.isFile() && isDockerfileName(entry.name)) {
      files.push(path);
    }
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    return 'no such file or directory';
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return 'permission denied';
  }
  if (code === 'EISDIR') {
    return 'is a directory';
  }
  return error instanceof Error ? error.message : String(error);
}
