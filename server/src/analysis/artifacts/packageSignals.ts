import {
  commandText,
  createSignal,
  runLocation,
  type DetectionContext,
  type SignalDraft,
} from './buildSignalTypes';
import { walkRunCommands } from './runVariables';
import { signalPatterns } from './signalPatterns';
import { commandName, type ShellCommand, type ShellWord } from './shellWords';

type InstallerFamily = 'apk' | 'apt' | 'rpm';

/** Package manager commands and the subcommands that install (tonistiigi/xx wrappers included). */
const installers: ReadonlyMap<
  string,
  { readonly family: InstallerFamily; readonly subcommands: ReadonlySet<string> }
> = new Map([
  ['apk', { family: 'apk', subcommands: new Set(['add']) }],
  ['xx-apk', { family: 'apk', subcommands: new Set(['add']) }],
  ['apt-get', { family: 'apt', subcommands: new Set(['install']) }],
  ['apt', { family: 'apt', subcommands: new Set(['install']) }],
  ['xx-apt-get', { family: 'apt', subcommands: new Set(['install']) }],
  ['xx-apt', { family: 'apt', subcommands: new Set(['install']) }],
  ['dnf', { family: 'rpm', subcommands: new Set(['install']) }],
  ['yum', { family: 'rpm', subcommands: new Set(['install']) }],
  ['microdnf', { family: 'rpm', subcommands: new Set(['install']) }],
  ['tdnf', { family: 'rpm', subcommands: new Set(['install']) }],
  ['zypper', { family: 'rpm', subcommands: new Set(['install', 'in']) }],
]);

/** Installer options that take a value, so the value is not read as a package name. */
const installerValueOptions: ReadonlySet<string> = new Set([
  '--virtual',
  '-t',
  '--repository',
  '-X',
  '--root',
  '--arch',
  '-o',
  '--option',
  '--setopt',
  '--releasever',
  '--installroot',
  '--enablerepo',
  '--disablerepo',
]);

/**
 * Finds package installs that change what a stage's native artifacts need (libc.md §5.1, §5.2,
 * §5.6): a C toolchain (cgo and native extensions become possible), Alpine's glibc compatibility
 * packages, Alpine's own Rust, and the musl-loader symlink hack.
 */
export function detectPackageSignals(context: DetectionContext, draft: SignalDraft): void {
  walkRunCommands(context, (run, command) => {
    const name = commandName(command.words[0]);
    if (name === 'ln') {
      const texts = command.words.map((word) => word.text);
      if (
        texts.some((text) => text.includes('ld-musl') || text.includes('libc.musl')) &&
        texts.some((text) => text.includes('ld-linux'))
      ) {
        draft.signals.push(
          createSignal('musl-loader-symlink', commandText(run, command), runLocation(run, command)),
        );
      }
      return;
    }
    const installer = installers.get(name);
    if (!installer) {
      return;
    }
    const packages = installedPackages(command, installer.subcommands);
    if (packages === undefined) {
      return;
    }
    const text = commandText(run, command);
    const location = runLocation(run, command);
    const toolchain = packages.find((word) => signalPatterns.cToolchainPackage.pattern.test(word.text));
    if (toolchain) {
      draft.cCompilerInstalled = true;
      draft.signals.push(createSignal('c-toolchain-installed', text, location, toolchain.text));
    }
    if (installer.family !== 'apk') {
      return;
    }
    const compat = packages.find((word) => signalPatterns.glibcCompatPackage.pattern.test(word.text));
    if (compat) {
      draft.glibcCompatInstalled = true;
      draft.signals.push(createSignal('glibc-compat-installed', text, location, compat.text));
    }
    const rust = packages.find((word) => signalPatterns.distroRustPackage.pattern.test(word.text));
    if (rust) {
      draft.signals.push(createSignal('distro-rust-on-alpine', text, location, rust.text));
    }
  });
}

/** The package words of an install command, or undefined when the command does not install. */
function installedPackages(command: ShellCommand, subcommands: ReadonlySet<string>): ShellWord[] | undefined {
  const words = command.words;
  let index = 1;
  while (index < words.length && (words[index]?.text ?? '').startsWith('-')) {
    index += installerValueOptions.has(words[index]?.text ?? '') ? 2 : 1;
  }
  if (!subcommands.has(words[index]?.text ?? '')) {
    return undefined;
  }
  const packages: ShellWord[] = [];
  for (let i = index + 1; i < words.length; i++) {
    const word = words[i];
    if (word === undefined) {
      continue;
    }
    if (word.text.startsWith('-')) {
      if (installerValueOptions.has(word.text)) {
        i++;
      }
      continue;
    }
    packages.push(word);
  }
  return packages;
}
