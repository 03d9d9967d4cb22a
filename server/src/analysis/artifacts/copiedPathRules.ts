/**
 * What a path copied with `COPY --from` usually holds (libc.md §5.5, §8 step 2, Appendix A copy
 * paths). The rules favour precision: a path is only called native when the convention is
 * strong, and anything unclear stays unknown.
 */

export interface PathRuleSet {
  readonly source: string;
}

/**
 * Native file names: shared libraries with an optional version (`libfoo.so.1.2`), Node.js addons,
 * Windows executables. Each repetition of the version group starts with a dot: linear.
 */
export const nativeFilePattern: PathRuleSet & { readonly pattern: RegExp } = {
  pattern: /\.(?:so(?:\.\d+)*|node|exe)$/i,
  source: 'libc.md §5.5 (native addons *.node, shared libraries)',
};

/** Extensions of files that are not native code, so their C library does not matter. */
export const portableExtensions: PathRuleSet & { readonly extensions: ReadonlySet<string> } = {
  extensions: new Set([
    'jar',
    'war',
    'ear',
    'class',
    'js',
    'mjs',
    'cjs',
    'ts',
    'map',
    'py',
    'pyc',
    'rb',
    'php',
    'phar',
    'pl',
    'html',
    'htm',
    'css',
    'json',
    'yaml',
    'yml',
    'toml',
    'xml',
    'txt',
    'md',
    'csv',
    'svg',
    'png',
    'jpg',
    'jpeg',
    'gif',
    'ico',
    'webp',
    'woff',
    'woff2',
    'ttf',
    'otf',
    'eot',
    'pem',
    'crt',
    'cer',
    'key',
    'conf',
    'cfg',
    'ini',
    'properties',
    'env',
    'sql',
    'sh',
    'bash',
    'dll',
    'pdb',
    'wasm',
    'lock',
    'mo',
    'po',
  ]),
  source:
    'libc.md §5.5 (JAR, WAR, .class, .py/.js/.rb/.php sources, web assets, framework-dependent .NET DLLs, config, certs, PHAR: libc-independent); Appendix A portable_copy_paths',
};

/** Directory names and prefixes whose contents hold native code of the builder's C library. */
export const libcSensitiveTrees: PathRuleSet & {
  readonly segments: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  readonly segmentPairs: readonly (readonly [string, string])[];
} = {
  segments: new Set([
    'node_modules',
    'site-packages',
    'dist-packages',
    '.venv',
    'venv',
    'javaruntime',
    'jre',
    'custom-jre',
    'customjre',
    'jre-minimal',
  ]),
  prefixes: [
    '/opt/venv',
    '/venv',
    '/install',
    '/root/.local',
    '/wheels',
    '/usr/local/bundle',
    '/usr/local/lib/node_modules',
    '/opt/java/openjdk',
    '/usr/lib/jvm',
    '/usr/local/lib/php/extensions',
    '/usr/local/lib',
    '/usr/lib',
    '/usr/lib64',
    '/lib',
    '/lib64',
  ],
  segmentPairs: [
    ['vendor', 'bundle'],
    ['.next', 'standalone'],
  ],
  source:
    'libc.md §5.5 (venv/site-packages, node_modules, /usr/local/bundle, vendor/bundle, jlink/JDK directories); Appendix A *_libc_sensitive_copy_paths, java_native_copy',
};

/** Prefixes and directory names that hold configuration, certificates and data, not native code. */
export const portableTrees: PathRuleSet & {
  readonly prefixes: readonly string[];
  readonly segments: ReadonlySet<string>;
} = {
  prefixes: ['/etc', '/usr/share', '/var/www'],
  segments: new Set(['zoneinfo', 'ca-certificates', 'locale', 'locales', 'templates', 'migrations']),
  source: 'libc.md §5.5 (config, certs, static web assets such as /usr/share/nginx/html)',
};

/** Directories that hold executables (FHS bin directories, GOPATH/bin, CARGO_HOME/bin). */
export const nativeDirectories: PathRuleSet & { readonly directories: ReadonlySet<string> } = {
  directories: new Set([
    '/usr/bin',
    '/usr/local/bin',
    '/usr/sbin',
    '/usr/local/sbin',
    '/bin',
    '/sbin',
    '/go/bin',
    '/root/go/bin',
    '/usr/local/go/bin',
    '/usr/local/cargo/bin',
    '/root/.cargo/bin',
  ]),
  source: 'libc.md §8 step 2 (/usr/local/bin/*, /go/bin/*); §5.5 (/usr/local/bin/node)',
};

/** Executables in bin directories that are not native (PHARs and scripts without an extension). */
export const portableExecutables: PathRuleSet & { readonly names: ReadonlySet<string> } = {
  names: new Set(['composer']),
  source: 'libc.md Appendix A portable_copy_paths (/usr/bin/composer is a PHAR)',
};

/** Last path segments that name web build output or assets. */
export const portableOutputNames: PathRuleSet & { readonly names: ReadonlySet<string> } = {
  names: new Set(['dist', 'build', 'public', 'static', 'html', 'www', 'assets', 'docs']),
  source: 'libc.md §5.5 (dist/ static web assets); Appendix A portable_copy_paths (/dist, /build, /public)',
};

/** Parent directory names whose extension-less files are build outputs (`/out/app`). */
export const nativeOutputParents: PathRuleSet & { readonly names: ReadonlySet<string> } = {
  names: new Set(['out', 'output']),
  source: 'libc.md §8 step 2 (native executables such as /out/app)',
};

/** Cargo's output layout: target/[<triple>/]{release,debug}/<binary> (The Cargo Book, "Build cache"). */
export const cargoProfileDirectories: PathRuleSet & { readonly names: ReadonlySet<string> } = {
  names: new Set(['release', 'debug']),
  source: 'libc.md §8 step 2 (target/release/*)',
};
