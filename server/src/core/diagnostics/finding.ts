// A Finding is one diagnostic in core terms: offsets, not line/character.
import type { Span } from '../text/span';
import type { Severity } from './severity';
import { Catalog, formatMessage, type ArgsOf, type CatalogName } from './catalog';

export interface ResourceRef {
  kind: string;
  name: string;
  namespace: string | null;
}

export interface RelatedInfo {
  uri: string;
  span: Span;
  message: string;
}

/** Machine-readable payload that quick fixes act on (never the message text). */
export type FixData =
  | { fix: 'replace'; span: Span; candidates: string[] }
  | { fix: 'insert'; offset: number; text: string; title: string }
  | { fix: string; [key: string]: unknown };

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  uri: string;
  span: Span;
  /** Index of the YAML document within the file, or -1 for file-level findings. */
  docIndex: number;
  resource: ResourceRef | null;
  related?: RelatedInfo[];
  data?: FixData;
}

export interface FindingInit {
  uri: string;
  span: Span;
  docIndex?: number;
  resource?: ResourceRef | null;
  related?: RelatedInfo[];
  data?: FixData;
}

/** Builds a Finding from a catalog entry; message text only ever comes from the catalog. */
export function finding<N extends CatalogName>(name: N, args: ArgsOf<N>, init: FindingInit): Finding {
  const entry = Catalog[name];
  return {
    code: entry.code,
    severity: entry.severity,
    message: formatMessage(entry.template, args as Record<string, string | number>),
    uri: init.uri,
    span: init.span,
    docIndex: init.docIndex ?? -1,
    resource: init.resource ?? null,
    ...(init.related ? { related: init.related } : {}),
    ...(init.data ? { data: init.data } : {}),
  };
}
