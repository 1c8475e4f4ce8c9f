// Label selectors: exact matching (Kubernetes equality semantics), printing in istioctl's
// `k=v,k2=v2` form, and the edit distance behind every did-you-mean.

export type Labels = Readonly<Record<string, string>>;

/** True when every selector label is present with the same value (an empty selector selects all). */
export function selects(selector: Labels, labels: Labels): boolean {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

/** `app=a,version=v1`, keys sorted, as istioctl prints selectors. */
export function formatSelector(selector: Labels): string {
  return Object.keys(selector).sort().map((k) => `${k}=${selector[k]}`).join(',');
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition), so a swapped
 * pair of letters counts as one edit. Gives up early past `max`.
 */
export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows (i-2, i-1, i) instead of a full matrix: this runs for every near-miss candidate.
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = Infinity; // over columns 1.. only: an empty `b` gives up at once
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = row;
    row = t;
  }
  return prev[b.length];
}

/** Whether `candidate` is a plausible intended spelling of `typed` (case slip or a couple of edits). */
export function isNearMiss(typed: string, candidate: string): boolean {
  if (typed === candidate) return false;
  if (typed.toLowerCase() === candidate.toLowerCase()) return true;
  const limit = Math.min(2, Math.max(1, Math.floor(Math.max(typed.length, candidate.length) / 4)));
  return editDistance(typed, candidate, limit) <= limit;
}

/** The closest near-miss among `candidates`, ties broken alphabetically. */
export function closest(typed: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (!isNearMiss(typed, c)) continue;
    const d = typed.toLowerCase() === c.toLowerCase() ? 0 : editDistance(typed, c, 3);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) { best = c; bestD = d; }
  }
  return best;
}
