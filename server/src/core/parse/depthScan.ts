// A cheap, linear estimate of how deeply a YAML text nests, run before the text is handed to
// `yaml`: thousands of levels make its recursive code overflow the stack, and a stack overflow
// inside the regexp engine can take the whole process down. The estimate can only overcount in
// odd cases (multi-line scalars), so its cap is far above any real object's depth.

/** Nesting the pre-check refuses outright; shallower texts get the exact check after parsing. */
export const MAX_SCAN_DEPTH = 1000;

/** True when the text certainly nests deeper than `cap` (flow brackets plus block indentation). */
export function nestsDeeperThan(text: string, cap: number = MAX_SCAN_DEPTH): boolean {
  const indents: number[] = [];
  let flow = 0;
  let blockScalarIndent = -1;
  let i = 0;
  while (i < text.length) {
    // Start of a line: indentation and `- ` markers.
    let indent = 0;
    while (text[i + indent] === ' ') indent++;
    const eol = lineEnd(text, i);
    const blank = i + indent >= eol || text[i + indent] === '#';
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) { i = eol + 1; continue; }
    blockScalarIndent = -1;
    if (blank) { i = eol + 1; continue; }
    let col = i + indent;
    if (flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      while (text[col] === '-' && (text[col + 1] === ' ' || col + 1 === eol)) {
        const at = col - i;
        indents.push(at + 1);
        col += 2;
        while (text[col] === ' ') col++;
      }
      if (indents.length > cap) return true;
    }
    const end = scanLine(text, col, eol, (d) => { flow = Math.max(0, flow + d); return indents.length + flow > cap; });
    if (end === 'deep') return true;
    if (end === 'blockScalar' && flow === 0) blockScalarIndent = indent;
    i = eol + 1;
  }
  return false;
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

/** Walks one line's flow brackets, skipping quoted scalars and comments. */
function scanLine(text: string, from: number, eol: number, step: (delta: number) => boolean): 'deep' | 'blockScalar' | 'ok' {
  let last = '';
  for (let c = from; c < eol; c++) {
    const ch = text[c];
    const prev = c === from ? ' ' : text[c - 1];
    if (ch === '#' && (prev === ' ' || prev === '\t')) break;
    if ((ch === '"' || ch === "'") && /[\s[{,:]/.test(prev)) {
      c = closingQuote(text, c, eol);
      last = ch;
      continue;
    }
    if (ch === '[' || ch === '{') { if (step(1)) return 'deep'; } else if (ch === ']' || ch === '}') step(-1);
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') last = ch;
  }
  const tail = text.slice(from, eol).replace(/\s+#.*$/, '').trimEnd();
  return last !== '' && /(?:^|[\s:-])[|>][0-9+-]*$/.test(tail) ? 'blockScalar' : 'ok';
}

/** Index of the quote closing the one at `open` on this line, or the line end. */
function closingQuote(text: string, open: number, eol: number): number {
  const q = text[open];
  for (let c = open + 1; c < eol; c++) {
    if (q === '"' && text[c] === '\\') { c++; continue; }
    if (text[c] === q) {
      if (q === "'" && text[c + 1] === "'") { c++; continue; }
      return c;
    }
  }
  return eol;
}
