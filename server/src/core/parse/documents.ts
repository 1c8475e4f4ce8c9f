// Multi-document YAML -> parsed documents with source ranges -> Resources. Each document is
// parsed on its own (see split.ts), so an unchanged document can be reused from a cache and a
// syntax error in one document never hides the others. Hostile input (huge, binary, deeply
// nested, alias bombs) becomes one clear finding instead of a crash or a hang.
import { parseAllDocuments, type Document } from 'yaml';
import type { Span } from '../text/span';
import type { Resource } from '../model/resource';
import { splitApiVersion } from '../model/resource';
import { finding, type Finding } from '../diagnostics/finding';
import { parseChunk, shiftDocument, type ChunkParse, MAX_ALIAS_COUNT } from './chunk';
import { onlyComments, splitDocuments } from './split';
import { withLineFeeds } from '../text/lineBreaks';
import { intern } from '../text/intern';

/** Files larger than this are reported (HM1005) and not parsed at all. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface ParsedDocument {
  index: number;
  /** The document in the file text, from its `---` line (or the file start) to the next one. */
  span: Span;
  /**
   * The `yaml` Document (ranges in file offsets); built on first access. Documents with the same
   * text share one Document whose ranges are re-based on each access: use it right away (e.g.
   * spanOfPath(d.doc, path)) rather than keeping it across other documents' accesses.
   */
  readonly doc: Document.Parsed;
  /** Plain data, or undefined when the document could not be converted. */
  value: unknown;
  /** YAML-level findings of this document (syntax, duplicate keys, tabs, aliases, depth). */
  problems: Finding[];
  /** True when the document has YAML errors. */
  hasErrors: boolean;
  /** The chunk it came from (shared through caches; treat as read-only). */
  chunk: ChunkParse;
  /** Per-placement results the core facade keeps with the document (findings placed in the file, its Resource). */
  memo?: { findings?: Finding[]; resource?: Resource | null };
}

export interface ParsedFile {
  uri: string;
  text: string;
  documents: ParsedDocument[];
  /** File-level findings: size cap, binary content, no documents. */
  problems: Finding[];
  /** Parsed document by document (split on `---` lines), so it can be re-parsed incrementally. */
  split?: boolean;
}

/** Where parsed chunks can be reused from (keyed by the chunk's exact text). */
export interface ChunkCache {
  get(text: string): ChunkParse | undefined;
  set(text: string, chunk: ChunkParse): void;
}

export function parseYamlFile(uri: string, text: string, cache?: ChunkCache): ParsedFile {
  const head = { start: 0, end: Math.min(text.length, 1) };
  if (text.length > MAX_FILE_BYTES) {
    const p = finding('FileTooLarge', { size: mib(text.length), cap: mib(MAX_FILE_BYTES) }, { uri, span: head });
    return { uri, text, documents: [], problems: [p] };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const p = finding('BinaryContent', { detail: `NUL character at offset ${nul}` }, { uri, span: head });
    return { uri, text, documents: [], problems: [p] };
  }
  // Parsed with lone CRs as LF (same offsets); the file keeps its own text for incremental diffs.
  const source = withLineFeeds(text);
  const chunks = splitDocuments(source);
  if (!chunks) return wholeFile(uri, text, source);
  if (chunks.length === 0) {
    const what = text.trim() === '' ? 'empty file' : 'only comments';
    return { uri, text, documents: [], problems: [finding('NoDocuments', { what }, { uri, span: { start: 0, end: 0 } })] };
  }
  const documents = chunks.map((c, index) => {
    let parsed = cache?.get(c.text);
    if (!parsed) {
      parsed = parseChunk(ownCopy(c.text));
      cache?.set(parsed.text, parsed);
    }
    return makeDocument(uri, index, c.start, c.end, parsed);
  });
  // Only `---` lines (and comments): as empty as an empty file, and said so.
  if (documents.every((d) => d.value == null && d.problems.length === 0)) {
    const p = finding('NoDocuments', { what: 'only document separators and comments' }, { uri, span: { start: 0, end: 0 } });
    return { uri, text, documents, problems: [p], split: true };
  }
  return { uri, text, documents, problems: [], split: true };
}

const NO_PROBLEMS: Finding[] = [];

/** A document of a file: the shared chunk parse placed at `span.start` as document `index`. */
class PlacedDocument implements ParsedDocument {
  memo?: { findings?: Finding[]; resource?: Resource | null };
  readonly value: unknown;
  readonly problems: Finding[];
  readonly hasErrors: boolean;
  constructor(readonly uri: string, readonly index: number, readonly span: Span, readonly chunk: ChunkParse) {
    this.value = chunk.value;
    this.hasErrors = chunk.hasErrors;
    const start = span.start;
    this.problems = chunk.problems.length === 0
      ? NO_PROBLEMS
      : chunk.problems.map((f) => ({ ...f, uri, docIndex: index, span: { start: f.span.start + start, end: f.span.end + start } }));
  }

  get doc(): Document.Parsed {
    return this.chunk.docAt(this.span.start);
  }
}

export function makeDocument(uri: string, index: number, start: number, end: number, chunk: ChunkParse): ParsedDocument {
  return new PlacedDocument(uri, index, { start, end }, chunk);
}

/** Texts with directives or `...` markers: parsed by `yaml` in one go (no per-document cache). */
function wholeFile(uri: string, text: string, source: string): ParsedFile {
  const docs = parseAllDocuments(source, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  const list = Array.isArray(docs) ? docs : [];
  if (list.length === 0) {
    const what = onlyComments(source) ? 'only comments' : 'no content';
    return { uri, text, documents: [], problems: [finding('NoDocuments', { what }, { uri, span: { start: 0, end: 0 } })] };
  }
  const documents = list.map((doc, index) => {
    const [start, , end] = doc.range;
    // Re-parse the document's own text so it gets the same checks (depth, aliases) as a chunk.
    const chunk = parseChunk(source.slice(start, end));
    return makeDocument(uri, index, start, end, chunk);
  });
  return { uri, text, documents, problems: [] };
}

/**
 * A copy of a slice that does not keep the whole file text alive (V8 slices point into their
 * parent string): cached documents must not pin every version of an edited file.
 */
export function ownCopy(slice: string): string {
  return (' ' + slice).slice(1);
}

const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
export { MAX_ALIAS_COUNT, shiftDocument };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  }
  return out;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

type ResourceTemplate = Omit<Resource, 'uri' | 'docIndex' | 'span' | 'doc'>;
const templates = new WeakMap<ChunkParse, ResourceTemplate | null>();

/** Identity of a chunk's object (computed once per chunk, shared by every placement). */
function templateOf(chunk: ChunkParse): ResourceTemplate | null {
  let t = templates.get(chunk);
  if (t !== undefined) return t;
  t = null;
  const value = chunk.value;
  if (isPlainObject(value)) {
    const apiVersion = str(value.apiVersion);
    const kind = str(value.kind);
    if (apiVersion && kind) {
      const meta = isPlainObject(value.metadata) ? value.metadata : {};
      const { group, version } = splitApiVersion(apiVersion);
      const namespace = str(meta.namespace);
      t = {
        apiVersion: intern(apiVersion), group: intern(group), version: intern(version), kind: intern(kind),
        name: str(meta.name) ?? '',
        namespace: namespace === undefined ? null : intern(namespace),
        labels: strMap(meta.labels),
        annotations: strMap(meta.annotations),
        value,
      };
    }
  }
  templates.set(chunk, t);
  return t;
}

class PlacedResource implements Resource {
  readonly apiVersion: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | null;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly value: Record<string, unknown>;
  constructor(readonly uri: string, readonly docIndex: number, readonly span: Span, t: ResourceTemplate, private readonly docOf: () => Document.Parsed) {
    this.apiVersion = t.apiVersion;
    this.group = t.group;
    this.version = t.version;
    this.kind = t.kind;
    this.name = t.name;
    this.namespace = t.namespace;
    this.labels = t.labels;
    this.annotations = t.annotations;
    this.value = t.value;
  }

  get doc(): Document.Parsed {
    return this.docOf();
  }
}

/** The Resource for one parsed document, or undefined when it is not a Kubernetes object. */
export function resourceOf(uri: string, d: ParsedDocument): Resource | undefined {
  const t = templateOf(d.chunk);
  return t ? new PlacedResource(uri, d.index, d.span, t, () => d.doc) : undefined;
}

/**
 * The chunk's Resource relative to the chunk itself (no uri, docIndex -1): what single-document
 * checks see before their findings are placed in a file. The `yaml` Document is built only when
 * a rule reports something.
 */
export function chunkResource(chunk: ChunkParse): Resource | undefined {
  const t = templateOf(chunk);
  return t ? new PlacedResource('', -1, { start: 0, end: chunk.text.length }, t, () => chunk.docAt(0)) : undefined;
}

/** The Kubernetes objects of a parsed file: documents that are maps with apiVersion and kind. */
export function resourcesOf(file: ParsedFile): Resource[] {
  const out: Resource[] = [];
  for (const d of file.documents) {
    const r = resourceOf(file.uri, d);
    if (r) out.push(r);
  }
  return out;
}

