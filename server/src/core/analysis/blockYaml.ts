// Source ranges of plain block-style YAML documents without building a `yaml` Document. Findings
// need spans, and building Documents for the few hundred resources with findings dominated a cold
// analysis. This reader accepts only a strict subset (block maps and sequences, simple keys,
// single-line plain or quoted scalars, whole-line comments) and gives the exact ranges `yaml`
// gives; for anything else it answers null and the caller asks the real Document instead.
import type { Path } from '../model/resource';
import type { Span } from '../text/span';

interface Scalar { t: 0; start: number; end: number; nodeEnd: number }
interface BMap { t: 1; start: number; end: number; keys: string[]; keySpans: Span[]; values: Node[] }
interface BSeq { t: 2; start: number; end: number; items: Node[] }
type Node = Scalar | BMap | BSeq;

interface Line { start: number; indent: number; content: number; end: number; blank: boolean }

class Unsupported extends Error {}
const bail = (): never => { throw new Unsupported(); };

const KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const NOT_STRING_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
/** End marker of a collection whose extent `yaml` may draw differently (comments, blank lines after it). */
const UNSURE = Number.NaN;

export class BlockYaml {
  private constructor(private readonly root: BMap) {}

  /** The reader of `text` (a document placed at `base` in its file), or null when it is not plain block YAML. */
  static read(text: string, base: number): BlockYaml | null {
    if (/[\t\r\0]/.test(text)) return null;
    try {
      return new BlockYaml(new Reader(text, base).document());
    } catch (e) {
      if (e instanceof Unsupported) return null;
      throw e;
    }
  }

  /** Keys of the top-level mapping, in source order. */
  rootKeys(): readonly string[] {
    return this.root.keys;
  }

  /** As pointer.ts spanOfPath; undefined when the answer depends on something this reader does not model. */
  spanOfPath(path: Path, part: 'key' | 'value'): Span | undefined {
    const exact = part === 'key' && typeof path[path.length - 1] === 'string' ? this.keyAt(path) : this.nodeAt(path);
    const s = path.length > 0 ? rangeOf(exact) : undefined;
    if (s === null) return undefined;
    if (s) return s;
    for (let n = path.length - 1; n >= 1; n--) {
      const prefix = path.slice(0, n);
      const found = rangeOf(typeof prefix[n - 1] === 'number' ? this.nodeAt(prefix) : this.keyAt(prefix));
      if (found === null) return undefined;
      if (found) return found;
    }
    return this.documentHead();
  }

  /** As pointer.ts documentHead: the `kind` key, else the first key. */
  documentHead(): Span {
    const i = this.root.keys.indexOf('kind');
    return this.root.keySpans[i >= 0 ? i : 0];
  }

  /** As istHelpers headOf: the first key of a map, else the node's span. */
  headOf(path: Path): Span | undefined {
    const node = this.nodeAt(path);
    if (node && node.t === 1) return node.keySpans[0];
    return this.spanOfPath(path, 'value');
  }

  /** Whether `path` exists in the source (pointer.ts nodeAt !== undefined). */
  has(path: Path): boolean {
    return this.nodeAt(path) !== undefined;
  }

  private nodeAt(path: Path): Node | undefined {
    let node: Node | undefined = this.root;
    for (const seg of path) {
      if (!node) return undefined;
      if (node.t === 2 && typeof seg === 'number') node = node.items[seg];
      else if (node.t === 1) {
        const i = node.keys.indexOf(String(seg));
        if (i < 0) return undefined;
        node = node.values[i];
      } else return undefined;
    }
    return node;
  }

  private keyAt(path: Path): Span | undefined {
    if (path.length === 0) return undefined;
    const parent = this.nodeAt(path.slice(0, -1));
    if (!parent || parent.t !== 1) return undefined;
    const i = parent.keys.indexOf(String(path[path.length - 1]));
    return i < 0 ? undefined : parent.keySpans[i];
  }
}

/**
 * Where a ` #` comment starts between `from` and `end`, or -1. Searched within the line only: a
 * search to the end of the text would read the rest of the document for every scalar.
 */
function commentStart(text: string, from: number, end: number): number {
  for (let k = from; k < end - 1; k++) if (text.charCodeAt(k) === 32 && text.charCodeAt(k + 1) === 35) return k;
  return -1;
}

/** A span, undefined when there is no node, null when the node's extent is unsure. */
function rangeOf(n: Node | Span | undefined): Span | undefined | null {
  if (!n) return undefined;
  if (Number.isNaN(n.end)) return null;
  return { start: n.start, end: n.end };
}

class Reader {
  private readonly lines: Line[] = [];
  private i = 0;

  constructor(private readonly text: string, private readonly base: number) {
    let at = 0;
    while (at < text.length) {
      let nl = text.indexOf('\n', at);
      if (nl < 0) nl = text.length;
      let c = at;
      while (c < nl && text[c] === ' ') c++;
      const blank = c === nl || text[c] === '#';
      this.lines.push({ start: at, indent: c - at, content: c, end: nl, blank });
      at = nl + 1;
    }
  }

  document(): BMap {
    this.skipBlank();
    const first = this.lines[this.i];
    if (first && this.text.slice(first.content, first.end).trimEnd() === '---' && first.indent === 0) {
      this.i++;
      this.skipBlank();
    }
    const top = this.lines[this.i];
    if (!top || top.indent !== 0) return bail();
    const root = this.map(top.content, 0);
    this.skipBlank();
    if (this.i < this.lines.length) bail();
    return root;
  }

  private skipBlank(): void {
    while (this.i < this.lines.length && this.lines[this.i].blank) this.i++;
  }

  /** The next content line, without consuming it. */
  private peek(): Line | undefined {
    this.skipBlank();
    return this.lines[this.i];
  }

  /** A block map whose first key starts at `at` (column `col`) on the current line. */
  private map(at: number, col: number): BMap {
    const m: BMap = { t: 1, start: this.base + at, end: UNSURE, keys: [], keySpans: [], values: [] };
    let keyAt = at;
    for (;;) {
      const line = this.lines[this.i];
      const colon = this.text.indexOf(':', keyAt);
      if (colon < 0 || colon > line.end) bail();
      const key = this.text.slice(keyAt, colon);
      if (!KEY.test(key) || NOT_STRING_KEYS.has(key)) bail();
      const after = this.text[colon + 1];
      let value: Node;
      if (this.text.slice(colon + 1, line.end).trim() === '') {
        this.i++;
        const next = this.peek();
        if (!next) return bail();
        if (next.indent > col) value = this.block(next);
        else if (next.indent === col && this.isDash(next)) value = this.seq(next.content, col);
        else return bail();
      } else {
        if (after !== ' ') bail();
        value = this.scalar(colon + 1, line);
        this.i++;
        const next = this.peek();
        if (next && next.indent > col) bail(); // a continuation line or a nested block after a value
      }
      m.keys.push(key);
      m.keySpans.push({ start: this.base + keyAt, end: this.base + colon });
      m.values.push(value);
      m.end = endOf(value);
      const next = this.peek();
      if (this.lines[this.i - 1]?.blank) m.end = UNSURE; // comments or blank lines after the last value
      if (!next || next.indent < col) return m;
      if (next.indent > col || this.isDash(next)) return bail();
      keyAt = next.content;
    }
  }

  /** A block sequence whose first `-` is at `at` (column `col`) on the current line. */
  private seq(at: number, col: number): BSeq {
    const s: BSeq = { t: 2, start: this.base + at, end: UNSURE, items: [] };
    for (;;) {
      const line = this.lines[this.i];
      let c = line.content + 1;
      if (this.text[c] !== ' ') bail();
      while (this.text[c] === ' ') c++;
      if (c >= line.end) bail();
      const itemCol = c - line.start;
      let item: Node;
      if (this.looksLikeKey(c, line)) item = this.map(c, itemCol);
      else {
        item = this.scalar(c - 1, line);
        this.i++;
        const next = this.peek();
        if (next && next.indent > col) bail();
      }
      s.items.push(item);
      s.end = endOf(item);
      const next = this.peek();
      if (this.lines[this.i - 1]?.blank) s.end = UNSURE;
      if (!next || next.indent < col || (next.indent === col && !this.isDash(next))) return s;
      if (next.indent > col) return bail();
    }
  }

  private block(line: Line): Node {
    return this.isDash(line) ? this.seq(line.content, line.indent) : this.map(line.content, line.indent);
  }

  private isDash(line: Line): boolean {
    return this.text[line.content] === '-' && (line.content + 1 === line.end || this.text[line.content + 1] === ' ');
  }

  private looksLikeKey(at: number, line: Line): boolean {
    const colon = this.text.indexOf(':', at);
    if (colon < 0 || colon > line.end) return false;
    if (colon + 1 !== line.end && this.text[colon + 1] !== ' ') return false;
    const ch = this.text[at];
    return ch !== '"' && ch !== "'";
  }

  /** The single-line scalar after `from` (the `:` or the `- ` space) up to the end of `line`. */
  private scalar(from: number, line: Line): Scalar {
    let c = from + 1;
    while (this.text[c] === ' ') c++;
    if (c >= line.end) bail();
    const ch = this.text[c];
    let end: number;
    if (ch === '"' || ch === "'") {
      const close = this.text.indexOf(ch, c + 1);
      if (close < 0 || close >= line.end) return bail();
      const inner = this.text.slice(c + 1, close);
      if (inner.includes('\\') || this.text[close + 1] === ch) bail();
      end = close + 1;
      if (end < line.end && this.text[end] !== ' ') bail();
    } else {
      if ('[]{}#&*!|>%@`,?:-'.includes(ch)) bail();
      const hash = commentStart(this.text, c, line.end);
      end = hash >= 0 ? hash : line.end;
      while (this.text[end - 1] === ' ') end--;
      const v = this.text.slice(c, end);
      if (v.includes(': ') || v.endsWith(':') || v.includes('\t')) bail();
    }
    let tail = end;
    while (this.text[tail] === ' ') tail++;
    const nodeEnd = tail === line.end ? (line.end < this.text.length ? line.end + 1 : line.end) : this.text[tail] === '#' ? UNSURE : bail();
    return { t: 0, start: this.base + c, end: this.base + end, nodeEnd: this.base + nodeEnd };
  }
}

/** Where a collection ending with `n` ends (`yaml` range[1] of the collection). */
function endOf(n: Node): number {
  return n.t === 0 ? n.nodeEnd : n.end;
}
