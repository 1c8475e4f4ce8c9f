// Re-parsing a file after an edit: documents before and after the changed region are the same
// chunks (same text), so only the region is split and parsed again. The region is found with
// native string comparisons (common prefix and suffix), which costs far less than hashing or
// slicing every document of a multi-megabyte file on each keystroke.
import { MAX_FILE_BYTES, makeDocument, ownCopy, parseYamlFile, type ChunkCache, type ParsedDocument, type ParsedFile } from './documents';
import { parseChunk } from './chunk';
import { splitDocuments } from './split';
import { withLineFeeds } from '../text/lineBreaks';

const BLOCK = 16384;

/** Length of the common prefix of a and b. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.substr(i, BLOCK) === b.substr(i, BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of a and b, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  const la = a.length;
  const lb = b.length;
  while (i + BLOCK <= max && a.substr(la - i - BLOCK, BLOCK) === b.substr(lb - i - BLOCK, BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(la - 1 - i) === b.charCodeAt(lb - 1 - i)) i++;
  return i;
}

/**
 * `text` parsed by reusing the unchanged documents of `prev` (the same file before the edit).
 * Falls back to a full parse whenever the shortcut is not obviously equivalent.
 */
export function reparseYamlFile(prev: ParsedFile, text: string, cache?: ChunkCache): ParsedFile {
  const uri = prev.uri;
  if (prev.text === text) return prev;
  const old = prev.text;
  const docs = prev.documents;
  if (!prev.split || docs.length === 0 || prev.problems.length > 0 || text.length > MAX_FILE_BYTES) return parseYamlFile(uri, text, cache);
  const p = commonPrefix(old, text);
  const s = commonSuffix(old, text, Math.min(old.length, text.length) - p);
  const delta = text.length - old.length;
  // Unchanged documents: before the edit with their closing `---` and the character after it
  // intact; after the edit with the newline before their own `---` intact.
  let h = 0;
  while (h < docs.length && docs[h].span.end + 4 <= p && docs[h].span.end < old.length) h++;
  let t = docs.length;
  while (t > h && docs[t - 1].span.start > 0 && docs[t - 1].span.start - 1 >= old.length - s) t--;
  const from = h > 0 ? docs[h - 1].span.end : 0;
  const to = t < docs.length ? docs[t].span.start + delta : text.length;
  if (to < from) return parseYamlFile(uri, text, cache);
  // Lone CRs read as LF, as in parseYamlFile (same offsets).
  const region = withLineFeeds(text.slice(from, to));
  const chunks = splitDocuments(region);
  // Directives, `...`, or a head-less region of only comments (which would merge into the next document).
  if (!chunks || region.includes('\0') || (from === 0 && chunks.length === 0 && region.length > 0)) {
    return parseYamlFile(uri, text, cache);
  }
  if (from > 0 && region.length > 0 && !region.startsWith('---')) return parseYamlFile(uri, text, cache);
  const out: ParsedDocument[] = docs.slice(0, h);
  for (const c of chunks) {
    let parsed = cache?.get(c.text);
    if (!parsed) {
      parsed = parseChunk(ownCopy(c.text));
      cache?.set(parsed.text, parsed);
    }
    out.push(makeDocument(uri, out.length, from + c.start, from + c.end, parsed));
  }
  for (let k = t; k < docs.length; k++) {
    const d = docs[k];
    const start = d.span.start + delta;
    // Moved documents get a new placement; documents that did not move are reused as they are.
    if (delta === 0 && d.index === out.length) out.push(d);
    else out.push(makeDocument(uri, out.length, start, d.span.end + delta, d.chunk));
  }
  if (out.length === 0) return parseYamlFile(uri, text, cache);
  return { uri, text, documents: out, problems: [], split: true };
}
