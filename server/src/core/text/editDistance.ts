// The edit distance behind every did-you-mean (field names, enum values, labels, hosts,
// principals): optimal string alignment, i.e. Levenshtein plus adjacent transpositions, so a
// swapped pair of letters counts as one edit.

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition), so a swapped
 * pair of letters counts as one edit. Gives up early past `max`.
 */
export function editDistance(a0: string, b0: string, max = 3): number {
  if (a0 === b0) return 0;
  if (Math.abs(a0.length - b0.length) > max || b0.length === 0) return max + 1; // an empty candidate is never meant
  // A common prefix and suffix cost nothing: names in one mesh share long ones
  // (`accounts-10-events`, `accounts-10-api`), and the table shrinks to what differs.
  let start = 0;
  let endA = a0.length;
  let endB = b0.length;
  while (start < endA && start < endB && a0.charCodeAt(start) === b0.charCodeAt(start)) start++;
  while (endA > start && endB > start && a0.charCodeAt(endA - 1) === b0.charCodeAt(endB - 1)) { endA--; endB--; }
  const a = start === 0 && endA === a0.length ? a0 : a0.slice(start, endA);
  const b = start === 0 && endB === b0.length ? b0 : b0.slice(start, endB);
  if (a.length === 0 || b.length === 0) return Math.min(Math.max(a.length, b.length), max + 1);
  // Three rolling rows (i-2, i-1, i), reused between calls: this runs for every near-miss candidate.
  const n = b.length + 1;
  if (scratch.length < 3 * n) scratch = new Int32Array(3 * n * 2);
  let prev2 = 0;
  let prev = n;
  let row = 2 * n;
  const m = scratch;
  for (let j = 0; j < n; j++) { m[prev2 + j] = 0; m[prev + j] = j; }
  for (let i = 1; i <= a.length; i++) {
    m[row] = i;
    let best = Infinity; // over columns 1.. only: an empty `b` gives up at once
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < n; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(m[prev + j] + 1, m[row + j - 1] + 1, m[prev + j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, m[prev2 + j - 2] + 1);
      m[row + j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = row;
    row = t;
  }
  return m[prev + b.length];
}

let scratch = new Int32Array(96);
