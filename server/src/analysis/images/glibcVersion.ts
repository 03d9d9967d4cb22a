/**
 * Compares glibc versions such as '2.36' and '2.41' numerically: negative when `a` is older,
 * zero when equal, positive when newer. Missing or non-numeric components count as 0, so the
 * function never throws.
 */
export function compareGlibc(a: string, b: string): number {
  const left = toComponents(a);
  const right = toComponents(b);
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) {
      return difference < 0 ? -1 : 1;
    }
  }
  return 0;
}

function toComponents(version: string): number[] {
  if (typeof version !== 'string') {
    return [];
  }
  return version.split('.').map((part) => {
    const value = Number.parseInt(part, 10);
    return Number.isFinite(value) ? value : 0;
  });
}
