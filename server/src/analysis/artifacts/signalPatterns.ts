/**
 * The regular expressions behind build-signal detection (libc.md §5 and Appendix A). Most are
 * applied to one shell word or one flag value, anchored, so their cost is bounded by the word.
 * None nests a quantifier that could match the same text in more than one way, which keeps every
 * match linear even on adversarial input.
 */

export interface SignalPattern {
  readonly pattern: RegExp;
  readonly source: string;
}

export const signalPatterns = {
  /**
   * `-extldflags "-static"`, `-extldflags=-static`, `-extldflags '-static -lm'` inside a Go
   * `-ldflags` value. A literal, one run of `=`/space, an optional quote, a literal: linear.
   */
  goExtldflagsStatic: {
    pattern: /-extldflags[= ]+["']?-static(?![\w-])/,
    source: 'libc.md §5.1 (-extldflags "-static"); Appendix A go.static',
  },
  /**
   * A Rust musl target triple: x86_64-unknown-linux-musl, armv7-unknown-linux-musleabihf. The
   * first class excludes `-`, so it cannot overlap the literal that follows: linear.
   */
  rustMuslTarget: {
    pattern: /^[a-z0-9_.]+-unknown-linux-musl[a-z0-9]*$/,
    source: 'libc.md §5.2 (--target *-unknown-linux-musl: crt_static_default); Appendix A rust.static',
  },
  /**
   * A cargo-zigbuild glibc target with a version suffix: x86_64-unknown-linux-gnu.2.17. Classes
   * separated by literals that they exclude: linear.
   */
  rustGlibcFloorTarget: {
    pattern: /^[a-z0-9_]+-unknown-linux-gnu[a-z0-9]*\.(2\.\d+)$/,
    source: 'libc.md §5.2 (cargo zigbuild --target …-linux-gnu.2.17); Appendix A rust.glibc_floor_pinned',
  },
  /** `-C target-feature=+crt-static` anywhere (RUSTFLAGS, config files written by RUN). A plain literal: linear. */
  rustCrtStatic: {
    pattern: /target-feature=\+crt-static/,
    source: 'libc.md §5.2 (RUSTFLAGS="-C target-feature=+crt-static")',
  },
  /** `-C target-feature=-crt-static`, which makes musl Rust binaries dynamic. A plain literal: linear. */
  rustCrtDynamic: {
    pattern: /target-feature=-crt-static/,
    source: 'libc.md §5.2 (-C target-feature=-crt-static → musl-dynamic)',
  },
  /** A Zig musl target: x86_64-linux-musl, aarch64-linux-musleabi. Class excludes `-`: linear. */
  zigMuslTarget: {
    pattern: /^[a-z0-9_]+-linux-musl[a-z0-9]*$/,
    source: 'libc.md §5.3 (zig build -Dtarget=…-linux-musl, zig cc -target …-linux-musl)',
  },
  /** A Zig glibc target with a version: x86_64-linux-gnu.2.28. Classes separated by excluded literals: linear. */
  zigGlibcFloorTarget: {
    pattern: /^[a-z0-9_]+-linux-gnu[a-z0-9]*\.(2\.\d+)$/,
    source: 'libc.md §5.3 (zig cc -target x86_64-linux-gnu.2.28: pinned glibc floor)',
  },
  /** A .NET musl RID: linux-musl-x64, linux-musl-arm64. Anchored literal alternation: linear. */
  dotnetMuslRid: {
    pattern: /^linux-musl-(?:x64|arm64|arm|x86|s390x|ppc64le|riscv64|loongarch64)$/,
    source: 'libc.md §5.4 (-r linux-musl-* → musl); Appendix A dotnet.musl',
  },
  /** A .NET glibc RID: linux-x64, linux-arm64. Anchored literal alternation: linear. */
  dotnetGlibcRid: {
    pattern: /^linux-(?:x64|arm64|arm|x86|s390x|ppc64le|riscv64|loongarch64)$/,
    source: 'libc.md §5.4 (-r linux-x64/linux-arm64 → glibc); Appendix A dotnet.glibc',
  },
  /**
   * A C or C++ compiler name, optionally with a cross prefix and a version: gcc, clang++,
   * aarch64-linux-gnu-gcc, gcc-12. Each repetition of the prefix group ends with `-`, which its
   * class excludes, so the split is unique: linear.
   */
  cCompiler: {
    pattern: /^(?:[a-z0-9_.]+-)*(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+)(?:-\d+)?$/,
    source: 'libc.md §5.3 (gcc|cc|clang|g++ … -static)',
  },
  /**
   * Packages that bring a C toolchain: gcc, g++, build-base, clang, musl-dev (Alpine);
   * build-essential, libc6-dev (Debian); gcc-c++ (RPM). An optional version constraint follows.
   * Anchored literal alternation plus one trailing `.*`: linear.
   */
  cToolchainPackage: {
    pattern: /^(?:gcc|g\+\+|build-base|clang\d*|musl-dev|build-essential|libc6-dev|gcc-c\+\+)(?:[<>=~].*)?$/,
    source: 'libc.md §5.1 (apk add gcc|build-base|clang|musl-dev: cgo possible on alpine golang); Appendix A',
  },
  /** Alpine's glibc compatibility packages, optionally versioned. Anchored literal alternation: linear. */
  glibcCompatPackage: {
    pattern: /^(?:gcompat|libc6-compat)(?:[<>=~].*)?$/,
    source: 'libc.md §5.6 (gcompat, libc6-compat: enough for simple glibc binaries only)',
  },
  /** Alpine's distribution Rust, which links dynamically against musl. Anchored literal alternation: linear. */
  distroRustPackage: {
    pattern: /^(?:rust|cargo)(?:[<>=~].*)?$/,
    source: 'libc.md §5.2 (apk add rust cargo → musl-dynamic); docker-hardened-images/catalog#433',
  },
  /**
   * A reference to BuildKit's target-platform arguments: `$TARGETARCH`, `${TARGETOS}`,
   * `${TARGETPLATFORM#linux/}`. Literal alternation after an optional brace: linear.
   */
  targetPlatformReference: {
    pattern: /\$\{?(?:TARGETARCH|TARGETOS|TARGETPLATFORM|TARGETVARIANT)(?![A-Za-z0-9_])/,
    source: 'libc.md §6 (GOARCH=$TARGETARCH and friends follow the target platform)',
  },
  /**
   * Text that picks an architecture at build time, which makes an architecture name in a download
   * URL a branch rather than a hard-coded choice. Literal alternation: linear.
   */
  architectureDetection: {
    pattern: /TARGETARCH|TARGETPLATFORM|uname -m|--print-arch|print-architecture|xx-info|\$\(arch\)/,
    source: 'libc.md §6 (downloads without `case $TARGETARCH` are hard-coded; matze/wastebin#192)',
  },
  /**
   * An architecture name as its own token inside a URL: …/zig-linux-x86_64-0.13.tar.xz. Each start
   * position tries a fixed set of literals: linear.
   */
  architectureInUrl: {
    pattern: /(?:^|[^a-z0-9])(x86_64|amd64|aarch64|arm64)(?![a-z0-9])/i,
    source: 'libc.md §6 (hard-coded *x86_64*/*amd64* downloads)',
  },
  /** An http(s) URL word. Anchored literal: linear. */
  url: {
    pattern: /^https?:\/\//i,
    source: 'libc.md §6',
  },
  /** A cross C compiler name with a target prefix: aarch64-linux-gnu-gcc, x86_64-linux-musl-gcc. Class excludes `-`: linear. */
  crossCCompiler: {
    pattern: /^([a-z0-9_]+)-linux-[a-z0-9]+-(?:gcc|g\+\+|cc|clang)(?:-\d+)?$/,
    source: 'libc.md §6 (CC=<arch>-linux-gnu-gcc)',
  },
} as const satisfies Record<string, SignalPattern>;
