// Go text/tabwriter (no flags, space padding), so tables match istioctl byte for byte.
// Cells are tab-terminated; the last cell of a line is not part of any column, and a column's
// width is computed over each run of consecutive lines that have a cell in that column.

export interface TabwriterOptions {
  readonly minwidth?: number;
  /** Spaces added to the widest cell of a column (istioctl uses 5, listeners 1). */
  readonly padding: number;
}

// Go counts runes (code points); the ASCII fast path matters for tables with 100k rows.
const ASCII = /^[\x00-\x7f]*$/;
const runeLength = (s: string): number => {
  if (ASCII.test(s)) return s.length;
  let n = 0;
  for (const ch of s) { void ch; n++; }
  return n;
};

const PADS: string[] = [];
function pad(n: number): string {
  if (n <= 0) return '';
  if (n < 256) return (PADS[n] ??= ' '.repeat(n));
  return ' '.repeat(n);
}

/** Formats `text` (lines of tab-separated cells) as Go's tabwriter would on Flush. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const sizes = lines.map((l) => l.map(runeLength));
  const minwidth = opts.minwidth ?? 0;
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      const size = sizes[i]!;
      for (let j = 0; j < line.length; j++) {
        out.push(line[j]!);
        if (j < widths.length) out.push(pad(widths[j]! - size[j]!));
      }
      if (i + 1 !== lines.length) out.push('\n');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur]!.length - 1) continue;
      writeLines(line0, cur);
      line0 = cur;
      let width = minwidth;
      for (; cur < line1; cur++) {
        if (column >= lines[cur]!.length - 1) break;
        const w = sizes[cur]![column]! + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}
