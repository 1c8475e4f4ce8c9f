// Map of sets and map of counts with symmetric add/remove, so the index can retract exactly
// what a file contributed when the file changes or goes away.

export class MultiMap<K, V> {
  private readonly m = new Map<K, Set<V>>();
  add(k: K, v: V): void {
    let s = this.m.get(k);
    if (!s) this.m.set(k, (s = new Set()));
    s.add(v);
  }
  delete(k: K, v: V): void {
    const s = this.m.get(k);
    if (s && s.delete(v) && s.size === 0) this.m.delete(k);
  }
  get(k: K): ReadonlySet<V> {
    return this.m.get(k) ?? EMPTY;
  }
  keys(): IterableIterator<K> {
    return this.m.keys();
  }
}

export class Counter<K> {
  private readonly m = new Map<K, number>();
  /** Returns true when the key went from absent to present or the reverse. */
  bump(k: K, by: 1 | -1): boolean {
    const n = (this.m.get(k) ?? 0) + by;
    if (n <= 0) this.m.delete(k);
    else this.m.set(k, n);
    return n === 0 || (n === 1 && by === 1);
  }
  get(k: K): number {
    return this.m.get(k) ?? 0;
  }
  keys(): IterableIterator<K> {
    return this.m.keys();
  }
}

const EMPTY: ReadonlySet<never> = new Set();

/** Two-level map of sets: avoids building (and hashing) a composite string key per lookup. */
export class MultiMap2<A, B, V> {
  private readonly m = new Map<A, MultiMap<B, V>>();
  add(a: A, b: B, v: V): void {
    let inner = this.m.get(a);
    if (!inner) this.m.set(a, (inner = new MultiMap()));
    inner.add(b, v);
  }
  delete(a: A, b: B, v: V): void {
    this.m.get(a)?.delete(b, v);
  }
  get(a: A, b: B): ReadonlySet<V> {
    return this.m.get(a)?.get(b) ?? EMPTY;
  }
}
