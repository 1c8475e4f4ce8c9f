// Filter, sort and page a table of rows without touching the DOM. Large tables (tens of
// thousands of clusters) stay responsive: the searchable text of each row is built once per
// table, and only one page of rows ever becomes DOM.
import type { Cell, TableData } from '../../server/src/protocol/webviewProtocol';

export const PAGE_SIZE = 200;

export interface Query {
  /** Whitespace-separated terms; a row matches when every term is in one of its cells (case-insensitive). */
  filter: string;
  /** Column id to sort by, or '' for the order the proxy reported. */
  sortCol: string;
  desc: boolean;
  /** 0-based page. */
  page: number;
}

export interface View {
  /** Row indices (into table.rows) on the requested page, in display order. */
  indices: number[];
  total: number;
  matched: number;
  page: number;
  pages: number;
}

const searchText = new WeakMap<TableData, string[]>();

function textOf(table: TableData): string[] {
  let t = searchText.get(table);
  if (!t) {
    t = table.rows.map((r) => r.cells.map((c) => String(c).toLowerCase()).join('\u0000'));
    searchText.set(table, t);
  }
  return t;
}

export function filterIndices(table: TableData, filter: string): number[] {
  const terms = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const all = table.rows.map((_, i) => i);
  if (terms.length === 0) return all;
  const text = textOf(table);
  return all.filter((i) => terms.every((term) => text[i]!.includes(term)));
}

function compareText(a: Cell, b: Cell): number {
  const s = String(a);
  const t = String(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** Stable sort of the given indices by one column; in numeric columns, non-numbers ('-') go last both ways. */
export function sortIndices(table: TableData, indices: number[], col: string, desc: boolean): number[] {
  const c = table.columns.findIndex((x) => x.id === col);
  if (c < 0) return indices;
  const numeric = table.columns[c]!.numeric === true;
  const sign = desc ? -1 : 1;
  const cell = (i: number): Cell => table.rows[i]!.cells[c]!;
  return [...indices].sort((i, j) => {
    const a = cell(i);
    const b = cell(j);
    if (numeric) {
      const na = typeof a !== 'number';
      const nb = typeof b !== 'number';
      if (na || nb) return (na === nb ? 0 : na ? 1 : -1) || i - j;
      return sign * ((a as number) - (b as number)) || i - j;
    }
    return sign * compareText(a, b) || i - j;
  });
}

export function computeView(table: TableData, q: Query, pageSize = PAGE_SIZE): View {
  const matched = sortIndices(table, filterIndices(table, q.filter), q.sortCol, q.desc);
  const pages = Math.max(1, Math.ceil(matched.length / pageSize));
  const page = Math.min(Math.max(0, Math.floor(q.page)), pages - 1);
  return { indices: matched.slice(page * pageSize, (page + 1) * pageSize), total: table.rows.length, matched: matched.length, page, pages };
}

/** Clicking a header: sort ascending, then descending, then back to the proxy's order. */
export function nextSort(q: Pick<Query, 'sortCol' | 'desc'>, col: string): Pick<Query, 'sortCol' | 'desc'> {
  if (q.sortCol !== col) return { sortCol: col, desc: false };
  if (!q.desc) return { sortCol: col, desc: true };
  return { sortCol: '', desc: false };
}
