// Path (['spec', 'ports', 0, 'number']) -> yaml node -> Span. This is the single place that
// turns data paths into source ranges; every validator and analyzer goes through it.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Path } from '../model/resource';
import type { Span } from '../text/span';

function rangeSpan(node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** Key -> first pair, for large maps: one finding per key of a 100,000-key map must not scan it each time. */
const pairIndex = new WeakMap<object, { items: unknown[]; length: number; byKey: Map<string, Pair<unknown, unknown>> }>();
const INDEX_FROM = 32;

function pairFor(node: unknown, seg: string | number): Pair<unknown, unknown> | undefined {
  if (!isMap(node)) return undefined;
  if (node.items.length >= INDEX_FROM) {
    let index = pairIndex.get(node);
    // Rebuilt if the map was edited since (same array and length otherwise).
    if (!index || index.items !== node.items || index.length !== node.items.length) {
      index = { items: node.items, length: node.items.length, byKey: indexPairs(node.items) };
      pairIndex.set(node, index);
    }
    return index.byKey.get(String(seg));
  }
  for (const item of node.items) {
    const k = item.key;
    const key = isScalar(k) ? k.value : k;
    if (key === seg || (typeof seg === 'number' && key === String(seg)) || String(key) === String(seg)) return item;
  }
  return undefined;
}

function indexPairs(items: readonly Pair<unknown, unknown>[]): Map<string, Pair<unknown, unknown>> {
  const index = new Map<string, Pair<unknown, unknown>>();
  for (const item of items) {
    const k = item.key;
    const id = String(isScalar(k) ? k.value : k);
    if (!index.has(id)) index.set(id, item);
  }
  return index;
}

/** The yaml node at `path`, or undefined when the path does not exist in the source. */
export function nodeAt(doc: Document, path: Path): Node | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    // Through an alias the value lives at its anchor: findings point there.
    if (isAlias(node)) node = node.resolve(doc) ?? node;
    if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else {
      const p = pairFor(node, seg);
      if (!p) return undefined;
      node = p.value;
    }
  }
  return (node ?? undefined) as Node | undefined;
}

/** The key node of the last segment of `path` (for "unknown field" and "missing field" findings). */
export function keyNodeAt(doc: Document, path: Path): Node | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAt(doc, path.slice(0, -1));
  const p = pairFor(parent, path[path.length - 1]);
  return p && isScalar(p.key) ? p.key : undefined;
}

/**
 * Span for a finding about `path`: the value when `part` is 'value', the key when 'key'. When
 * the path does not exist (a missing field), falls back to the key of the deepest existing
 * ancestor, so "missing required field" lands on its parent's key. Sequence items have no key:
 * the item itself is used.
 */
export function spanOfPath(doc: Document, path: Path, part: 'key' | 'value' = 'value'): Span {
  const exact = part === 'key' && typeof path[path.length - 1] === 'string'
    ? keyNodeAt(doc, path)
    : nodeAt(doc, path);
  const s = path.length > 0 ? rangeSpan(exact) : undefined;
  if (s) return s;
  for (let n = path.length - 1; n >= 1; n--) {
    const prefix = path.slice(0, n);
    const node = typeof prefix[n - 1] === 'number' ? nodeAt(doc, prefix) : keyNodeAt(doc, prefix);
    const found = rangeSpan(node);
    if (found) return found;
  }
  return documentHead(doc);
}

/**
 * spanOfPath, except that a map or list value is pointed at by its key (or, for a list
 * item, by its first key) so the squiggle stays on one line instead of covering a block.
 */
export function lineSpanOfPath(doc: Document, path: Path, part: 'key' | 'value' = 'value'): Span {
  if (part === 'value' && path.length > 0) {
    const node = nodeAt(doc, path);
    if (isMap(node) || isSeq(node)) {
      const last = path[path.length - 1];
      if (typeof last === 'string') return spanOfPath(doc, path, 'key');
      const r = isMap(node) ? rangeSpan(node.items[0]?.key as Node | undefined) : undefined;
      if (r) return r;
    }
  }
  return spanOfPath(doc, path, part);
}

/** Where document-level findings go: the `kind` key, else the first key, else the document start. */
export function documentHead(doc: Document): Span {
  const root = doc.contents;
  if (isMap(root) && root.items.length > 0) {
    const kind = pairFor(root, 'kind');
    const key = (kind ?? root.items[0]).key;
    const s = rangeSpan(key as Node | null);
    if (s) return s;
  }
  const r = rangeSpan(root as Node | null);
  return r ? { start: r.start, end: r.start } : { start: 0, end: 0 };
}
