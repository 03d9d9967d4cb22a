import type { LibcFamily, PackageManager } from './imageFacts';

/** The shape of the distribution tables in osReleases.ts. */

export type OsId =
  | 'alpine'
  | 'debian'
  | 'ubuntu'
  | 'fedora'
  | 'centos'
  | 'rockylinux'
  | 'almalinux'
  | 'oraclelinux'
  | 'rhel'
  | 'amazonlinux'
  | 'photon'
  | 'archlinux'
  | 'opensuse-leap'
  | 'opensuse-tumbleweed'
  | 'clearlinux'
  | 'mageia'
  | 'wolfi'
  | 'void'
  | 'gentoo'
  | 'azurelinux'
  | 'cbl-mariner'
  | 'busybox'
  | 'scratch'
  | 'windows';

export interface OsRelease {
  /** The canonical release key: the codename for Debian and Ubuntu, the version elsewhere. */
  readonly release: string;
  /** The version shown in labels ('12', '24.04') when the key is a codename. */
  readonly version?: string;
  /** Other words that name this release in the distribution's own tags ('12', 'stable', 'latest'). */
  readonly aliases?: readonly string[];
  /** The release key is a codename that names this release inside any image's tag ('python:3.12-bookworm'). */
  readonly codename?: boolean;
  readonly glibc?: string;
  /** Set when this release's package manager differs from the distribution's usual one. */
  readonly packageManager?: PackageManager;
  readonly source: string;
}

/** Facts a tag word such as `slim`, `minimal` or `micro` changes for one distribution. */
export interface OsFlavor {
  readonly packageManager?: PackageManager;
  readonly hasShell?: boolean;
  readonly source: string;
}

/** A word that names the distribution inside other images' tags, e.g. `alpine3.20`, `ubi9`, `al2023`, `debian-12`. */
export interface OsTagPrefix {
  readonly prefix: string;
  /** Whether the prefix alone (`-debian`, `-alpine`) names the distribution with an unknown release. */
  readonly standalone: boolean;
}

export interface OsDescriptor {
  readonly id: OsId;
  /** The name used in labels ('debian 12'). */
  readonly name: string;
  readonly libc: LibcFamily;
  readonly packageManager: PackageManager;
  readonly hasShell: boolean | undefined;
  /** How many numeric components name a release: 1 for debian:12.5 → 12, 2 for alpine:3.20.1 → 3.20. */
  readonly versionPrecision: 1 | 2;
  /** The release of the `latest` tag and of references without a tag. */
  readonly latest?: string;
  /** Set for rolling distributions: every tag is the same moving release with this glibc (as of 2026-08). */
  readonly rolling?: { readonly glibc: string | undefined; readonly source: string };
  readonly tagPrefixes?: readonly OsTagPrefix[];
  readonly flavors?: Readonly<Record<string, OsFlavor>>;
  readonly releases: readonly OsRelease[];
  readonly source: string;
}
