import type { VersionRule } from './imageFamily';

/**
 * The leading version of a tag word: `1.22rc1` → 1.22, `v3.1` → 3.1. Each repetition of the group
 * starts with a dot, so there is one way to match (linear).
 */
const leadingVersionPattern = /^v?(\d+(?:\.\d+)*)/;

/** Reads the leading version of a tag word, or undefined when the word does not start with one. */
export function leadingVersion(word: string): string | undefined {
  return leadingVersionPattern.exec(word)?.[1];
}

export interface VersionMatch {
  readonly rule: VersionRule;
  /** True when the tag has fewer components than the rule's bounds (`golang:1`), i.e. it floats. */
  readonly floating: boolean;
}

/**
 * Finds the rule for a version. A floating tag such as `mariadb:10` overlaps several rules; it
 * follows the newest version it can name, so the rule with the highest upper bound wins.
 */
export function findVersionRule(rules: readonly VersionRule[], version: string): VersionMatch | undefined {
  const components = toComponents(version);
  let best: VersionRule | undefined;
  for (const rule of rules) {
    const aboveMin = rule.min === undefined || compareOnShared(components, toComponents(rule.min)) >= 0;
    const belowMax = rule.max === undefined || compareOnShared(components, toComponents(rule.max)) <= 0;
    if (aboveMin && belowMax && (best === undefined || hasHigherUpperBound(rule, best))) {
      best = rule;
    }
  }
  if (best === undefined) {
    return undefined;
  }
  const precision = Math.max(toComponents(best.min ?? '').length, toComponents(best.max ?? '').length);
  return { rule: best, floating: components.length < precision };
}

function hasHigherUpperBound(candidate: VersionRule, current: VersionRule): boolean {
  if (current.max === undefined) {
    return false;
  }
  if (candidate.max === undefined) {
    return true;
  }
  return compareOnShared(toComponents(candidate.max), toComponents(current.max)) > 0;
}

function toComponents(version: string): number[] {
  if (version === '') {
    return [];
  }
  return version.split('.').map((part) => {
    const value = Number.parseInt(part, 10);
    return Number.isFinite(value) ? value : 0;
  });
}

/** Compares two versions on the components both have, so `1.22.5` equals the bound `1.22`. */
function compareOnShared(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}
