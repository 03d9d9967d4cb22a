import { classifyImage, parseImageReference, type ImageFacts } from '../images';

/**
 * The runtime image that pairs with a build image, as data. The rule of the table is "same C
 * library family and same release as the builder", so that what the build stage links against is
 * what the runtime stage provides (libc.md §8 analyzer procedure; landscape.md, "snippets with
 * libc-matched builder/runtime pairs"). Each entry names its source.
 *
 * Templates use these placeholders, all read from the builder image:
 * `{alpine}` Alpine release (3.20), `{codename}` Debian/Ubuntu codename (bookworm, noble),
 * `{debianVersion}` Debian major (12), `{jdk}` Java feature release (21), `{dotnet}` .NET
 * channel (8.0), `{dotnetSuffix}` the distro part of a .NET tag (-alpine, -noble, -bookworm-slim),
 * `{node}` the Node tag's version part (20, lts), `{nodeCodename}` `-bookworm` when the Node tag
 * names its suite.
 */
interface RuntimeImageEntry {
  readonly alpine?: string;
  readonly debian?: string;
  /** For builds that link nothing (Go with cgo off): an image without a C library. */
  readonly debianStatic?: string;
  readonly ubuntu?: string;
  /** Wolfi (Chainguard) builders: the rolling glibc pairs with Chainguard's runtime images. */
  readonly wolfi?: string;
  readonly wolfiStatic?: string;
  /** Any other distribution, or when the builder's distribution is unknown. */
  readonly other?: string;
  readonly source: string;
}

export const RUNTIME_IMAGES: Readonly<Record<string, RuntimeImageEntry>> = {
  go: {
    alpine: 'alpine:{alpine}',
    debianStatic: 'gcr.io/distroless/static-debian{debianVersion}',
    debian: 'debian:{codename}-slim',
    ubuntu: 'ubuntu:{codename}',
    wolfi: 'cgr.dev/chainguard/glibc-dynamic',
    wolfiStatic: 'cgr.dev/chainguard/static',
    source:
      'libc.md §2 golang (Debian variants have gcc, so cgo is on; alpine has none) and "Images with NO shell and/or NO libc" (distroless/static-debianNN)',
  },
  rust: {
    alpine: 'alpine:{alpine}',
    debian: 'debian:{codename}-slim',
    ubuntu: 'ubuntu:{codename}',
    wolfi: 'cgr.dev/chainguard/glibc-dynamic',
    source:
      'libc.md §2 rust (host target -gnu on Debian, -musl on alpine) and §4 (runtime glibc ≥ builder); "Other popular registries" cgr.dev/chainguard/glibc-dynamic',
  },
  c: {
    alpine: 'alpine:{alpine}',
    debian: 'debian:{codename}-slim',
    ubuntu: 'ubuntu:{codename}',
    wolfi: 'cgr.dev/chainguard/glibc-dynamic',
    source: 'libc.md §2 gcc (Debian) and §4 (runtime glibc ≥ builder)',
  },
  'java-build': {
    alpine: 'eclipse-temurin:{jdk}-jre-alpine',
    ubuntu: 'eclipse-temurin:{jdk}-jre-{codename}',
    other: 'eclipse-temurin:{jdk}-jre',
    source: 'libc.md §2 eclipse-temurin (Ubuntu default, -alpine musl builds) and maven/gradle tag vendors',
  },
  jdk: {
    alpine: 'eclipse-temurin:{jdk}-jre-alpine',
    ubuntu: 'eclipse-temurin:{jdk}-jre-{codename}',
    other: 'eclipse-temurin:{jdk}-jre',
    source: 'libc.md §2 eclipse-temurin',
  },
  'dotnet-sdk': {
    other: 'mcr.microsoft.com/dotnet/aspnet:{dotnet}{dotnetSuffix}',
    source: 'libc.md "Other popular registries" dotnet/{sdk,runtime,aspnet,runtime-deps} share tags and OS',
  },
  node: {
    alpine: 'node:{node}-alpine{alpineSuffix}',
    other: 'node:{node}{nodeCodename}-slim',
    source: 'libc.md §2 node (-slim is the same codename slim; -alpine)',
  },
};

/**
 * The WORKDIR a build image starts in when the Dockerfile sets none, for resolving relative output
 * paths (docker-library/golang Dockerfiles end with `WORKDIR $GOPATH`, GOPATH=/go; the other build
 * images set none, so `/`).
 */
export const BUILDER_WORKDIRS: Readonly<Record<string, string>> = { go: '/go' };

/** .NET builds that carry their runtime need only runtime-deps (libc.md "Other popular registries"). */
const DOTNET_SELF_CONTAINED = 'mcr.microsoft.com/dotnet/runtime-deps:{dotnet}{dotnetSuffix}';

/**
 * The JDK of build images whose tag does not name one (libc.md §2: maven `latest`/`3` →
 * eclipse-temurin-26-noble; gradle → jdk25).
 */
const DEFAULT_JDK: Readonly<Record<string, string>> = { maven: '26', gradle: '25' };

export interface RuntimeImageRequest {
  /** The build image as written after ARG expansion. */
  readonly builderReference: string;
  readonly builder: ImageFacts;
  readonly toolchain: string;
  /** The artifact links no C library (Go with cgo off). */
  readonly staticBinary: boolean;
  /** Something in the runtime stage needs `/bin/sh` (a shell-form CMD, ENTRYPOINT or HEALTHCHECK). */
  readonly needsShell: boolean;
  /** .NET publishes a self-contained or native AOT app. */
  readonly selfContained: boolean;
  /** The toolchain was installed by a RUN into an OS image, which is then the runtime too. */
  readonly installedToolchain: boolean;
}

export interface RuntimeImageChoice {
  readonly image: string;
  readonly source: string;
}

/** The runtime image for a builder, or undefined when the table has no entry for its family. Never throws. */
export function chooseRuntimeImage(request: RuntimeImageRequest): RuntimeImageChoice | undefined {
  try {
    return choose(request);
  } catch {
    return undefined;
  }
}

function choose(request: RuntimeImageRequest): RuntimeImageChoice | undefined {
  const { builder } = request;
  if (request.installedToolchain) {
    // The compiler came from a RUN, so the base image itself is the matching runtime.
    return { image: request.builderReference, source: "the build stage's own base image" };
  }
  const entry = RUNTIME_IMAGES[request.toolchain];
  if (!entry) {
    return undefined;
  }
  let template: string | undefined;
  if (request.toolchain === 'dotnet-sdk' && request.selfContained) {
    template = DOTNET_SELF_CONTAINED;
  } else if (builder.os === 'alpine') {
    template = entry.alpine ?? entry.other;
  } else if (builder.os === 'debian') {
    template =
      request.staticBinary && !request.needsShell && entry.debianStatic !== undefined
        ? entry.debianStatic
        : (entry.debian ?? entry.other);
  } else if (builder.os === 'ubuntu') {
    template = entry.ubuntu ?? entry.other;
  } else if (builder.os === 'wolfi') {
    // Chainguard's images are rolling, so the newest glibc of the builder is also the runtime's.
    template =
      request.staticBinary && !request.needsShell && entry.wolfiStatic !== undefined
        ? entry.wolfiStatic
        : (entry.wolfi ?? entry.other);
  } else {
    template = entry.other;
  }
  if (template === undefined) {
    return undefined;
  }
  const image = fill(template, placeholders(request));
  return image === undefined ? undefined : { image, source: entry.source };
}

function placeholders(request: RuntimeImageRequest): Record<string, string | undefined> {
  const { builder } = request;
  const parsed = parseImageReference(request.builderReference);
  const tag = parsed?.tag ?? 'latest';
  const name = parsed?.name ?? '';
  const debianVersion = builder.os === 'debian' ? /\d+/.exec(builder.releaseLabel ?? '')?.[0] : undefined;
  const dotnet = /^(\d+\.\d+)(?:\.\d+)?(.*)$/.exec(tag);
  const nodeVersion = /^([^-]+)/.exec(tag)?.[1] ?? 'lts';
  const nodeCodename =
    builder.release !== undefined && tag.includes(builder.release) ? `-${builder.release}` : '';
  return {
    alpine: builder.release ?? classifyImage('alpine').release,
    alpineSuffix: /alpine(\d+\.\d+)/.exec(tag)?.[1] ?? '',
    codename: builder.release,
    debianVersion,
    jdk: jdkOf(name, tag),
    dotnet: dotnet?.[1],
    dotnetSuffix: dotnet?.[2] ?? '',
    node:
      nodeVersion === 'latest' || nodeVersion === 'alpine' || nodeVersion === 'slim'
        ? 'current'
        : nodeVersion,
    nodeCodename,
  };
}

function jdkOf(name: string, tag: string): string | undefined {
  const vendor = /(?:eclipse-temurin|amazoncorretto|ibm-semeru|sapmachine|jdk|graal)-?(\d+)/.exec(tag);
  if (vendor) {
    return vendor[1];
  }
  const repository = name.split('/').pop() ?? name;
  if (repository === 'maven' || repository === 'gradle') {
    return DEFAULT_JDK[repository];
  }
  return /^(\d+)/.exec(tag)?.[1];
}

/** Fills `{name}` placeholders; undefined when one has no value, so no half-made reference is written. */
function fill(template: string, values: Record<string, string | undefined>): string | undefined {
  let missing = false;
  const image = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) {
      missing = true;
      return '';
    }
    return value;
  });
  return missing ? undefined : image;
}
