// Multi-document YAML -> parsed documents with source ranges -> Resources.
// (Minimal first version: hardening for hostile input lives here too.)
import { parseAllDocuments, isMap, type Document } from 'yaml';
import type { Span } from '../text/span';
import type { Resource } from '../model/resource';
import { splitApiVersion } from '../model/resource';

export interface ParsedDocument {
  index: number;
  span: Span;
  doc: Document.Parsed;
  /** Plain data, or undefined when the document could not be converted. */
  value: unknown;
}

export interface ParsedFile {
  uri: string;
  text: string;
  documents: ParsedDocument[];
}

export function parseYamlFile(uri: string, text: string): ParsedFile {
  const docs = parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const documents = list.map((doc, index) => {
    const r = doc.range;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      value = undefined;
    }
    return { index, span: { start: r[0], end: r[2] }, doc, value };
  });
  return { uri, text, documents };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  }
  return out;
};

/** The Kubernetes objects of a parsed file: documents that are maps with apiVersion and kind. */
export function resourcesOf(file: ParsedFile): Resource[] {
  const out: Resource[] = [];
  for (const d of file.documents) {
    if (!isMap(d.doc.contents) || !d.value || typeof d.value !== 'object' || Array.isArray(d.value)) continue;
    const value = d.value as Record<string, unknown>;
    const apiVersion = str(value.apiVersion);
    const kind = str(value.kind);
    if (!apiVersion || !kind) continue;
    const meta = (value.metadata && typeof value.metadata === 'object' ? value.metadata : {}) as Record<string, unknown>;
    out.push({
      uri: file.uri,
      docIndex: d.index,
      span: d.span,
      apiVersion,
      ...splitApiVersion(apiVersion),
      kind,
      name: str(meta.name) ?? '',
      namespace: str(meta.namespace) ?? null,
      labels: strMap(meta.labels),
      annotations: strMap(meta.annotations),
      value,
      doc: d.doc,
    });
  }
  return out;
}
