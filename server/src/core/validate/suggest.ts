// "Did you mean" candidates for misspelled field names and enum values.

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 8) return Math.abs(m - n);
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 1; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

const norm = (s: string) => s.toLowerCase().replace(/[-_.\s]/g, '');

/** Candidates close to `word`, best first: same letters ignoring case and separators, then by distance. */
export function suggest(word: string, candidates: readonly string[], max = 3): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    if (c === word) continue;
    const score = norm(c) === norm(word) ? 0 : editDistance(word.toLowerCase(), c.toLowerCase());
    if (score <= limit) scored.push([c, score]);
  }
  // Ties in code-unit order: the same suggestions on every machine, whatever its locale.
  scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  // Only the closest ones: "MESH_INTERAL" suggests MESH_INTERNAL, not MESH_EXTERNAL as well.
  return scored.filter(([, d]) => d === scored[0][1]).slice(0, max).map(([c]) => c);
}

/** The message suffix for a suggestion list ('' when there is none). */
export function hintText(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  return `; did you mean ${candidates.map((c) => JSON.stringify(c)).join(' or ')}?`;
}
