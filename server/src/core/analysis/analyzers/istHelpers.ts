// Shared by the istioctl-parity analyzers: single-line anchors for findings about a whole YAML
// mapping (a rule, a match: its first key, never the many lines a block-style rule can take),
// istioctl's `ns/name`, and a stable workload order.
import { isMap, type Document, type Node } from 'yaml';
import type { Path } from '../../model/resource';
import type { Span } from '../../text/span';
import { nodeAt, spanOfPath } from '../../parse/pointer';
import { compareText } from '../../text/compare';

export function headOf(doc: Document, path: Path): Span {
  const node = nodeAt(doc, path);
  if (isMap(node) && node.items.length > 0) {
    const key = node.items[0].key as Node | null;
    if (key?.range) return { start: key.range[0], end: key.range[1] };
  }
  return spanOfPath(doc, path, 'value');
}

/** `ns/name`, the way istioctl prints a resource's full name inside messages. */
export const fullName = (e: { resource: { name: string }; namespace: string }): string => `${e.namespace}/${e.resource.name}`;

/** Set order depends on edit history: sort so incremental and cold analyses agree. */
export function sortWorkloads<T extends { resource: { name: string; uri: string; docIndex: number }; kind: string }>(ws: T[]): T[] {
  return ws.sort((a, b) => compareText(a.resource.name, b.resource.name) || compareText(a.kind, b.kind)
    || compareText(a.resource.uri, b.resource.uri) || a.resource.docIndex - b.resource.docIndex);
}
