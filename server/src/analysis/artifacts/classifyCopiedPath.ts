import {
  cargoProfileDirectories,
  libcSensitiveTrees,
  nativeDirectories,
  nativeFilePattern,
  nativeOutputParents,
  portableExecutables,
  portableExtensions,
  portableOutputNames,
  portableTrees,
} from './copiedPathRules';

export type CopiedPathClass = 'native' | 'libc-sensitive-tree' | 'not-native' | 'unknown';

export interface CopiedPathOptions {
  /**
   * Paths the producing stage writes native binaries to (BuildSignals.binaryOutputs): a copied
   * path equal to one, or a directory containing one, is native. Relative outputs match the end
   * of the copied path.
   */
  readonly binaryOutputs?: readonly string[];
}

/**
 * Says what a source path of `COPY --from` holds: a native executable or library, a tree that
 * contains native code of the builder's C library (node_modules, a venv, a bundle, a jlink
 * runtime), something that is not native (sources, assets, configuration, certificates), or
 * unknown. Precision matters more than recall: a path is only called native when the
 * convention is strong (`/app` alone stays unknown). Never throws.
 */
export function classifyCopiedPath(path: string, options?: CopiedPathOptions): CopiedPathClass {
  try {
    return classify(path, options);
  } catch {
    return 'unknown';
  }
}

function classify(path: string, options: CopiedPathOptions | undefined): CopiedPathClass {
  const normalized = normalizePath(path);
  if (normalized === undefined) {
    return 'unknown';
  }
  const segments = normalized.split('/').filter((segment) => segment !== '');
  const last = segments[segments.length - 1] ?? '';

  if (matchesBinaryOutput(normalized, options?.binaryOutputs)) {
    return 'native';
  }
  if (nativeFilePattern.pattern.test(last)) {
    return 'native';
  }
  if (portableExtensions.extensions.has(extensionOf(last))) {
    return 'not-native';
  }
  if (isLibcSensitiveTree(normalized, segments)) {
    return 'libc-sensitive-tree';
  }
  if (
    hasPrefix(normalized, portableTrees.prefixes) ||
    segments.some((segment) => portableTrees.segments.has(segment))
  ) {
    return 'not-native';
  }
  const parent = normalized.slice(0, Math.max(normalized.lastIndexOf('/'), 0));
  if (nativeDirectories.directories.has(normalized)) {
    return 'native';
  }
  if (nativeDirectories.directories.has(parent) && !hasExtension(last)) {
    return portableExecutables.names.has(last) ? 'not-native' : 'native';
  }
  if (portableOutputNames.names.has(last)) {
    return 'not-native';
  }
  if (isCargoOutput(segments)) {
    return 'native';
  }
  const parentName = segments[segments.length - 2];
  if (
    parentName !== undefined &&
    nativeOutputParents.names.has(parentName) &&
    !hasExtension(last) &&
    !last.includes('*')
  ) {
    return 'native';
  }
  return 'unknown';
}

/**
 * Normalizes a COPY source: strips quotes, uses `/` separators, drops `./`, repeated and trailing
 * slashes. Returns undefined for empty text.
 */
function normalizePath(path: string): string | undefined {
  if (typeof path !== 'string') {
    return undefined;
  }
  let text = path.trim();
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
    text = text.slice(1, -1);
  }
  text = text.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  while (text.startsWith('./')) {
    text = text.slice(2);
  }
  while (text.length > 1 && text.endsWith('/')) {
    text = text.slice(0, -1);
  }
  return text === '' || text === '.' ? undefined : text;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function hasExtension(name: string): boolean {
  return name.lastIndexOf('.') > 0;
}

function hasPrefix(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function isLibcSensitiveTree(path: string, segments: readonly string[]): boolean {
  if (
    segments.some((segment) => libcSensitiveTrees.segments.has(segment)) ||
    hasPrefix(path, libcSensitiveTrees.prefixes)
  ) {
    return true;
  }
  for (let i = 0; i + 1 < segments.length; i++) {
    if (
      libcSensitiveTrees.segmentPairs.some(
        ([first, second]) => segments[i] === first && segments[i + 1] === second,
      )
    ) {
      return true;
    }
  }
  // Elixir releases: _build/<env>/rel (libc.md Appendix A elixir_release).
  const build = segments.indexOf('_build');
  return build >= 0 && segments[build + 2] === 'rel';
}

/** target/release/app, target/x86_64-unknown-linux-musl/release/app, and those directories themselves. */
function isCargoOutput(segments: readonly string[]): boolean {
  const target = segments.lastIndexOf('target');
  if (target < 0) {
    return false;
  }
  const rest = segments.slice(target + 1);
  const profileIndex = rest.findIndex((segment) => cargoProfileDirectories.names.has(segment));
  if (profileIndex < 0 || profileIndex > 1) {
    return false;
  }
  const after = rest.slice(profileIndex + 1);
  return (
    after.length === 0 ||
    (after.length === 1 && !hasExtension(after[0] ?? '') && !(after[0] ?? '').includes('*'))
  );
}

function matchesBinaryOutput(path: string, outputs: readonly string[] | undefined): boolean {
  if (!Array.isArray(outputs)) {
    return false;
  }
  for (const output of outputs) {
    const normalized = typeof output === 'string' ? normalizePath(output) : undefined;
    if (normalized === undefined) {
      continue;
    }
    if (normalized.startsWith('/')) {
      if (path === normalized || (path !== '/' && normalized.startsWith(`${path}/`))) {
        return true;
      }
    } else if (path === normalized || path.endsWith(`/${normalized}`)) {
      return true;
    }
  }
  return false;
}
