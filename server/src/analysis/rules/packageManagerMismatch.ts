import { commandName } from '../artifacts/shellWords';
import type { PackageManager } from '../images';
import { locateRunCommands, type LocatedCommand } from '../runCommands';
import type { RuleFinding } from '../findings';
import type { ParsedDockerfile } from '../parseDockerfile';
import { computeStageFacts, stageFactsKey, type StageFacts } from '../stageFacts';
import type { Rule } from './rule';

/** Package-manager commands and the family of images that have them (libc.md §1 package managers). */
const COMMAND_FAMILIES: Readonly<Record<string, string>> = {
  'apt-get': 'apt',
  apt: 'apt',
  aptitude: 'apt',
  apk: 'apk',
  dnf: 'rpm',
  yum: 'rpm',
  microdnf: 'rpm',
  tdnf: 'rpm',
  zypper: 'zypper',
  pacman: 'pacman',
};

const IMAGE_FAMILIES: Readonly<Partial<Record<PackageManager, string>>> = {
  apt: 'apt',
  apk: 'apk',
  dnf: 'rpm',
  yum: 'rpm',
  microdnf: 'rpm',
  tdnf: 'rpm',
  zypper: 'zypper',
  pacman: 'pacman',
};

/** What each package manager's distributions are called in messages. */
const FAMILY_NAMES: Readonly<Record<string, string>> = {
  apt: 'Debian and Ubuntu',
  apk: 'Alpine and Wolfi',
  rpm: 'Fedora, RHEL and their relatives',
  zypper: 'openSUSE',
  pacman: 'Arch Linux',
};

/** Commands that test for a program: a RUN that uses them is written for several distributions. */
const PROBES: ReadonlySet<string> = new Set(['command', 'which', 'type', 'hash', 'test', '[', '[[']);

/**
 * A RUN calls a package manager the stage's image does not have: `apt-get` on Alpine, `apk` on
 * Debian, `yum`/`dnf` on Debian or Alpine, `dnf`/`yum` on a microdnf-only UBI minimal image
 * (hadolint#200). Fires only when the image's package manager is known, and skips RUNs that probe
 * for programs (`command -v apk && … || apt-get …`) or call managers of several families, which are
 * written to run on more than one distribution.
 *
 * Reported on the package-manager command word. `data`: `{ expected: PackageManager, found: string }`,
 * e.g. `{ expected: 'apk', found: 'apt-get' }` (`expected` is the image's package manager,
 * `found` the command as written).
 */
export const packageManagerMismatch: Rule = {
  id: 'PackageManagerMismatch',
  defaultSeverity: 'warning',
  description: "A RUN calls a package manager that the stage's base image does not have.",
  check({ parsed, graph, settings }, report) {
    for (const stage of computeStageFacts(graph, settings)) {
      const key = stageFactsKey(stage);
      let findings = findingsByStage.get(key);
      if (!findings) {
        findings = stageFindings(stage, parsed, graph.escapeChar);
        findingsByStage.set(key, findings);
      }
      findings.forEach(report);
    }
  },
};

/**
 * A stage's findings depend only on its facts and its own RUN instructions (see stageFactsKey), so they
 * are kept per stage and an edit re-checks only the stages it touched.
 */
const findingsByStage = new WeakMap<object, readonly RuleFinding[]>();

function stageFindings(stage: StageFacts, parsed: ParsedDockerfile, escapeChar: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const expected = stage.image.packageManager;
  const imageFamily = IMAGE_FAMILIES[expected];
  if (imageFamily === undefined) {
    return findings;
  }
  for (const instruction of stage.stage.instructions.slice(1)) {
    if (instruction.getKeyword() !== 'RUN') {
      continue;
    }
    const commands = locateRunCommands(instruction, parsed, escapeChar);
    if (isMultiDistribution(commands)) {
      continue;
    }
    // One finding per command name and RUN: `apt-get update && apt-get install` is one mistake.
    const reported = new Set<string>();
    for (const { command, wordRanges } of commands) {
      const found = commandName(command.words[0]);
      if (reported.has(found)) {
        continue;
      }
      const family = COMMAND_FAMILIES[found];
      const range = wordRanges[0];
      if (family === undefined || range === undefined || !isMismatch(expected, imageFamily, found, family)) {
        continue;
      }
      reported.add(found);
      const image = stage.imageReference ?? 'the base image';
      const release = stage.image.releaseLabel ? ` (${stage.image.releaseLabel})` : '';
      findings.push({
        range,
        message:
          `${found} is the package manager of ${FAMILY_NAMES[family] ?? family}, but this stage's image ${image}${release} uses ${expected}: ` +
          `the command fails with "${found}: not found". Use ${expected} here, or a base image that has ${found}.`,
        data: { expected, found },
      });
    }
  }
  return findings;
}

function isMismatch(expected: PackageManager, imageFamily: string, found: string, family: string): boolean {
  if (family !== imageFamily) {
    return true;
  }
  // UBI minimal images ship microdnf only (libc.md §1 ubi-minimal).
  return expected === 'microdnf' && (found === 'dnf' || found === 'yum');
}

function isMultiDistribution(commands: readonly LocatedCommand[]): boolean {
  const families = new Set<string>();
  for (const { command } of commands) {
    const name = commandName(command.words[0]);
    if (PROBES.has(name)) {
      return true;
    }
    const family = COMMAND_FAMILIES[name];
    if (family !== undefined) {
      families.add(family);
    }
  }
  return families.size > 1;
}
