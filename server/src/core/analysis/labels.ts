// Label selectors: exact matching (Kubernetes equality semantics), printing in istioctl's
// `k=v,k2=v2` form, and the near-miss test behind every did-you-mean.

import { editDistance } from '../text/editDistance';

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

/** Whether `candidate` is a plausible intended spelling of `typed` (case slip or a couple of edits). */
export function isNearMiss(typed: string, candidate: string): boolean {
  if (typed === candidate) return false;
  const limit = Math.min(2, Math.max(1, Math.floor(Math.max(typed.length, candidate.length) / 4)));
  // Lengths too far apart for the edits allowed, and (for the ASCII names labels, hosts and
  // accounts are) for a case slip: no need to look at the characters.
  if (Math.abs(typed.length - candidate.length) > limit) return false;
  if (typed.toLowerCase() === candidate.toLowerCase()) return true;
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
