/**
 * Glob matching for repository names, used both by the knowledge base and by user overrides.
 * `*` matches any characters inside one `/`-separated segment, `**` as a whole segment matches any
 * number of segments (including none), and everything else matches literally. Matching works
 * segment by segment without regular expressions, so user-written globs cannot cause catastrophic
 * backtracking.
 */
export function matchesRepositoryGlob(glob: string, name: string): boolean {
  return matchSegments(glob.split('/'), 0, name.split('/'), 0, new Map());
}

function matchSegments(
  globSegments: readonly string[],
  gi: number,
  nameSegments: readonly string[],
  ni: number,
  memo: Map<number, boolean>,
): boolean {
  const key = gi * (nameSegments.length + 1) + ni;
  const known = memo.get(key);
  if (known !== undefined) {
    return known;
  }
  let result: boolean;
  if (gi === globSegments.length) {
    result = ni === nameSegments.length;
  } else if (globSegments[gi] === '**') {
    result = false;
    for (let skip = ni; skip <= nameSegments.length && !result; skip++) {
      result = matchSegments(globSegments, gi + 1, nameSegments, skip, memo);
    }
  } else if (ni === nameSegments.length) {
    result = false;
  } else {
    result =
      matchesSegment(globSegments[gi] ?? '', nameSegments[ni] ?? '') &&
      matchSegments(globSegments, gi + 1, nameSegments, ni + 1, memo);
  }
  memo.set(key, result);
  return result;
}

/**
 * Classic two-pointer wildcard matching: on a mismatch it resumes after the most recent `*`, which
 * bounds the work by pattern length times text length.
 */
function matchesSegment(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starT = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') {
    p++;
  }
  return p === pattern.length;
}
