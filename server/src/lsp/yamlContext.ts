// Where the cursor is inside a YAML file: which document, its apiVersion/kind, and the data
// path under the cursor. Hover uses the parsed tree of the one document around the cursor;
// completion works on the raw lines, because the text being typed is rarely valid YAML. A lone CR
// breaks a line here as in the editor and the check: each entry point scans `withLineFeeds(text)`,
// which keeps every offset.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { PathSegment } from '../core/model/resource';
import { nodeAt } from '../core/parse/pointer';
import { nestsDeeperThan } from '../core/parse/depthScan';
import { MAX_DOCUMENT_BYTES } from '../core/parse/chunk';
import { withLineFeeds } from '../core/text/lineBreaks';

export interface DocumentSlice {
  index: number;
  start: number;
  end: number;
  text: string;
}

const MARKER = /^(---|\.\.\.)(?=\s|$)/;

/** The document (between `---` markers) containing `offset`; `index` matches parseAllDocuments. */
export function documentAt(text: string, offset: number): DocumentSlice {
  text = withLineFeeds(text);
  let index = 0;
  let start = 0;
  let explicit = false;
  let hasContent = false;
  let lineStart = 0;
  for (;;) {
    const nl = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, nl < 0 ? text.length : nl);
    if (MARKER.test(line) && line.startsWith('---')) {
      if (lineStart > offset) break;
      if (hasContent || explicit) index++;
      start = lineStart;
      explicit = true;
      const rest = line.slice(3).trim();
      hasContent = rest !== '' && !rest.startsWith('#');
    } else if (line.trim() !== '' && !line.trim().startsWith('#')) hasContent = true;
    if (nl < 0) {
      lineStart = text.length + 1;
      break;
    }
    lineStart = nl + 1;
  }
  const end = Math.min(lineStart, text.length);
  return { index, start, end, text: text.slice(start, end) };
}

export interface Header {
  apiVersion?: string;
  kind?: string;
}

/** apiVersion and kind of a document, read from its top-level lines. */
export function headerOf(docText: string): Header {
  const pick = (key: string) => new RegExp(`^${key}:[ \\t]*["']?([^\\s"'#]+)`, 'm').exec(docText)?.[1];
  return { apiVersion: pick('apiVersion'), kind: pick('kind') };
}

export interface NodeAtOffset {
  path: PathSegment[];
  part: 'key' | 'value';
  /** Offsets (in the whole file) of the key or scalar under the cursor. */
  start: number;
  end: number;
}

const within = (r: readonly number[] | null | undefined, o: number) => !!r && o >= r[0] && o <= r[1];

/** The key or value under `offset` with its data path, from the document around it. */
export function nodeAtOffset(text: string, offset: number): (NodeAtOffset & { slice: DocumentSlice }) | undefined {
  text = withLineFeeds(text);
  const slice = documentAt(text, offset);
  // Documents the check refuses (too large: HM1006, too deep: HM1008) are never parsed here.
  if (slice.text.length > MAX_DOCUMENT_BYTES || nestsDeeperThan(slice.text)) return undefined;
  // uniqueKeys off: `yaml`'s duplicate check is quadratic in a map's size (the check reports duplicates).
  const doc = parseDocument(slice.text, { keepSourceTokens: false, uniqueKeys: false });
  const local = offset - slice.start;
  const path: PathSegment[] = [];
  let node: unknown = doc.contents;
  for (let depth = 0; depth < 1000 && node; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => within((p.key as Node | null)?.range, local) || within((p.value as Node | null)?.range, local));
      if (!pair) return undefined;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) return undefined;
      path.push(key);
      const kr = (pair.key as Node).range!;
      if (within(kr, local)) return { path, part: 'key', start: kr[0] + slice.start, end: kr[1] + slice.start, slice };
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => within((it as Node | null)?.range, local));
      if (i < 0) return undefined;
      path.push(i);
      node = node.items[i];
    } else if (isScalar(node) && node.range) {
      return { path, part: 'value', start: node.range[0] + slice.start, end: node.range[1] + slice.start, slice };
    } else return undefined;
  }
  return undefined;
}

export type CompletionSpot =
  | { at: 'key'; path: PathSegment[]; prefixStart: number; column: number }
  | { at: 'value'; path: PathSegment[]; prefixStart: number; /** No space yet after the colon. */ needsSpace: boolean };

interface Line {
  /** Column where the key (or scalar) starts, after indentation and `- ` markers. */
  keyCol: number;
  /** Column of the last `- ` marker on the line, or -1. */
  dashCol: number;
  key?: string;
  /** Text after `key:`, trimmed, comments removed. */
  rest?: string;
}

const KEY_LINE = /^([\w.\-/"']+)[ \t]*:(?:[ \t]+|$)(.*)$/;

function lineInfo(raw: string): Line | undefined {
  const trimmed = raw.trimEnd();
  if (trimmed.trim() === '' || trimmed.trim().startsWith('#')) return undefined;
  let col = raw.length - raw.trimStart().length;
  let dashCol = -1;
  while (raw.startsWith('- ', col) || raw.slice(col) === '-') {
    dashCol = col;
    col += 2;
    while (raw[col] === ' ') col++;
  }
  const m = KEY_LINE.exec(raw.slice(col).trimEnd());
  const rest = m ? m[2].replace(/(^|\s)#.*$/, '').trim() : undefined;
  return { keyCol: col, dashCol, key: m ? m[1].replace(/^["']|["']$/g, '') : undefined, rest };
}

/** Data path of the line at `lineIdx` whose content starts at column `col`, from lines above. */
function parentPath(lines: string[], lineIdx: number, col: number, dashCol: number): PathSegment[] | undefined {
  const path: PathSegment[] = [];
  let c = col;
  let seqParent = false;
  if (dashCol >= 0) {
    path.push(0);
    c = dashCol;
    seqParent = true;
  }
  for (let i = lineIdx - 1; i >= 0 && (c > 0 || seqParent); i--) {
    if (MARKER.test(lines[i])) break;
    const l = lineInfo(lines[i]);
    if (!l) continue;
    const isParent = seqParent ? l.keyCol <= c : l.keyCol < c;
    if (!isParent) {
      if (l.dashCol >= 0 && l.dashCol < c) {
        // A sibling inside the same sequence item: `- name: x` above `  port: 80`.
        path.push(0);
        c = l.dashCol;
        seqParent = true;
      }
      continue;
    }
    if (l.key === undefined || (l.rest !== undefined && l.rest !== '' && !/^[|>]/.test(l.rest))) return undefined;
    path.push(l.key);
    c = l.keyCol;
    seqParent = false;
    if (l.dashCol >= 0) {
      path.push(0);
      c = l.dashCol;
      seqParent = true;
    }
  }
  return c > 0 ? undefined : path.reverse();
}

/** What completion should offer at `offset`: keys of the map at a path, or a key's values. */
export function completionSpot(text: string, offset: number): CompletionSpot | undefined {
  text = withLineFeeds(text);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  const lineIdx = lines.length;
  const all = [...lines, before];
  let col = before.length - before.trimStart().length;
  let dashCol = -1;
  while (before.startsWith('- ', col)) {
    dashCol = col;
    col += 2;
    while (before[col] === ' ') col++;
  }
  const content = before.slice(col);
  const value = /^([\w.\-/]+)[ \t]*:([ \t]*)(["']?)([^\s"'#]*)$/.exec(content);
  if (value) {
    const parent = parentPath(all, lineIdx, col, dashCol);
    const needsSpace = value[2] === '' && value[3] === '' && value[4] === '';
    return parent && { at: 'value', path: [...parent, value[1]], prefixStart: offset - value[4].length, needsSpace };
  }
  if (/^[\w.\-/]*$/.test(content)) {
    const parent = parentPath(all, lineIdx, col, dashCol);
    return parent && { at: 'key', path: parent, prefixStart: offset - content.length, column: col };
  }
  return undefined;
}

/** Keys already written in the map at `path` (other than the one under the cursor). */
export function existingKeys(text: string, offset: number, path: readonly PathSegment[]): Set<string> {
  text = withLineFeeds(text);
  const out = new Set<string>();
  try {
    const slice = documentAt(text, offset);
    if (slice.text.length > MAX_DOCUMENT_BYTES || nestsDeeperThan(slice.text)) return out;
    const doc = parseDocument(slice.text, { keepSourceTokens: false, uniqueKeys: false });
    const map = path.length === 0 ? doc.contents : nodeAt(doc, path);
    if (!isMap(map)) return out;
    const local = offset - slice.start;
    for (const p of map.items) {
      const k = p.key as Node | null;
      if (isScalar(k) && !within(k.range, local)) out.add(String(k.value));
    }
  } catch {
    // Unparseable text: offer everything.
  }
  return out;
}
