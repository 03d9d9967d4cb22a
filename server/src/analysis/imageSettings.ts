import {
  LIBC_FAMILIES,
  PACKAGE_MANAGERS,
  type ImageOverride,
  type LibcFamily,
  type PackageManager,
} from './images';

const GLIBC_VERSION = /^\d+\.\d+$/;

/**
 * Turns the untrusted `images` setting (an object of image-name globs to `{ libc, release?,
 * glibcVersion?, packageManager? }`) into overrides in the order written. An entry with a bad
 * field is dropped whole and named in `problems`: half an override could classify an image
 * wrongly, which is worse than not classifying it.
 */
export function normalizeImageOverrides(raw: unknown, problems: string[]): ImageOverride[] {
  if (raw === undefined || raw === null) {
    return [];
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(
      'dockerfileStages.images must be an object of image-name globs to { "libc": ... }; it is ignored.',
    );
    return [];
  }
  const overrides: ImageOverride[] = [];
  for (const [glob, entry] of Object.entries(raw as Record<string, unknown>)) {
    const override = normalizeEntry(glob, entry, problems);
    if (override) {
      overrides.push(override);
    }
  }
  return overrides;
}

function normalizeEntry(glob: string, entry: unknown, problems: string[]): ImageOverride | undefined {
  const where = `dockerfileStages.images[${JSON.stringify(glob)}]`;
  if (glob.trim() === '') {
    problems.push(`${where}: the image-name glob is empty; the entry is ignored.`);
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push(`${where} must be an object such as { "libc": "musl" }; the entry is ignored.`);
    return undefined;
  }
  const fields = entry as Record<string, unknown>;
  const errors: string[] = [];
  const libc = fields.libc;
  if (typeof libc !== 'string' || !(LIBC_FAMILIES as readonly string[]).includes(libc)) {
    errors.push(`"libc" must be one of ${LIBC_FAMILIES.join(', ')}`);
  }
  const release = optionalString(fields.release, '"release" must be a string such as "alpine 3.20"', errors);
  const glibcVersion = optionalString(fields.glibcVersion, '"glibcVersion" must be a string', errors);
  if (glibcVersion !== undefined && !GLIBC_VERSION.test(glibcVersion)) {
    errors.push(`"glibcVersion" must look like "2.36", not ${JSON.stringify(glibcVersion)}`);
  }
  if (glibcVersion !== undefined && libc !== 'glibc') {
    errors.push('"glibcVersion" only applies when "libc" is "glibc"');
  }
  const packageManager = fields.packageManager;
  if (
    packageManager !== undefined &&
    (typeof packageManager !== 'string' || !(PACKAGE_MANAGERS as readonly string[]).includes(packageManager))
  ) {
    errors.push(`"packageManager" must be one of ${PACKAGE_MANAGERS.join(', ')}`);
  }
  for (const key of Object.keys(fields)) {
    if (!['libc', 'release', 'glibcVersion', 'packageManager'].includes(key)) {
      errors.push(`there is no field ${JSON.stringify(key)}`);
    }
  }
  if (errors.length > 0) {
    problems.push(`${where}: ${errors.join('; ')}; the entry is ignored.`);
    return undefined;
  }
  return {
    glob: glob.trim(),
    libc: libc as LibcFamily,
    ...(release === undefined ? {} : { release }),
    ...(glibcVersion === undefined ? {} : { glibcVersion }),
    ...(packageManager === undefined ? {} : { packageManager: packageManager as PackageManager }),
  };
}

function optionalString(value: unknown, message: string, errors: string[]): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push(message);
    return undefined;
  }
  return value.trim() === '' ? undefined : value.trim();
}
