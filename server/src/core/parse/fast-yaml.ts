// A fast reader for the plain block-style YAML that Kubernetes manifests are almost always
// written in: block mappings and sequences, plain and single-line quoted scalars, `[]` and `{}`.
// It returns the same plain value as `yaml`'s parseDocument(text).toJS(), or undefined as soon
// as it meets anything outside that subset (anchors, tags, block or multi-line scalars, flow
// collections with content, tabs, duplicate keys, odd indentation...): the caller then uses
// `yaml` itself, which also reports the errors. Agreement is checked by a differential test.
// On request (`fastParseWithPositions`) it also records where each key and scalar is, which
// fast-locate.ts turns into the same ranges `yaml` would give (again checked differentially).

type Value = null | boolean | number | string | Value[] | { [k: string]: Value };

interface Line {
  indent: number;
  /** Content after the indentation, comments not yet stripped. */
  text: string;
  /** Offset of `text` in the document text. */
  offset: number;
}

/** Source positions of a value read by the fast reader (UTF-16 offsets in the document text). */
export type PosNode =
  | { kind: 'map'; entries: Map<string, { keyStart: number; keyEnd: number; value: PosNode }> }
  | { kind: 'seq'; items: PosNode[] }
  /** A scalar, `[]` or `{}`: `yaml` ranges these from their first to their last character. */
  | { kind: 'scalar'; start: number; end: number }
  /** `key:` with nothing after it: `yaml` places an empty null scalar (not reproduced here). */
  | { kind: 'empty' };

const EMPTY: PosNode = { kind: 'empty' };

const MAX_DEPTH = 64;
class Unsupported extends Error {}
const bail = (): never => {
  throw new Unsupported();
};

/** The plain value of a one-document YAML text, or undefined when the text is outside the subset. */
export function fastParse(text: string): { value: Value } | undefined {
  return read(text, false);
}

/** fastParse plus the source position of every key and value. */
export function fastParseWithPositions(text: string): { value: Value; positions: PosNode } | undefined {
  const r = read(text, true);
  return r && r.positions ? { value: r.value, positions: r.positions } : undefined;
}

function read(text: string, record: boolean): { value: Value; positions?: PosNode } | undefined {
  try {
    const lines = toLines(text);
    if (lines === undefined) return undefined;
    const r = new Reader(lines, record);
    if (lines.length === 0) return { value: null, positions: record ? EMPTY : undefined };
    const value = r.block(0, 0);
    if (r.i < lines.length) return undefined;
    return { value, positions: r.pos };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function toLines(text: string): Line[] | undefined {
  // Tabs, control characters, BOMs and Unicode line separators: rare, and subtle in YAML.
  if (/[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]/.test(text)) return undefined;
  const out: Line[] = [];
  let first = true;
  let next = 0;
  for (let raw of text.split('\n')) {
    const start = next;
    next += raw.length + 1;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (raw.includes('\r')) return undefined;
    let n = 0;
    while (raw.charCodeAt(n) === 32) n++;
    if (n === raw.length || raw.charCodeAt(n) === 35 /* # */) continue;
    if (n === 0 && (raw.startsWith('...') || raw.startsWith('%') || (!first && raw.startsWith('---')))) return undefined;
    // The document's own `---` marker (comments may precede it in the first document).
    if (first && raw.startsWith('---')) {
      first = false;
      if (!/^---( +#.*)? *$/.test(raw)) return undefined;
      continue;
    }
    first = false;
    out.push({ indent: n, text: raw.slice(n), offset: start + n });
  }
  return out;
}

const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\/-]*$/;
const KEYISH = /^("[^"\\]*"|'[^']*'|[A-Za-z0-9_][A-Za-z0-9_.\/-]*):(?: |$)/;

class Reader {
  i = 0;
  /** Positions of the value read last (only when recording). */
  pos: PosNode | undefined;
  constructor(private readonly lines: Line[], private readonly record: boolean) {}

  /** The node starting at the current line, whose indentation must be at least `min`. */
  block(min: number, depth: number): Value {
    if (depth > MAX_DEPTH) bail();
    const line = this.lines[this.i];
    if (line.indent < min) bail();
    if (isSeqItem(line.text)) return this.seq(line.indent, depth);
    if (KEYISH.test(line.text)) return this.map(line.indent, depth);
    // A lone top-level scalar document.
    const v = scalar(line.text);
    if (this.record) this.pos = { kind: 'scalar', start: line.offset, end: line.offset + scalarLength(line.text) };
    this.i++;
    if (this.i < this.lines.length) bail();
    return v;
  }

  map(indent: number, depth: number): Value {
    const out: { [k: string]: Value } = {};
    const seen = new Set<string>();
    const entries = this.record ? new Map<string, { keyStart: number; keyEnd: number; value: PosNode }>() : undefined;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent || isSeqItem(line.text)) bail();
      const m = KEYISH.exec(line.text);
      if (!m) bail();
      const key = keyOf(m![1]);
      if (seen.has(key)) bail();
      seen.add(key);
      const after = line.text.slice(m![0].length);
      const rest = spaceTrim(after);
      this.i++;
      out[key] = this.valueAfter(rest, line.offset + m![0].length + leadingSpaces(after), indent, depth, true);
      if (entries) entries.set(key, { keyStart: line.offset, keyEnd: line.offset + m![1].length, value: this.pos! });
    }
    if (entries) this.pos = { kind: 'map', entries };
    return out;
  }

  seq(indent: number, depth: number): Value {
    const out: Value[] = [];
    const items: PosNode[] | undefined = this.record ? [] : undefined;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent) bail();
      if (!isSeqItem(line.text)) break; // back to the mapping this sequence is the value of
      let k = 1;
      while (line.text.charCodeAt(k) === 32) k++;
      const rest = line.text.slice(k);
      if (rest !== '' && !rest.startsWith('#') && (KEYISH.test(rest) || isSeqItem(rest))) {
        // Compact nested node: re-read this line as if it started at the item's column.
        this.lines[this.i] = { indent: indent + k, text: rest, offset: line.offset + k };
        out.push(this.block(indent + k, depth + 1));
      } else {
        this.i++;
        out.push(this.valueAfter(rest, line.offset + k, indent, depth, false));
      }
      items?.push(this.pos!);
    }
    if (items) this.pos = { kind: 'seq', items };
    return out;
  }

  /** Value written after `key:` or `-`: inline scalar, or a nested block on the next lines. */
  private valueAfter(rest: string, offset: number, indent: number, depth: number, inMap: boolean): Value {
    const next = this.lines[this.i];
    if (rest === '' || rest.startsWith('#')) {
      if (next && next.indent > indent) return this.block(indent + 1, depth + 1);
      // `key:` followed by a sequence at the key's own indentation.
      if (inMap && next && next.indent === indent && isSeqItem(next.text)) return this.seq(indent, depth + 1);
      if (this.record) this.pos = EMPTY;
      return null;
    }
    if (next && next.indent > indent) bail(); // multi-line scalar or bad indentation
    const v = scalar(rest);
    if (this.record) this.pos = { kind: 'scalar', start: offset, end: offset + scalarLength(rest) };
    return v;
  }
}

/** YAML separates with spaces only (String.prototype.trim would also eat NBSP and friends). */
const spaceTrim = (t: string): string => t.replace(/^ +| +$/g, '');

const leadingSpaces = (t: string): number => {
  let n = 0;
  while (t.charCodeAt(n) === 32) n++;
  return n;
};

/** Source length of the inline scalar (or `[]`/`{}`) at the start of `t`, which `scalar` accepted. */
function scalarLength(t: string): number {
  const c = t[0];
  if (c === '"') return t.indexOf('"', 1) + 1;
  if (c === "'") {
    let k = 1;
    for (;;) {
      const q = t.indexOf("'", k);
      if (t[q + 1] === "'") k = q + 2;
      else return q + 1;
    }
  }
  if (t.startsWith('[]') || t.startsWith('{}')) return 2;
  const hash = t.indexOf(' #');
  return spaceTrim(hash >= 0 ? t.slice(0, hash) : t).length;
}

const isSeqItem = (t: string): boolean => t === '-' || t.startsWith('- ');

function keyOf(raw: string): string {
  if (raw.startsWith('"') || raw.startsWith("'")) return raw.slice(1, -1);
  if (!PLAIN_KEY.test(raw) || raw === '<<' || raw === '__proto__' || typeof plainValue(raw) !== 'string') bail();
  return raw;
}

/** An inline scalar (comment allowed after it). */
function scalar(t: string): Value {
  const c = t[0];
  if (c === '"') return doubleQuoted(t);
  if (c === "'") return singleQuoted(t);
  if (t === '[]' || t.startsWith('[] #') || t.startsWith('[]  ')) return trailing(t, 2, []);
  if (t === '{}' || t.startsWith('{} #') || t.startsWith('{}  ')) return trailing(t, 2, {});
  if ('[]{},#&*!|>%@`?:-'.includes(c) && !(c === '-' && /^-[0-9.]/.test(t))) bail();
  const hash = t.indexOf(' #');
  const s = spaceTrim(hash >= 0 ? t.slice(0, hash) : t);
  if (s.includes(': ') || s.endsWith(':')) bail();
  return plainValue(s);
}

function trailing<T extends Value>(t: string, end: number, v: T): T {
  const rest = spaceTrim(t.slice(end));
  if (rest !== '' && !rest.startsWith('#')) bail();
  return v;
}

function doubleQuoted(t: string): Value {
  const close = t.indexOf('"', 1);
  if (close < 0) bail();
  const body = t.slice(1, close);
  if (body.includes('\\')) bail();
  return trailing(t, close + 1, body);
}

function singleQuoted(t: string): Value {
  let k = 1;
  let out = '';
  for (;;) {
    const q = t.indexOf("'", k);
    if (q < 0) bail();
    out += t.slice(k, q);
    if (t[q + 1] === "'") {
      out += "'";
      k = q + 2;
    } else return trailing(t, q + 1, out);
  }
}

/** YAML 1.2 core schema resolution, restricted to forms whose value is unambiguous. */
function plainValue(s: string): Value {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (/^-?(0|[1-9][0-9]{0,14})$/.test(s) && s !== '-0') return Number(s);
    if (/^-?(0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/.test(s)) return Number(s);
    // Other numeric forms (hex, octal, exponents, .inf, +1, 007...) are left to `yaml`.
    if (/^[-+]?(\.[0-9]|[0-9])[0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)?$/.test(s) || /^[-+]?0[ox]/.test(s) || /^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(s)) bail();
  }
  return s;
}
