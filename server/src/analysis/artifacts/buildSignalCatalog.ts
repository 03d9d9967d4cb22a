/**
 * What each build signal means for the artifacts a stage produces (libc.md §5). The verdict uses
 * the notation of libc.md §5: static = libc-independent, dynamic = links the builder's C library,
 * glibc/musl = links that C library explicitly, glibc-floor = glibc with a pinned minimum version.
 */

export type SignalVerdict =
  | 'static'
  | 'dynamic'
  | 'glibc'
  | 'musl'
  | 'glibc-floor'
  /** Not native code at all (framework-dependent .NET). */
  | 'portable'
  /** Native code was built; its C library follows the builder unless another signal says otherwise. */
  | 'native'
  /** A C toolchain was installed, so cgo and native extensions become possible. */
  | 'toolchain'
  /** A runtime-side workaround that softens, but does not remove, a C library mismatch. */
  | 'mitigation'
  | 'info';

export interface SignalInfo {
  readonly verdict: SignalVerdict;
  readonly description: string;
  readonly source: string;
}

export const buildSignalCatalog = {
  'go-cgo-disabled': {
    verdict: 'static',
    description: 'CGO_ENABLED=0: Go links statically without libc',
    source: 'libc.md §5.1 (CGO_ENABLED=0 via ENV, ARG, inline, export, go env -w); Appendix A go.static',
  },
  'go-cgo-enabled': {
    verdict: 'dynamic',
    description: 'CGO_ENABLED=1: Go links the builder C library',
    source: 'libc.md §5.1 (CGO_ENABLED=1 definitely dynamic); Appendix A go.dynamic',
  },
  'go-static-ldflags': {
    verdict: 'static',
    description: '-extldflags "-static": fully static external link',
    source: 'libc.md §5.1 (-ldflags "-linkmode external -extldflags -static")',
  },
  'go-netgo-osusergo': {
    verdict: 'static',
    description:
      '-tags netgo,osusergo: the pure-Go resolver and user lookup (static unless other cgo dependencies exist)',
    source: 'libc.md §5.1 (-tags netgo and osusergo); statuzproj/statuz#20',
  },
  'go-race': {
    verdict: 'dynamic',
    description: '-race/-msan/-asan need cgo',
    source: 'libc.md §5.1 (-race → dynamic); Appendix A go.dynamic',
  },
  'go-tags-dynamic': {
    verdict: 'dynamic',
    description: '-tags dynamic links shared C libraries (confluent-kafka-go)',
    source: 'libc.md §5.1 (-tags dynamic); docker-library/golang#444',
  },
  'go-build': {
    verdict: 'native',
    description: 'go build/install produces a native binary',
    source: 'libc.md §5.1',
  },
  'xx-verify-static': {
    verdict: 'static',
    description: 'xx-verify --static checks that the binary is static',
    source: 'libc.md §5.1 (xx-verify --static); tonistiigi/xx README',
  },
  'rust-musl-target': {
    verdict: 'static',
    description: 'a *-unknown-linux-musl target: static by default with rustup toolchains',
    source: 'libc.md §5.2 (upstream musl targets default to crt_static_default = true)',
  },
  'rust-crt-static': {
    verdict: 'static',
    description: '-C target-feature=+crt-static links the C runtime statically',
    source: 'libc.md §5.2 (RUSTFLAGS="-C target-feature=+crt-static")',
  },
  'rust-crt-static-disabled': {
    verdict: 'musl',
    description: '-C target-feature=-crt-static makes musl binaries dynamic',
    source: 'libc.md §5.2 (-crt-static → M)',
  },
  'rust-glibc-floor': {
    verdict: 'glibc-floor',
    description: 'a glibc target with a pinned version (cargo zigbuild …-linux-gnu.2.17)',
    source: 'libc.md §5.2 (safe on any glibc runtime at or above the floor)',
  },
  'cargo-zigbuild': {
    verdict: 'info',
    description: 'cargo zigbuild links with zig cc',
    source: 'libc.md §5.2',
  },
  'cargo-build': {
    verdict: 'native',
    description: 'cargo build/install produces native binaries',
    source: 'libc.md §5.2 (plain cargo build on Debian rust images: G with the builder glibc)',
  },
  'distro-rust-on-alpine': {
    verdict: 'musl',
    description: "Alpine's rust/cargo packages link dynamically against musl and libgcc_s",
    source: 'libc.md §5.2 (apk add rust cargo → M); docker-hardened-images/catalog#433',
  },
  'c-static': {
    verdict: 'static',
    description: 'a C/C++ link with -static/-static-pie/--static or LDFLAGS=-static',
    source: 'libc.md §5.3; Appendix A c_cpp.static',
  },
  'c-static-runtime-only': {
    verdict: 'dynamic',
    description: '-static-libgcc/-static-libstdc++ only: libc stays dynamic',
    source: 'libc.md §5.3 (-static-libgcc -static-libstdc++ only: still G/M)',
  },
  'c-compile': {
    verdict: 'native',
    description: 'a C/C++ compiler links a native binary',
    source: 'libc.md §5.3 (compiles without static flags: G/M of the builder)',
  },
  'musl-gcc': {
    verdict: 'musl',
    description: 'musl-gcc links against musl (dynamically unless -static is given)',
    source:
      'libc.md §5.3 lists musl-gcc; its specs file uses the /lib/ld-musl-*.so.1 loader unless -static is passed',
  },
  'zig-musl-target': {
    verdict: 'static',
    description: 'a Zig …-linux-musl target links statically',
    source: 'libc.md §5.3 (zig build -Dtarget=…-linux-musl, zig cc -target …-linux-musl)',
  },
  'zig-glibc-floor': {
    verdict: 'glibc-floor',
    description: 'a Zig …-linux-gnu.2.X target pins the glibc floor',
    source: 'libc.md §5.3 (zig cc -target x86_64-linux-gnu.2.28)',
  },
  'graalvm-static-musl': {
    verdict: 'static',
    description: 'native-image --static --libc=musl',
    source: 'libc.md §5.3 (statically linked against musl-libc, deployable on scratch)',
  },
  'graalvm-static': {
    verdict: 'static',
    description: 'native-image --static (glibc, fully static)',
    source: 'GraalVM docs "Build a Statically Linked or Mostly-Statically Linked Native Executable"',
  },
  'graalvm-mostly-static': {
    verdict: 'glibc',
    description: 'native-image -H:+StaticExecutableWithDynamicLibC needs glibc',
    source: 'libc.md §5.3 (mostly static: G, OK on distroless base/cc)',
  },
  'graalvm-native-image': {
    verdict: 'dynamic',
    description: 'native-image links the builder C library and zlib by default',
    source: 'libc.md §5.3 (native-image default: G + zlib)',
  },
  'dotnet-musl-rid': {
    verdict: 'musl',
    description: 'a linux-musl-* runtime identifier',
    source: 'libc.md §5.4 (linux-musl-x64/arm64 → M); dotnet/sdk-container-builds#301',
  },
  'dotnet-glibc-rid': {
    verdict: 'glibc',
    description: 'a linux-* (glibc) runtime identifier',
    source: 'libc.md §5.4 (linux-x64/linux-arm64 → G)',
  },
  'dotnet-native-aot': {
    verdict: 'native',
    description: 'PublishAot: a native executable with the C library of the SDK image',
    source: 'libc.md §5.4 (PublishAot=true, sdk:*-aot)',
  },
  'dotnet-self-contained': {
    verdict: 'native',
    description: 'self-contained, single-file or ReadyToRun output is libc-specific',
    source: 'libc.md §5.4 (apphost, --self-contained, PublishSingleFile, PublishReadyToRun)',
  },
  'dotnet-framework-dependent': {
    verdict: 'portable',
    description:
      'framework-dependent output runs on any dotnet runtime image when started with `dotnet App.dll`',
    source: 'libc.md §5.4 (framework-dependent output run as ENTRYPOINT ["dotnet","App.dll"])',
  },
  'c-toolchain-installed': {
    verdict: 'toolchain',
    description: 'a C toolchain is installed (cgo and native extensions become possible)',
    source: 'libc.md §5.1 (golang alpine plus apk add gcc musl-dev / build-base → M)',
  },
  'glibc-compat-installed': {
    verdict: 'mitigation',
    description: 'gcompat/libc6-compat installed on Alpine',
    source: 'libc.md §5.6 (enough for simple glibc binaries; fails for __memcpy_chk etc.)',
  },
  'musl-loader-symlink': {
    verdict: 'mitigation',
    description: 'a symlink from the glibc loader name to the musl loader',
    source:
      'libc.md §5.6 (ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2; mhart/alpine-node#141)',
  },
  'mix-release': {
    verdict: 'native',
    description: 'mix release bundles the native Erlang runtime (ERTS)',
    source: 'libc.md §5.5 (mix release includes ERTS; erlef/docker-elixir#20)',
  },
  jlink: {
    verdict: 'native',
    description: 'jlink writes a native Java runtime image',
    source: 'libc.md §5.5 (jlink output is native; AdoptOpenJDK/openjdk-docker#78)',
  },
  'pip-platform': {
    verdict: 'info',
    description: 'pip/uv installs wheels for an explicit platform',
    source: 'libc.md Appendix A python_cross_platform_install',
  },
  'node-platform-install': {
    verdict: 'info',
    description: 'npm installs optional native packages for an explicit libc/os/cpu',
    source: 'libc.md Appendix A node_cross_install; lovell/sharp#4146',
  },
  'bundle-force-ruby-platform': {
    verdict: 'info',
    description: 'BUNDLE_FORCE_RUBY_PLATFORM compiles gems from source instead of using glibc prebuilds',
    source: 'libc.md Appendix A ruby_force_source; docker-library/redmine#230',
  },
  'uv-managed-python': {
    verdict: 'info',
    description: 'uv may download its own Python, which a venv then points at',
    source: 'libc.md Appendix A python_uv_managed_interpreter_risk; astral-sh/uv-docker-example#38',
  },
} as const satisfies Record<string, SignalInfo>;

export type BuildSignalKind = keyof typeof buildSignalCatalog;
