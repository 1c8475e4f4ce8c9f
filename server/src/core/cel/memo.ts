// Results of rule programs remembered per rule site and `self` value. A rule is a pure function
// of `self` (transition rules, the only ones that read anything else, are never run), and the
// CEL value of `self` is a pure function of the plain value and the site's schema node, so equal
// plain values give equal results. Workspaces repeat the same ports, durations and label maps in
// thousands of documents; each distinct value is evaluated once per site.

/** Keys longer than this are not remembered (long values rarely repeat). */
const MAX_KEY = 256;
/** Values remembered per rule site before its table starts over. */
const MAX_ENTRIES = 2048;
/**
 * Values remembered over all rule sites: bounds memory to a few tens of MB however many sites
 * fill up. (Tables of schemas that are dropped keep their count; schemas are loaded once.)
 */
const MAX_TOTAL = 50_000;
let total = 0;

/**
 * An exact, type-tagged key for a scalar or a flat list/map of scalars (ports, durations, hosts,
 * label maps: what repeats across documents), or undefined for anything else: nested values,
 * long ones, and numbers JSON cannot tell apart (NaN, ±Infinity, -0). Object key order is kept
 * (it is part of the value a rule iterates over).
 */
export function memoKey(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string': return v.length <= MAX_KEY ? `s${v}` : undefined;
    case 'boolean': return v ? 't' : 'f';
    case 'number': return plainNumber(v) ? `n${v}` : undefined;
    case 'object': {
      if (v === null) return 'z';
      const items = Array.isArray(v) ? v : Object.getPrototypeOf(v) === Object.prototype ? Object.values(v) : undefined;
      if (!items || items.length > 32) return undefined;
      for (const x of items) {
        const t = typeof x;
        if (!(t === 'string' || t === 'boolean' || x === null || (t === 'number' && plainNumber(x as number)))) return undefined;
      }
      const json = JSON.stringify(v);
      return json.length <= MAX_KEY ? `j${json}` : undefined;
    }
    default: return undefined;
  }
}

const plainNumber = (x: number) => Number.isFinite(x) && !Object.is(x, -0);

/** What ResultMemo.get returns for a value it has not seen. */
export const MISS: unique symbol = Symbol('not remembered');

/** One rule site's remembered program results. */
export class ResultMemo {
  private readonly results = new Map<string, unknown>();

  get(key: string): unknown {
    const r = this.results.get(key);
    return r !== undefined || this.results.has(key) ? r : MISS;
  }

  set(key: string, value: unknown): void {
    if (this.results.size >= MAX_ENTRIES || total >= MAX_TOTAL) {
      total -= this.results.size;
      this.results.clear();
      if (total >= MAX_TOTAL) return; // other sites hold the budget: run without remembering
    }
    this.results.set(key, value);
    total++;
  }
}

let enabled = true;

/** Runs `fn` with remembering off (the differential test compares both ways). */
export function withoutMemo<T>(fn: () => T): T {
  const was = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = was;
  }
}

export const memoEnabled = (): boolean => enabled;
