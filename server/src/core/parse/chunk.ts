// One YAML document (a chunk of the file text) -> plain value + its YAML-level problems. The
// `yaml` Document with source ranges is built only when asked for (findings, hover), so cold
// validation of a large workspace pays for it only on documents that have something to report.
import { isMap, isPair, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { finding, type Finding } from '../diagnostics/finding';
import type { Span } from '../text/span';
import { fastParse } from './fast-yaml';
import { nestsDeeperThan } from './depthScan';
import { duplicateKeyStarts } from './duplicateKeys';

/** Aliases expanded per document before we call it an alias bomb. */
export const MAX_ALIAS_COUNT = 100;
/** Nesting deeper than this is never a Kubernetes object; refusing it keeps recursion bounded. */
export const MAX_DEPTH = 100;
/** The API server stores at most ~1.5 MiB per object; larger documents are not checked. */
export const MAX_DOCUMENT_BYTES = 3 * 1024 * 1024;

export interface ChunkParse {
  readonly text: string;
  /** Plain data, or undefined when the document could not be converted (see problems). */
  readonly value: unknown;
  /** YAML-level findings with spans relative to the chunk start and no uri. */
  readonly problems: Finding[];
  /** True when YAML errors were reported (schema findings about missing fields are then muted). */
  readonly hasErrors: boolean;
  /** Parsed through the fast reader (for statistics and the differential test). */
  readonly fast: boolean;
  /** The `yaml` Document with ranges shifted to `offset` (the chunk's position in its file). */
  docAt(offset: number): Document.Parsed;
}

// Duplicate keys are found by duplicateKeys.ts (linear), not by `yaml` (quadratic).
const yamlOptions = { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' } as const;
/** One broken line makes `yaml` report an error per following token: keep the first per line, a few per document. */
const MAX_SYNTAX_ERRORS = 5;

export function parseChunk(text: string): ChunkParse {
  try {
    return parseChunkUnguarded(text);
  } catch (e) {
    // `yaml` should never throw on input; if it does, the document is reported, not the process.
    const detail = e instanceof Error ? e.message : String(e);
    return makeChunk(text, undefined, [finding('YamlSyntax', { detail }, { uri: '', span: { start: 0, end: Math.min(3, text.length) } })], true, false, null);
  }
}

function parseChunkUnguarded(text: string): ChunkParse {
  if (text.length > MAX_DOCUMENT_BYTES) {
    const p = finding('DocumentTooLarge', { size: mib(text.length), cap: mib(MAX_DOCUMENT_BYTES) }, { span: { start: 0, end: Math.min(3, text.length) }, uri: '' });
    return makeChunk(text, undefined, [p], true, false, null);
  }
  const fast = fastParse(text);
  // The fast reader refuses nesting deeper than its own limit (64 < MAX_DEPTH), so no depth walk here.
  if (fast) return makeChunk(text, fast.value, [], false, true, null);
  // Thousands of levels would overflow `yaml`'s stack: refuse before parsing.
  if (nestsDeeperThan(text)) return tooDeep(text, null);
  const doc = parseDocument(text, yamlOptions) as Document.Parsed;
  const problems: Finding[] = [];
  const lines = new Set<number>();
  let syntax = 0;
  for (const e of doc.errors) {
    if (e.code !== 'DUPLICATE_KEY' && e.code !== 'TAB_AS_INDENT') {
      // Checked before lineOf (linear in the offset): thousands of errors must stay cheap.
      if (syntax >= MAX_SYNTAX_ERRORS) continue;
      const line = e.linePos?.[0]?.line ?? lineOf(text, e.pos[0]);
      if (lines.has(line)) continue;
      lines.add(line);
      syntax++;
    }
    const span = { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) };
    const detail = e.message.split('\n')[0];
    if (e.code === 'DUPLICATE_KEY') problems.push(finding('DuplicateKey', { key: keyText(text, span) }, { uri: '', span: wordAt(text, span) }));
    else if (e.code === 'TAB_AS_INDENT') problems.push(finding('TabIndent', {}, { uri: '', span }));
    else problems.push(finding('YamlSyntax', { detail }, { uri: '', span }));
  }
  for (const start of duplicateKeyStarts(doc.contents)) {
    const span = wordAt(text, { start, end: start + 1 });
    problems.push(finding('DuplicateKey', { key: keyText(text, span) }, { uri: '', span }));
  }
  let value: unknown;
  if (nodeDepth(doc.contents) > MAX_DEPTH) return tooDeep(text, doc, problems);
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    problems.push(finding('AliasBomb', { cap: MAX_ALIAS_COUNT }, { uri: '', span: firstAlias(text) }));
  }
  return makeChunk(text, value, problems, doc.errors.length > 0, false, doc);
}

function tooDeep(text: string, doc: Document.Parsed | null, problems: Finding[] = []): ChunkParse {
  problems.push(finding('NestingTooDeep', { cap: MAX_DEPTH }, { uri: '', span: { start: 0, end: Math.min(text.length, 3) } }));
  return makeChunk(text, undefined, problems, true, false, doc);
}

function makeChunk(text: string, value: unknown, problems: Finding[], hasErrors: boolean, fast: boolean, doc: Document.Parsed | null): ChunkParse {
  let at = 0;
  return {
    text, value, problems, hasErrors, fast,
    docAt(offset: number): Document.Parsed {
      if (!doc) doc = parseDocument(text, yamlOptions) as Document.Parsed;
      if (offset !== at) {
        shiftDocument(doc, offset - at);
        at = offset;
      }
      return doc;
    },
  };
}

/** Moves every source range of `doc` by `delta` (the document moved inside its file). */
export function shiftDocument(doc: Document, delta: number): void {
  const move = (r: number[] | null | undefined) => {
    if (r) for (let i = 0; i < r.length; i++) r[i] += delta;
  };
  move(doc.range as number[] | undefined);
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    move((n as { range?: number[] }).range);
    if (isMap(n) || isSeq(n)) for (const item of n.items) stack.push(item);
  }
}

function nodeDepth(root: Node | null): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_DEPTH) return d;
    if (isMap(n)) for (const p of n.items) stack.push([p.value, d + 1]);
    else if (isSeq(n)) for (const x of n.items) stack.push([x, d + 1]);
  }
  return max;
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

function wordAt(text: string, s: Span): Span {
  let end = s.start;
  while (end < text.length && !/[:\s]/.test(text[end])) end++;
  return { start: s.start, end: Math.max(end, s.end) };
}

function keyText(text: string, s: Span): string {
  const w = wordAt(text, s);
  return text.slice(w.start, w.end).replace(/^["']|["']$/g, '');
}

function firstAlias(text: string): Span {
  const m = /(^|[\s,[])\*[^\s,\]}]+/m.exec(text);
  if (!m) return { start: 0, end: 0 };
  const start = m.index + m[1].length;
  return { start, end: start + m[0].length - m[1].length };
}
