import type { OsRef } from './imageFamily';

/** Shorthands for the distribution releases the image tables refer to most. */

export const debianStretch: OsRef = { os: 'debian', release: 'stretch' };
export const debianBuster: OsRef = { os: 'debian', release: 'buster' };
export const debianBullseye: OsRef = { os: 'debian', release: 'bullseye' };
export const debianBookworm: OsRef = { os: 'debian', release: 'bookworm' };
export const debianTrixie: OsRef = { os: 'debian', release: 'trixie' };
export const debianUnknownRelease: OsRef = { os: 'debian' };

export const ubuntuFocal: OsRef = { os: 'ubuntu', release: 'focal' };
export const ubuntuJammy: OsRef = { os: 'ubuntu', release: 'jammy' };
export const ubuntuNoble: OsRef = { os: 'ubuntu', release: 'noble' };
export const ubuntuResolute: OsRef = { os: 'ubuntu', release: 'resolute' };

export const scratch: OsRef = { os: 'scratch' };
