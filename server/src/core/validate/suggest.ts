// "Did you mean" candidates for misspelled field names and enum values.
import { editDistance } from '../text/editDistance';
import { compareText } from '../text/compare';

const norm = (s: string) => s.toLowerCase().replace(/[-_.\s]/g, '');

/** Candidates close to `word`, best first: same letters ignoring case and separators, then by distance. */
export function suggest(word: string, candidates: readonly string[], max = 3): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    if (c === word) continue;
    // Past `limit` the exact distance does not matter: the search may give up there.
    const score = norm(c) === norm(word) ? 0 : editDistance(word.toLowerCase(), c.toLowerCase(), limit);
    if (score <= limit) scored.push([c, score]);
  }
  scored.sort((x, y) => x[1] - y[1] || compareText(x[0], y[0]));
  // Only the closest ones: "MESH_INTERAL" suggests MESH_INTERNAL, not MESH_EXTERNAL as well.
  return scored.filter(([, d]) => d === scored[0][1]).slice(0, max).map(([c]) => c);
}

/** The message suffix for a suggestion list ('' when there is none). */
export function hintText(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  return `; did you mean ${candidates.map((c) => JSON.stringify(c)).join(' or ')}?`;
}
