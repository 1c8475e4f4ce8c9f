// Offset -> path in a YAML document (the inverse of parse/pointer.ts), for navigation and
// completion: which key or value the cursor is on. A key with an empty value (`subset: |`)
// counts as its value when the cursor is past the key on the same line.
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Path } from '../model/resource';
import type { Span } from '../text/span';

export interface PathAt {
  path: Path;
  /** Whether the cursor is on the key of the last segment or on a value. */
  part: 'key' | 'value';
  /** Range of the scalar under the cursor (empty at the cursor for an empty value). */
  span: Span;
  /** The scalar's value, if the cursor is on a scalar. */
  value: unknown;
}

const within = (n: Node | null | undefined, o: number): boolean => !!n?.range && n.range[0] <= o && o <= n.range[1];

export function pathAt(doc: Document, offset: number): PathAt | undefined {
  return walk(doc.contents as Node | null, offset, []);
}

function walk(node: Node | null, o: number, path: (string | number)[]): PathAt | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = item.key as Node | null;
      const k = isScalar(key) ? String(key.value) : undefined;
      if (k === undefined) continue;
      if (within(key, o)) return { path: [...path, k], part: 'key', span: { start: key!.range![0], end: key!.range![1] }, value: k };
      const value = item.value as Node | null;
      if (value && within(value, o)) return walk(value, o, [...path, k]);
      if (!value || (isScalar(value) && value.value === null)) {
        const end = key?.range?.[1] ?? -1;
        if (o > end && o <= end + 2) return { path: [...path, k], part: 'value', span: { start: o, end: o }, value: null };
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) if (within(item as Node, o)) return walk(item as Node, o, [...path, i]);
    return undefined;
  }
  if (isScalar(node) && node.range) return { path, part: 'value', span: { start: node.range[0], end: node.range[1] }, value: node.value };
  return undefined;
}
