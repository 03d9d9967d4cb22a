import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findBuildSignals,
  findStaticBuildSignals,
  isCgoAutoDisabled,
  type BuildSignalKind,
  type StageBuildInput,
} from '../../../server/src/analysis/artifacts';
import { buildSignalCatalog } from '../../../server/src/analysis/artifacts/buildSignalCatalog';

function kinds(input: StageBuildInput | string): BuildSignalKind[] {
  const stage = typeof input === 'string' ? { runs: [input] } : input;
  return findBuildSignals(stage).signals.map((signal) => signal.kind);
}

function assertSignal(input: StageBuildInput | string, kind: BuildSignalKind): void {
  assert.ok(kinds(input).includes(kind), `${kind} in ${JSON.stringify(input)}: ${kinds(input).join(', ')}`);
}

function assertNoSignal(input: StageBuildInput | string, kind: BuildSignalKind): void {
  assert.ok(!kinds(input).includes(kind), `no ${kind} in ${JSON.stringify(input)}`);
}

/** Each signal: texts that must produce it and texts that must not (libc.md §5, Appendix A). */
const cases: readonly {
  kind: BuildSignalKind;
  yes: readonly (StageBuildInput | string)[];
  no: readonly (StageBuildInput | string)[];
}[] = [
  {
    kind: 'go-cgo-disabled',
    yes: [
      'CGO_ENABLED=0 go build -o /app .',
      'export CGO_ENABLED=0 && go build .',
      'go env -w CGO_ENABLED=0',
      'env CGO_ENABLED=0 go build .',
      `sh -c "CGO_ENABLED=0 go build ."`,
      { runs: ['go build .'], env: { CGO_ENABLED: '0' } },
      { runs: ['go build .'], args: { CGO_ENABLED: '0' } },
      { runs: ['go build .'], env: { CGO_ENABLED: '${CGO}' }, args: { CGO: '0' } },
    ],
    no: [
      'CGO_ENABLED=1 go build .',
      'go build .',
      'echo CGO_ENABLED=00',
      '# CGO_ENABLED=0',
      { runs: ['go build .'], args: { CGO_ENABLED: undefined } },
    ],
  },
  {
    kind: 'go-cgo-enabled',
    yes: ['CGO_ENABLED=1 go build .', { runs: [], env: { CGO_ENABLED: '1' } }],
    no: ['CGO_ENABLED=0 go build .', 'go build .'],
  },
  {
    kind: 'go-static-ldflags',
    yes: [
      `go build -ldflags '-linkmode external -extldflags "-static"' .`,
      'go build -ldflags="-extldflags=-static" .',
      `go build -ldflags "-s -w -extldflags '-static'" .`,
      { runs: ['go build .'], env: { GOFLAGS: '-ldflags=-extldflags=-static' } },
    ],
    no: [
      'go build -ldflags "-s -w" .',
      `go build -ldflags '-extldflags "-static-libgcc"' .`,
      'echo -extldflags -static',
    ],
  },
  {
    kind: 'go-netgo-osusergo',
    yes: [
      'go build -tags netgo,osusergo .',
      `go build -tags 'osusergo netgo' .`,
      'go build -tags=netgo,osusergo,sqlite .',
      'go build --tags=netgo,osusergo .',
    ],
    no: ['go build -tags netgo .', 'go build -tags osusergo .', 'go build .'],
  },
  {
    kind: 'go-race',
    yes: ['go build -race .', 'go install -msan ./...'],
    no: ['go build .', 'go build -o race .'],
  },
  {
    kind: 'go-tags-dynamic',
    yes: ['go build -tags dynamic .', 'go build -tags musl,dynamic .'],
    no: ['go build -tags dynamodb .'],
  },
  {
    kind: 'go-build',
    yes: [
      'go build .',
      'xx-go build -o /out/app .',
      '/usr/local/go/bin/go install ./cmd/x',
      'RUN_ME=1 go build',
    ],
    no: ['go test ./...', 'go mod download', 'go env -w GOPROXY=direct', 'echo go build', 'gofmt -l .'],
  },
  { kind: 'xx-verify-static', yes: ['xx-verify --static /out/app'], no: ['xx-verify /out/app'] },
  {
    kind: 'rust-musl-target',
    yes: [
      'cargo build --release --target x86_64-unknown-linux-musl',
      'cargo build --target=aarch64-unknown-linux-musl',
      'cargo zigbuild --release --target armv7-unknown-linux-musleabihf',
      'cross build --target x86_64-unknown-linux-musl',
      'cargo +nightly build --target x86_64-unknown-linux-musl',
      { runs: ['cargo build --release'], env: { CARGO_BUILD_TARGET: 'x86_64-unknown-linux-musl' } },
      { runs: ['cargo build --target $TARGET'], args: { TARGET: 'aarch64-unknown-linux-musl' } },
    ],
    no: [
      'cargo build --release --target x86_64-unknown-linux-gnu',
      'cargo build --release',
      'rustup target add x86_64-unknown-linux-musl',
    ],
  },
  {
    kind: 'rust-crt-static',
    yes: [
      'RUSTFLAGS="-C target-feature=+crt-static" cargo build --release',
      `echo '[build]\nrustflags = ["-C", "target-feature=+crt-static"]' > .cargo/config.toml`,
      { runs: ['cargo build'], env: { RUSTFLAGS: '-C target-feature=+crt-static' } },
    ],
    no: ['RUSTFLAGS="-C target-feature=-crt-static" cargo build', 'cargo build --release'],
  },
  {
    kind: 'rust-crt-static-disabled',
    yes: ['RUSTFLAGS="-C target-feature=-crt-static" cargo build'],
    no: ['RUSTFLAGS="-C target-feature=+crt-static" cargo build'],
  },
  {
    kind: 'rust-glibc-floor',
    yes: ['cargo zigbuild --release --target x86_64-unknown-linux-gnu.2.17'],
    no: [
      'cargo zigbuild --release --target x86_64-unknown-linux-gnu',
      'cargo build --target x86_64-unknown-linux-musl',
    ],
  },
  { kind: 'cargo-zigbuild', yes: ['cargo zigbuild --release'], no: ['cargo build --release', 'cargo fetch'] },
  {
    kind: 'cargo-build',
    yes: ['cargo build --release', 'cargo install --path .', 'cargo auditable build --release'],
    no: ['cargo fetch', 'cargo test', 'rustup target add x86_64-unknown-linux-musl'],
  },
  {
    kind: 'distro-rust-on-alpine',
    yes: ['apk add --no-cache rust cargo', 'apk add cargo=1.78.0-r0'],
    no: ['apk add rustup', 'apt-get install -y cargo', 'apk add rust-analyzer'],
  },
  {
    kind: 'c-static',
    yes: [
      'gcc -static -o /out/hello hello.c',
      'clang -static-pie -o app main.c',
      'x86_64-linux-musl-gcc -static -o app main.c',
      'gcc -o app main.c -Wl,-static',
      'LDFLAGS="-static" ./configure',
      'export LDFLAGS="-s -static"',
      'musl-gcc -static -o app main.c',
      { runs: ['make'], env: { LDFLAGS: '-static' } },
    ],
    no: [
      'gcc -o app main.c',
      'gcc -static -c main.c',
      'g++ -static-libstdc++ -o app main.cc',
      'LDFLAGS="-static-libgcc" make',
      'echo gcc -static',
    ],
  },
  {
    kind: 'c-static-runtime-only',
    yes: ['g++ -static-libgcc -static-libstdc++ -o app main.cc'],
    no: ['g++ -static -static-libstdc++ -o app main.cc', 'g++ -o app main.cc'],
  },
  {
    kind: 'c-compile',
    yes: ['gcc -o app main.c', 'aarch64-linux-gnu-gcc -O2 -o app main.c', 'clang++-17 main.cc'],
    no: ['gcc -c main.c', 'gcc -static main.c', 'gccgo -o x x.go'],
  },
  {
    kind: 'musl-gcc',
    yes: ['musl-gcc -o app main.c'],
    no: ['musl-gcc -static -o app main.c', 'gcc -o app main.c'],
  },
  {
    kind: 'zig-musl-target',
    yes: [
      'zig cc -target x86_64-linux-musl -o app main.c',
      'zig build -Doptimize=ReleaseSafe -Dtarget=aarch64-linux-musl',
      'zig build-exe -target x86_64-linux-musl main.zig',
    ],
    no: ['zig cc -target x86_64-linux-gnu -o app main.c', 'zig build'],
  },
  {
    kind: 'zig-glibc-floor',
    yes: ['zig cc -target x86_64-linux-gnu.2.28 -o app main.c', 'zig build -Dtarget=aarch64-linux-gnu.2.17'],
    no: ['zig cc -target x86_64-linux-gnu -o app main.c'],
  },
  {
    kind: 'graalvm-static-musl',
    yes: ['native-image --static --libc=musl -jar app.jar'],
    no: ['native-image --static -jar app.jar', 'native-image -jar app.jar'],
  },
  {
    kind: 'graalvm-static',
    yes: ['native-image --static -jar app.jar'],
    no: ['native-image --static --libc=musl -jar app.jar', 'native-image -jar app.jar'],
  },
  {
    kind: 'graalvm-mostly-static',
    yes: ['native-image -H:+StaticExecutableWithDynamicLibC -jar app.jar'],
    no: ['native-image -jar app.jar'],
  },
  {
    kind: 'graalvm-native-image',
    yes: ['native-image -jar app.jar -o app'],
    no: ['native-image --static -jar app.jar', 'java -jar app.jar'],
  },
  {
    kind: 'dotnet-musl-rid',
    yes: [
      'dotnet publish -c Release -r linux-musl-x64',
      'dotnet publish --runtime=linux-musl-arm64',
      'dotnet publish -p:RuntimeIdentifier=linux-musl-x64',
      { runs: ['dotnet publish -r $RID'], args: { RID: 'linux-musl-x64' } },
    ],
    no: ['dotnet publish -r linux-x64', 'dotnet publish -c Release', 'dotnet restore -r linux-musl-x64'],
  },
  {
    kind: 'dotnet-glibc-rid',
    yes: ['dotnet publish -r linux-x64', 'dotnet publish /p:RuntimeIdentifier=linux-arm64'],
    no: ['dotnet publish -r linux-musl-x64', 'dotnet publish -r win-x64'],
  },
  {
    kind: 'dotnet-native-aot',
    yes: [
      'dotnet publish -p:PublishAot=true -r linux-x64',
      'dotnet publish /p:PublishAot=true',
      'dotnet publish --property:PublishAot=true',
    ],
    no: ['dotnet publish -p:PublishAot=false', 'dotnet publish -c Release'],
  },
  {
    kind: 'dotnet-self-contained',
    yes: [
      'dotnet publish -r linux-x64 --self-contained',
      'dotnet publish -r linux-x64 --self-contained true',
      'dotnet publish -r linux-x64 -p:PublishSingleFile=true',
      'dotnet publish -p:PublishReadyToRun=true -r linux-x64',
      'dotnet publish --sc -r linux-x64',
    ],
    no: [
      'dotnet publish -r linux-x64 --self-contained false',
      'dotnet publish -r linux-x64 --no-self-contained',
      'dotnet publish -c Release',
    ],
  },
  {
    kind: 'dotnet-framework-dependent',
    yes: [
      'dotnet publish -c Release -o /app/publish',
      'dotnet publish "App.csproj" -c Release -o /app --no-restore',
      'dotnet publish -p:UseAppHost=false -o /app',
    ],
    no: [
      'dotnet publish -r linux-x64',
      'dotnet publish -a $TARGETARCH -o /app',
      'dotnet publish --self-contained -o /app',
      'dotnet build -c Release',
    ],
  },
  {
    kind: 'c-toolchain-installed',
    yes: [
      'apk add --no-cache gcc musl-dev',
      'apk add --virtual .deps build-base',
      'apt-get install -y --no-install-recommends build-essential',
      'dnf install -y gcc-c++',
      'apk add clang17',
      'xx-apk add gcc',
      'apk add gcc=13.2.1-r0',
    ],
    no: [
      'apk add --no-cache git',
      'apk add --virtual gcc git',
      'apt-get install -y libgcc-s1',
      'apk del gcc',
      'echo apk add gcc',
    ],
  },
  {
    kind: 'glibc-compat-installed',
    yes: ['apk add --no-cache gcompat', 'apk add libc6-compat'],
    no: ['apt-get install -y libc6-compat', 'apk add musl'],
  },
  {
    kind: 'musl-loader-symlink',
    yes: [
      'ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2',
      'ln -sf /lib/ld-musl-aarch64.so.1 /lib/ld-linux-aarch64.so.1',
    ],
    no: ['ln -s /usr/bin/python3 /usr/bin/python'],
  },
  {
    kind: 'mix-release',
    yes: ['mix release', 'MIX_ENV=prod mix release --overwrite'],
    no: ['mix compile', 'mix deps.get'],
  },
  {
    kind: 'jlink',
    yes: ['jlink --add-modules java.base --output /javaruntime', '$JAVA_HOME/bin/jlink --output /jre'],
    no: ['java -jar app.jar', 'jdeps app.jar'],
  },
  {
    kind: 'pip-platform',
    yes: [
      'pip install --platform manylinux2014_x86_64 --only-binary=:all: -t /deps numpy',
      'python -m pip install --platform=musllinux_1_2_x86_64 x',
      'uv pip install --python-platform x86_64-unknown-linux-gnu x',
    ],
    no: ['pip install numpy', 'pip download --platform manylinux2014_x86_64 numpy'],
  },
  {
    kind: 'node-platform-install',
    yes: ['npm ci --os=linux --libc=musl --cpu=x64', 'npm install --cpu arm64'],
    no: ['npm ci', 'esbuild --platform=node app.ts'],
  },
  {
    kind: 'bundle-force-ruby-platform',
    yes: [
      'BUNDLE_FORCE_RUBY_PLATFORM=1 bundle install',
      'bundle config set force_ruby_platform true',
      { runs: ['bundle install'], env: { BUNDLE_FORCE_RUBY_PLATFORM: '1' } },
    ],
    no: ['bundle install'],
  },
  {
    kind: 'uv-managed-python',
    yes: ['uv sync --frozen', 'uv venv /opt/venv', 'uv python install 3.12'],
    no: [
      'uv sync --python /usr/local/bin/python3',
      'UV_PYTHON_DOWNLOADS=0 uv sync',
      { runs: ['uv sync'], env: { UV_PYTHON_DOWNLOADS: 'never' } },
      'uv pip install x',
    ],
  },
];

describe('findBuildSignals', () => {
  for (const { kind, yes, no } of cases) {
    describe(kind, () => {
      for (const input of yes) {
        it(`finds it in ${JSON.stringify(input)}`, () => assertSignal(input, kind));
      }
      for (const input of no) {
        it(`does not find it in ${JSON.stringify(input)}`, () => assertNoSignal(input, kind));
      }
    });
  }

  it('covers every signal kind with positive and negative cases', () => {
    const covered = new Set(
      cases.filter((entry) => entry.yes.length > 0 && entry.no.length > 0).map((entry) => entry.kind),
    );
    assert.deepEqual(
      Object.keys(buildSignalCatalog).filter((kind) => !covered.has(kind as BuildSignalKind)),
      [],
    );
  });

  it('gives every signal a verdict, a source and a location', () => {
    const signals = findBuildSignals({
      runs: ['CGO_ENABLED=0 go build -o /app .', 'apk add gcompat'],
      env: { RUSTFLAGS: '-C target-feature=+crt-static' },
    }).signals;
    for (const signal of signals) {
      assert.ok(signal.verdict && signal.source && signal.location, signal.kind);
    }
  });

  it('locates RUN signals by offsets into the RUN text', () => {
    const text = 'apk add gcc && CGO_ENABLED=0 go build -o /out/app .';
    const signal = findBuildSignals({ runs: ['echo hi', text] }).signals.find(
      (entry) => entry.kind === 'go-cgo-disabled',
    );
    assert.equal(signal?.location.kind, 'run');
    if (signal?.location.kind === 'run') {
      assert.equal(signal.location.runIndex, 1);
      assert.equal(text.slice(signal.location.start, signal.location.end), 'CGO_ENABLED=0');
    }
  });

  it('locates ENV and ARG signals by key', () => {
    const [fromEnv] = findBuildSignals({
      runs: [],
      env: { CGO_ENABLED: '0' },
      args: { CGO_ENABLED: '1' },
    }).signals;
    assert.deepEqual(fromEnv?.location, { kind: 'env', key: 'CGO_ENABLED' });
    assert.equal(fromEnv?.kind, 'go-cgo-disabled', 'ENV wins over ARG');
    const [fromArg] = findBuildSignals({ runs: [], args: { CGO_ENABLED: '0' } }).signals;
    assert.deepEqual(fromArg?.location, { kind: 'arg', key: 'CGO_ENABLED' });
  });
});

describe('Go builds', () => {
  const build = (input: StageBuildInput | string) =>
    findBuildSignals(typeof input === 'string' ? { runs: [input] } : input).goBuilds[0];

  it('reports the effective CGO_ENABLED and where it comes from', () => {
    assert.equal(build('CGO_ENABLED=0 go build .')?.cgoFrom, 'command');
    assert.equal(build('export CGO_ENABLED=0; go build .')?.cgoFrom, 'shell');
    assert.equal(build({ runs: ['go build .'], env: { CGO_ENABLED: '0' } })?.cgoFrom, 'env');
    assert.equal(build({ runs: ['go build .'], args: { CGO_ENABLED: '0' } })?.cgoFrom, 'arg');
    assert.equal(
      findBuildSignals({ runs: ['go env -w CGO_ENABLED=0', 'go build .'] }).goBuilds[0]?.cgoFrom,
      'go-env',
    );
    assert.equal(build('go build .')?.cgo, undefined);
    assert.equal(
      build({ runs: ['CGO_ENABLED=1 go build .'], env: { CGO_ENABLED: '0' } })?.cgo,
      '1',
      'the command wins over ENV',
    );
  });

  it('does not carry shell variables from one RUN to the next', () => {
    assert.equal(
      findBuildSignals({ runs: ['export CGO_ENABLED=0', 'go build .'] }).goBuilds[0]?.cgo,
      undefined,
    );
  });

  it('returns the paths go build and go install write', () => {
    assert.deepEqual(build('go build -o /out/app ./cmd/app')?.outputs, ['/out/app']);
    assert.deepEqual(build('go build -o=bin/server .')?.outputs, ['bin/server']);
    assert.deepEqual(build({ runs: ['go build -o $OUT .'], args: { OUT: '/usr/local/bin/app' } })?.outputs, [
      '/usr/local/bin/app',
    ]);
    assert.deepEqual(build('go build ./cmd/server')?.outputs, ['server']);
    assert.deepEqual(build('go build .')?.outputs, []);
    assert.deepEqual(build('go install github.com/acme/tool/cmd/tool@v1.2.3')?.outputs, ['/go/bin/tool']);
    assert.deepEqual(build('go install github.com/acme/tool/v2@latest')?.outputs, ['/go/bin/tool']);
    assert.deepEqual(build('GOBIN=/usr/local/bin go install ./cmd/x')?.outputs, ['/usr/local/bin/x']);
    assert.deepEqual(build('GOOS=linux GOARCH=arm64 go install ./cmd/x')?.outputs, [
      '/go/bin/x',
      '/go/bin/linux_arm64/x',
    ]);
    const outputs = findBuildSignals({ runs: ['go build -o /out/ ./...'] }).binaryOutputs;
    assert.deepEqual(
      outputs.map((output) => [output.path, output.tool, output.isDirectory]),
      [['/out/', 'go', true]],
    );
  });

  it('reads GOOS, GOARCH and tags', () => {
    const result = build('GOOS=linux GOARCH=$TARGETARCH go build -tags "netgo osusergo" .');
    assert.equal(result?.goos, 'linux');
    assert.equal(result?.goarch, '$TARGETARCH');
    assert.deepEqual(result?.tags, ['netgo', 'osusergo']);
  });

  it('tells when cgo switches itself off (golang alpine without a C compiler)', () => {
    const plain = findBuildSignals({ runs: ['go build -o /app .'] });
    const goBuild = plain.goBuilds[0];
    assert.ok(goBuild);
    assert.equal(isCgoAutoDisabled(goBuild, false, plain.cCompilerInstalled), true);
    assert.equal(isCgoAutoDisabled(goBuild, true, plain.cCompilerInstalled), false, 'Debian golang has gcc');
    assert.equal(isCgoAutoDisabled(goBuild, undefined, plain.cCompilerInstalled), false, 'unknown image');
    const withGcc = findBuildSignals({ runs: ['apk add gcc musl-dev', 'go build -o /app .'] });
    assert.equal(withGcc.cCompilerInstalled, true);
    assert.equal(isCgoAutoDisabled(withGcc.goBuilds[0] ?? goBuild, false, withGcc.cCompilerInstalled), false);
    const explicit = findBuildSignals({ runs: ['CGO_ENABLED=1 go build -o /app .'] }).goBuilds[0] ?? goBuild;
    assert.equal(isCgoAutoDisabled(explicit, false, false), false);
  });
});

describe('other builds', () => {
  it('returns cargo output directories per target and profile', () => {
    const paths = (text: string): string[] =>
      findBuildSignals({ runs: [text] }).cargoBuilds.flatMap((entry) => [...entry.outputs]);
    assert.deepEqual(paths('cargo build --release'), ['target/release']);
    assert.deepEqual(paths('cargo build'), ['target/debug']);
    assert.deepEqual(paths('cargo build --release --target x86_64-unknown-linux-musl'), [
      'target/x86_64-unknown-linux-musl/release',
    ]);
    assert.deepEqual(paths('cargo build --profile dist --target-dir /build'), ['/build/dist']);
    assert.deepEqual(paths('cargo install --path .'), ['/usr/local/cargo/bin']);
    assert.deepEqual(paths('cargo install --root /usr/local ripgrep'), ['/usr/local/bin']);
  });

  it('describes dotnet publish', () => {
    const [publish] = findBuildSignals({
      runs: ['dotnet publish -c Release -a arm64 --self-contained true -p:PublishSingleFile=true -o /app'],
    }).dotnetPublishes;
    assert.equal(publish?.architecture, 'arm64');
    assert.equal(publish?.selfContained, true);
    assert.equal(publish?.singleFile, true);
    assert.equal(publish?.frameworkDependent, false);
    assert.deepEqual(publish?.outputs, ['/app']);
  });

  it('returns C, zig, native-image, jlink and mix outputs', () => {
    const outputs = findBuildSignals({
      runs: [
        'gcc -o /out/hello hello.c',
        'zig cc -target x86_64-linux-musl -o /out/z z.c',
        'native-image -jar app.jar -o /out/native',
        'jlink --output /jre',
        'mix release',
      ],
    }).binaryOutputs.map((output) => [output.tool, output.path]);
    assert.deepEqual(outputs, [
      ['cc', '/out/hello'],
      ['zig', '/out/z'],
      ['native-image', '/out/native'],
      ['jlink', '/jre'],
      ['mix', '_build/prod/rel'],
    ]);
  });

  it('flags glibc compatibility installs', () => {
    assert.equal(findBuildSignals({ runs: ['apk add --no-cache gcompat'] }).glibcCompatInstalled, true);
    assert.equal(findBuildSignals({ runs: ['apk add --no-cache curl'] }).glibcCompatInstalled, false);
  });
});

describe('findStaticBuildSignals', () => {
  it('reads a single RUN text', () => {
    assert.deepEqual(
      findStaticBuildSignals('CGO_ENABLED=0 go build -o /app .').map((signal) => signal.kind),
      ['go-cgo-disabled', 'go-build'],
    );
  });

  it('never throws on malformed input', () => {
    assert.deepEqual(findStaticBuildSignals(undefined as unknown as string), []);
    assert.deepEqual(findBuildSignals(null as unknown as StageBuildInput).signals, []);
    assert.deepEqual(findBuildSignals({ runs: [42, null] } as unknown as StageBuildInput).signals, []);
    assert.deepEqual(
      findBuildSignals({ runs: ['go build'], env: { CGO_ENABLED: 0 } } as unknown as StageBuildInput).goBuilds
        .length,
      1,
    );
  });
});
