// Splits a multi-document YAML text into one chunk per document, on `---` marker lines, so each
// document can be parsed, validated and cached on its own. A `---` at column 0 followed by a
// space, a tab or the end of the line always starts a new document in YAML (even inside block
// or quoted scalars), so the split agrees with the `yaml` package; texts with directives (`%`) or
// document-end markers (`...`) are not split (the caller parses them whole).

export interface Chunk {
  /** Offset of the chunk in the file text (the start of its `---` line, or 0). */
  start: number;
  end: number;
  text: string;
}

const isMarker = (text: string, i: number, marker: string): boolean => {
  if (!text.startsWith(marker, i)) return false;
  const c = text.charCodeAt(i + 3);
  return Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13;
};

/** Chunks of `text`, or undefined when the text must be parsed as a whole. */
export function splitDocuments(text: string): Chunk[] | undefined {
  if (text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  // Directives and `...` markers need the full YAML stream semantics.
  if (/^(?:%|\.\.\.(?:[ \t\r\n]|$))/m.test(text)) return undefined;
  const starts: number[] = [];
  for (let i = text.indexOf('---'); i >= 0; i = text.indexOf('---', i + 3)) {
    if ((i === 0 || text.charCodeAt(i - 1) === 10) && isMarker(text, i, '---')) starts.push(i);
  }
  if (starts.length === 0) return onlyComments(text) ? [] : [{ start: 0, end: text.length, text }];
  // Text before the first marker that holds no content belongs to the first document, as in `yaml`.
  if (starts[0] > 0 && !onlyComments(text.slice(0, starts[0]))) starts.unshift(0);
  else starts[0] = 0;
  return starts.map((s, k) => {
    const e = k + 1 < starts.length ? starts[k + 1] : text.length;
    return { start: s, end: e, text: text.slice(s, e) };
  });
}

/** True when every line is blank or a comment. */
export function onlyComments(text: string): boolean {
  return /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:#[^\n]*)?$/.test(text);
}
