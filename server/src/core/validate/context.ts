// What every rule family gets for one document: its plain value, its identity and a way to turn
// data paths into source spans. Spans here are relative to the document's chunk and findings
// carry no uri: the facade places them in the file (which lets a whole result be cached).
import type { Document } from 'yaml';
import type { Path } from '../model/resource';
import type { ResourceRef } from '../diagnostics/finding';
import type { Span } from '../text/span';
import { documentHead, spanOfPath } from '../parse/pointer';
import { fastLocator, type FastLocator } from '../parse/fast-locate';

export interface DocContext {
  value: Record<string, unknown>;
  apiVersion: string;
  group: string;
  version: string;
  kind: string;
  ref: ResourceRef;
  /** The document has YAML errors: findings about missing fields are muted. */
  hasErrors: boolean;
  span(path: Path, part?: 'key' | 'value'): Span;
  head(): Span;
}

export function makeContext(
  value: Record<string, unknown>, typeMeta: { apiVersion: string; group: string; version: string; kind: string },
  hasErrors: boolean, doc: () => Document, fastText?: string,
): DocContext {
  const meta = (value.metadata && typeof value.metadata === 'object' ? value.metadata : {}) as Record<string, unknown>;
  const ref: ResourceRef = {
    kind: typeMeta.kind,
    name: typeof meta.name === 'string' ? meta.name : '',
    namespace: typeof meta.namespace === 'string' ? meta.namespace : null,
  };
  // Spans of keys and scalars come from the fast reader's positions when it read the document
  // (`fastText`); the `yaml` Document is built only for what they cannot tell (identical spans
  // either way).
  let locator: FastLocator | undefined | null = null;
  const locate = () => {
    if (locator === null) locator = fastText === undefined ? undefined : fastLocator(fastText);
    return locator;
  };
  return {
    value, ...typeMeta, ref, hasErrors,
    span: (path, part = 'value') => locate()?.span(path, part) ?? spanOfPath(doc(), path, part),
    head: () => locate()?.head() ?? documentHead(doc()),
  };
}
