/**
 * Architecture names used by toolchains, mapped to BuildKit's TARGETARCH (libc.md §6, arch name
 * map: Go GOARCH, Rust triple prefix, .NET RID arch, Debian dpkg, Alpine apk, official-images).
 */

export interface Architecture {
  /** BuildKit's TARGETARCH value, e.g. 'amd64', 'arm64', 'arm'. */
  readonly architecture: string;
  /** BuildKit's TARGETVARIANT when the name implies one, e.g. 'v7'. */
  readonly variant?: string;
}

interface ArchitectureNames extends Architecture {
  readonly names: readonly string[];
}

const architectureNames: readonly ArchitectureNames[] = [
  { architecture: 'amd64', names: ['amd64', 'x86_64', 'x86-64', 'x64'] },
  { architecture: 'arm64', names: ['arm64', 'aarch64', 'arm64v8'] },
  { architecture: 'arm', variant: 'v7', names: ['armv7', 'armv7l', 'armhf', 'arm32v7'] },
  { architecture: 'arm', variant: 'v6', names: ['armv6', 'arm32v6'] },
  { architecture: 'arm', names: ['arm'] },
  { architecture: '386', names: ['386', 'i386', 'i686', 'x86'] },
  { architecture: 'ppc64le', names: ['ppc64le', 'powerpc64le', 'ppc64el'] },
  { architecture: 's390x', names: ['s390x'] },
  { architecture: 'riscv64', names: ['riscv64', 'riscv64gc'] },
];

const byName = new Map<string, Architecture>();
for (const entry of architectureNames) {
  const value: Architecture = entry.variant
    ? { architecture: entry.architecture, variant: entry.variant }
    : { architecture: entry.architecture };
  for (const name of entry.names) {
    byName.set(name, value);
  }
}

/** Maps a toolchain's architecture name (`x86_64`, `aarch64`, `x64`, `armhf`) to BuildKit's; undefined when unknown. */
export function normalizeArchitecture(name: string): Architecture | undefined {
  return typeof name === 'string' ? byName.get(name.toLowerCase()) : undefined;
}

/** The architecture of a target triple or RID: `aarch64-unknown-linux-musl` → arm64, `linux-musl-x64` → amd64. */
export function architectureOfTarget(target: string): Architecture | undefined {
  if (typeof target !== 'string') {
    return undefined;
  }
  const lower = target.toLowerCase();
  if (lower.startsWith('linux-') || lower.startsWith('win-') || lower.startsWith('osx-')) {
    return normalizeArchitecture(lower.slice(lower.lastIndexOf('-') + 1));
  }
  const dash = lower.indexOf('-');
  const first = dash < 0 ? lower : lower.slice(0, dash);
  return (
    normalizeArchitecture(first) ??
    (first.startsWith('armv7') ? { architecture: 'arm', variant: 'v7' } : undefined)
  );
}
