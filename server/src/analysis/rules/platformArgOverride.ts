import { Arg, type Instruction } from 'dockerfile-ast';
import { declarationsOf } from '../declarations';
import { AUTOMATIC_PLATFORM_ARGS } from '../stageFacts';
import type { RuleFinding } from '../findings';
import type { Rule } from './rule';

/**
 * `ARG TARGETARCH=amd64` (or any of BuildKit's automatic platform ARGs) declared with a default: the
 * default wins over the value BuildKit supplies, so every platform of a multi-platform build gets the
 * same value and ships a binary for the wrong CPU (libc.md §6; docker/buildx#510,
 * Turbootzz/Vaultwarden-API#47). Declaring the ARG without a value is the documented way to use it.
 *
 * Reported on the ARG's `NAME=value`. `data`: `{ argName: string }`.
 */
export const platformArgOverride: Rule = {
  id: 'PlatformArgOverride',
  defaultSeverity: 'warning',
  description:
    'A BuildKit platform ARG is declared with a default, which overrides the value BuildKit supplies.',
  check({ parsed, graph }, report) {
    // The ARGs before the first FROM, then each stage's, whose findings are kept while the stage's
    // instructions are the same objects (the incremental parser reuses an unchanged stage's list).
    const initial = parsed.dockerfile?.getInitialARGs() ?? [];
    for (const finding of overridesIn(initial)) {
      report(finding);
    }
    for (const stage of graph.stages) {
      let findings = findingsByInstructions.get(stage.instructions);
      if (!findings) {
        findings = overridesIn(stage.instructions);
        findingsByInstructions.set(stage.instructions, findings);
      }
      for (const finding of findings) {
        report(finding);
      }
    }
  },
};

const findingsByInstructions = new WeakMap<readonly Instruction[], readonly RuleFinding[]>();

function overridesIn(instructions: readonly Instruction[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const instruction of instructions) {
    // Every ARG, and only ARGs, is an Arg: cheaper than uppercasing each keyword.
    if (!(instruction instanceof Arg)) {
      continue;
    }
    for (const { name, value, range } of declarationsOf(instruction)) {
      if (!AUTOMATIC_PLATFORM_ARGS.includes(name) || value === undefined || refersOnlyToItself(name, value)) {
        continue;
      }
      findings.push({
        range,
        message:
          `ARG ${name}=${value} gives a default to a platform argument that BuildKit sets itself; the default wins, ` +
          `so every platform of a multi-platform build uses '${value}' and may ship a binary for the wrong CPU ` +
          `("exec format error"). Declare it without a value: ARG ${name}.`,
        data: { argName: name },
      });
    }
  }
  return findings;
}

/** `ARG TARGETARCH=$TARGETARCH` keeps BuildKit's value, so it is not an override. */
function refersOnlyToItself(name: string, value: string): boolean {
  return value === `$${name}` || value === `\${${name}}`;
}
