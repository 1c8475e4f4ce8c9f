// The core facade: one object the language server and the CLI hold. `checkFile` parses a YAML
// file, finds its Kubernetes objects and runs every single-document check on them. Results are
// cached per document text, so re-checking a file where one document changed re-parses and
// re-validates only that document (the rest costs a split, a lookup and a span shift).
import { finding, type Finding } from './diagnostics/finding';
import type { Resource, Path } from './model/resource';
import { parseYamlFile, resourceOf, type ChunkCache, type ParsedDocument, type ParsedFile } from './parse/documents';
import { reparseYamlFile } from './parse/incremental';
import type { ChunkParse } from './parse/chunk';
import type { SchemaRegistry, KindVersionPair } from './schema/registry';
import { evaluateCelRules, type CelViolation } from './cel/index';
import { SchemaCompiler } from './validate/ajv';
import { checkDocument, type Logger } from './validate/check-document';
import { limitFindings } from './validate/limit';
import { fieldsAt, schemaAt, valuesAt, type FieldCompletion, type SchemaInfo } from './validate/schema-info';

export type { Finding, Resource, ParsedDocument, SchemaInfo, FieldCompletion, Logger };
export { decodeText } from './parse/decode';

export interface FileResult {
  uri: string;
  /** YAML, structure, schema and CEL findings of this file, in document order (a limited number per document: validate/limit.ts). */
  findings: Finding[];
  /** Kubernetes objects of the file (Istio and non-Istio kinds alike). */
  resources: Resource[];
  documents: ParsedDocument[];
}

export interface CoreOptions {
  /** Istio CRD schemas; without it only YAML, structure and metadata checks run. */
  registry?: SchemaRegistry;
  logger?: Logger;
  /** CEL evaluation (defaults to the built-in one; injectable for tests). */
  evaluateCel?: (schema: object, value: unknown) => CelViolation[];
}

export interface Core {
  checkFile(uri: string, text: string): FileResult;
  /** Drops what the cache holds for a file that was closed or deleted. */
  forget(uri: string): void;
  /** The schema node at `path` of apiVersion/kind (hover), or undefined. */
  schemaAt(apiVersion: string, kind: string, path: Path): SchemaInfo | undefined;
  /** Keys the schema allows in the object at `path` (completion). */
  fieldsAt(apiVersion: string, kind: string, path: Path): FieldCompletion[];
  /** Enum (or boolean) values of the field at `path` (completion). */
  valuesAt(apiVersion: string, kind: string, path: Path): unknown[];
  /** Every served Istio apiVersion/kind pair (completion of apiVersion and kind). */
  kinds(): KindVersionPair[];
  /** Number of cached documents (tests and bench). */
  readonly cacheSize: number;
}

interface Entry {
  chunk: ChunkParse;
  /** Relative findings of checkDocument, computed on first use. */
  findings?: Finding[];
  /** Number of files whose current version uses this chunk. */
  refs: number;
}

interface FileState {
  file: ParsedFile;
  /** How many documents of the file use each cached chunk. */
  counts: Map<Entry, number>;
}

const NONE: Finding[] = [];

export function createCore(options: CoreOptions = {}): Core {
  const logger = options.logger ?? { error: () => undefined };
  const deps = {
    registry: options.registry,
    compiler: new SchemaCompiler(),
    evaluateCel: options.evaluateCel ?? evaluateCelRules,
    logger,
  };
  const byText = new Map<string, Entry>();
  const byChunk = new WeakMap<ChunkParse, Entry>();
  const files = new Map<string, FileState>();

  /** checkDocument (the document's YAML problems included), with anything it did not catch itself turned into one finding. */
  const checkGuarded = (chunk: ChunkParse): Finding[] => {
    try {
      return checkDocument(deps, chunk);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      logger.error(`document checks failed: ${e instanceof Error && e.stack ? e.stack : detail}`);
      const head = { start: 0, end: Math.min(3, chunk.text.length) };
      const failed = finding('InternalError', { family: 'document', detail }, { uri: '', span: head });
      return limitFindings(chunk.problems, [failed], 0, { head: () => head, resource: null });
    }
  };

  const drop = (e: Entry) => {
    byText.delete(e.chunk.text);
    byChunk.delete(e.chunk);
  };

  /**
   * Reference counting after an edit, in O(changed documents): documents are compared by chunk
   * identity from both ends, and only the ones in between change the counts.
   */
  function account(counts: Map<Entry, number>, before: readonly ParsedDocument[], after: readonly ParsedDocument[]): void {
    let a = 0;
    while (a < before.length && a < after.length && before[a].chunk === after[a].chunk) a++;
    let b = 0;
    while (b < before.length - a && b < after.length - a && before[before.length - 1 - b].chunk === after[after.length - 1 - b].chunk) b++;
    for (let k = a; k < after.length - b; k++) {
      const e = byChunk.get(after[k].chunk);
      if (!e) continue;
      const c = counts.get(e) ?? 0;
      if (c === 0) e.refs++;
      counts.set(e, c + 1);
    }
    for (let k = a; k < before.length - b; k++) {
      const e = byChunk.get(before[k].chunk);
      const c = e ? counts.get(e) : undefined;
      if (!e || c === undefined) continue;
      if (c > 1) counts.set(e, c - 1);
      else {
        counts.delete(e);
        if (--e.refs <= 0) drop(e);
      }
    }
  }

  function checkFile(uri: string, text: string): FileResult {
    const previous = files.get(uri);
    const created: Entry[] = [];
    const cache: ChunkCache = {
      get: (t) => byText.get(t)?.chunk,
      set(t, chunk) {
        const e: Entry = { chunk, refs: 0 };
        byText.set(t, e);
        byChunk.set(chunk, e);
        created.push(e);
      },
    };
    const file = previous ? reparseYamlFile(previous.file, text, cache) : parseYamlFile(uri, text, cache);
    const counts = previous?.counts ?? new Map<Entry, number>();
    account(counts, previous?.file.documents ?? [], file.documents);
    for (const e of created) if (e.refs <= 0) drop(e);
    files.set(uri, { file, counts });

    const findings: Finding[] = [...file.problems];
    const resources: Resource[] = [];
    for (const d of file.documents) {
      const memo = (d.memo ??= {});
      let placed = memo.findings;
      if (!placed) {
        const entry = byChunk.get(d.chunk);
        let rel = entry?.findings;
        if (!rel) {
          rel = checkGuarded(d.chunk);
          if (entry) entry.findings = rel;
        }
        placed = rel.length === 0 ? NONE : rel.map((f) => place(f, uri, d.index, d.span.start));
        memo.findings = placed;
      }
      if (placed.length > 0) findings.push(...placed);
      if (memo.resource === undefined) memo.resource = resourceOf(uri, d) ?? null;
      if (memo.resource) resources.push(memo.resource);
    }
    return { uri, findings, resources, documents: file.documents };
  }

  const noSchema = () => undefined;
  return {
    checkFile,
    forget(uri) {
      const st = files.get(uri);
      if (st) {
        for (const e of st.counts.keys()) if (--e.refs <= 0) drop(e);
      }
      files.delete(uri);
    },
    schemaAt: (a, k, p) => (options.registry ? schemaAt(options.registry, a, k, p) : noSchema()),
    fieldsAt: (a, k, p) => (options.registry ? fieldsAt(options.registry, a, k, p) : []),
    valuesAt: (a, k, p) => (options.registry ? valuesAt(options.registry, a, k, p) : []),
    kinds: () => options.registry?.allKinds() ?? [],
    get cacheSize() {
      return byText.size;
    },
  };
}

/** A chunk-relative finding placed in its file. */
function place(f: Finding, uri: string, docIndex: number, offset: number): Finding {
  const shift = (s: { start: number; end: number }) => ({ start: s.start + offset, end: s.end + offset });
  const out: Finding = { ...f, uri, docIndex, span: shift(f.span) };
  if (f.data && 'span' in f.data && f.data.span && typeof f.data.span === 'object') {
    out.data = { ...f.data, span: shift(f.data.span as { start: number; end: number }) } as Finding['data'];
  }
  if (f.related) out.related = f.related.map((r) => ({ ...r, uri: r.uri || uri, span: r.uri ? r.span : shift(r.span) }));
  return out;
}
