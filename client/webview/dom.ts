// DOM builders for the panel. Every value from a proxy becomes a text node (textContent): a
// cluster named `<img src=x onerror=...>` shows as those characters and never as markup.
import type { ResourceRef, TableData } from '../../server/src/protocol/webviewProtocol';
import type { Query, View } from './tableState';

/** The slice of `document` we use; lets tests pass a tiny fake. */
export interface Doc {
  createElement(tag: string): El;
}
export interface El {
  textContent: string | null;
  className: string;
  title: string;
  appendChild(child: El): unknown;
  setAttribute(name: string, value: string): void;
  addEventListener(type: string, fn: (ev: unknown) => void): void;
}

export interface TableHandlers {
  sort(col: string): void;
  reveal(ref: ResourceRef): void;
}

export function el(doc: Doc, tag: string, text?: string, cls?: string): El {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

export function buildTable(doc: Doc, table: TableData, view: View, q: Query, on: TableHandlers): El {
  const t = el(doc, 'table', undefined, 'rows');
  const head = el(doc, 'thead');
  const hr = el(doc, 'tr');
  for (const c of table.columns) {
    const th = el(doc, 'th', c.title + (q.sortCol === c.id ? (q.desc ? ' ▼' : ' ▲') : ''));
    th.setAttribute('data-col', c.id);
    th.setAttribute('aria-sort', q.sortCol === c.id ? (q.desc ? 'descending' : 'ascending') : 'none');
    th.title = 'Sort';
    th.addEventListener('click', () => on.sort(c.id));
    hr.appendChild(th);
  }
  head.appendChild(hr);
  t.appendChild(head);
  const body = el(doc, 'tbody');
  for (const i of view.indices) {
    const row = table.rows[i]!;
    const tr = el(doc, 'tr', undefined, [row.tone ? `tone-${row.tone}` : '', row.ref ? 'linked' : ''].filter(Boolean).join(' '));
    tr.setAttribute('data-row', String(i));
    row.cells.forEach((cell, c) => {
      const td = el(doc, 'td', String(cell));
      td.setAttribute('data-col', table.columns[c]!.id);
      tr.appendChild(td);
    });
    const ref = row.ref;
    if (ref) {
      tr.title = `Reveal ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}${ref.subset ? ` (subset ${ref.subset})` : ''}`;
      tr.addEventListener('click', () => on.reveal(ref));
    }
    body.appendChild(tr);
  }
  t.appendChild(body);
  return t;
}

export function buildPairs(doc: Doc, pairs: [string, string][]): El {
  const dl = el(doc, 'dl', undefined, 'pairs');
  for (const [k, v] of pairs) {
    dl.appendChild(el(doc, 'dt', k));
    dl.appendChild(el(doc, 'dd', v));
  }
  return dl;
}

export function buildRaw(doc: Doc, raw: string, truncated: boolean): El {
  const wrap = el(doc, 'div', undefined, 'raw');
  if (truncated) wrap.appendChild(el(doc, 'p', 'Preview cut short: use "Open raw JSON" for the whole dump.', 'note'));
  wrap.appendChild(el(doc, 'pre', raw));
  return wrap;
}
