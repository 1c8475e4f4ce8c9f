// Proxy inspection panel script: receives snapshots from the extension, shows one tab at a time,
// filters/sorts/pages rows locally, and posts intents back. Never builds HTML from data.
import {
  isPanelState, isToWebview, TABLE_TABS, TABS,
  type FromWebview, type PanelState, type Snapshot, type TabId, type TableTab, type ToWebview,
} from '../../server/src/protocol/webviewProtocol';
import { buildPairs, buildRaw, buildTable, el, type Doc } from './dom';
import { computeView, nextSort, type Query } from './tableState';

interface VsCodeApi {
  postMessage(msg: FromWebview): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const doc = document as unknown as Doc;
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const saved = vscode.getState();
let state: PanelState = isPanelState(saved) ? saved : { proxyId: '', tab: 'clusters', filter: {}, sort: {} };
let snapshot: Snapshot | undefined;
const pages: Partial<Record<TabId, number>> = {};
let renderTimer: ReturnType<typeof setTimeout> | undefined;

const post = (m: FromWebview): void => vscode.postMessage(m);
const isTable = (t: TabId): t is TableTab => (TABLE_TABS as readonly string[]).includes(t);

function setState(next: Partial<PanelState>): void {
  state = { ...state, ...next };
  vscode.setState(state);
}

function query(tab: TableTab): Query {
  const s = state.sort[tab];
  return { filter: state.filter[tab] ?? '', sortCol: s?.col ?? '', desc: s?.desc ?? false, page: pages[tab] ?? 0 };
}

function render(): void {
  const content = byId('content');
  content.replaceChildren();
  for (const t of TABS) {
    const b = byId(`tab-${t}`);
    b.setAttribute('aria-selected', String(t === state.tab));
    b.classList.toggle('active', t === state.tab);
  }
  const tab = state.tab;
  const tableTab = isTable(tab);
  byId('toolbar').classList.toggle('hidden', !tableTab);
  if (!snapshot) return;
  if (tab === 'bootstrap') { content.appendChild(buildPairs(doc, snapshot.bootstrap) as unknown as Node); return; }
  if (tab === 'raw') { content.appendChild(buildRaw(doc, snapshot.raw, snapshot.rawTruncated) as unknown as Node); return; }
  if (!tableTab) return;
  const table = snapshot.tables[tab];
  const q = query(tab);
  const view = computeView(table, q);
  pages[tab] = view.page;
  byId<HTMLInputElement>('filter').value = q.filter;
  byId('count').textContent = view.matched === view.total ? `${view.total} rows` : `${view.matched} of ${view.total} rows`;
  byId('page').textContent = `page ${view.page + 1} of ${view.pages}`;
  byId<HTMLButtonElement>('prev-page').disabled = view.page === 0;
  byId<HTMLButtonElement>('next-page').disabled = view.page >= view.pages - 1;
  const node = buildTable(doc, table, view, q, {
    sort: (col) => {
      const s = nextSort(q, col);
      setState({ sort: { ...state.sort, [tab]: { col: s.sortCol, desc: s.desc } } });
      pages[tab] = 0;
      render();
    },
    reveal: (ref) => post({ type: 'revealResource', kind: ref.kind, namespace: ref.namespace, name: ref.name, ...(ref.subset ? { subset: ref.subset } : {}) }),
  });
  node.setAttribute('id', `table-${tab}`);
  content.appendChild(node as unknown as Node);
}

function setStatus(text: string, isError = false): void {
  const s = byId('status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

function showNotes(notes: string[]): void {
  const ul = byId('notes');
  ul.replaceChildren(...notes.map((n) => el(doc, 'li', n) as unknown as Node));
}

function onMessage(msg: ToWebview): void {
  switch (msg.type) {
    case 'loading':
      byId('proxy-label').textContent = msg.proxy.label;
      setStatus(snapshot ? 'Refreshing…' : 'Loading…');
      return;
    case 'snapshot': {
      const first = !snapshot || snapshot.proxy.id !== msg.snapshot.proxy.id;
      snapshot = msg.snapshot;
      if (first && state.proxyId !== snapshot.proxy.id) setState({ proxyId: snapshot.proxy.id });
      byId('proxy-label').textContent = snapshot.proxy.label;
      byId('proxy-label').title = snapshot.proxy.source;
      setStatus(`Updated ${new Date(snapshot.fetchedAt).toLocaleTimeString()}`);
      showNotes(snapshot.notes);
      render();
      return;
    }
    case 'error':
      byId('proxy-label').textContent = msg.proxy.label;
      setStatus(snapshot ? `Refresh failed (showing older data): ${msg.message}` : msg.message, true);
      return;
    case 'autoRefresh': {
      const box = byId<HTMLInputElement>('auto-refresh');
      box.checked = msg.enabled;
      box.disabled = msg.intervalSeconds === 0;
      box.parentElement!.title = msg.intervalSeconds === 0 ? 'Off: hybridMesh.proxy.refreshIntervalSeconds is 0' : `Every ${msg.intervalSeconds} s while visible`;
      return;
    }
    default: {
      const never: never = msg;
      void never;
    }
  }
}

window.addEventListener('message', (ev: MessageEvent) => {
  if (isToWebview(ev.data)) onMessage(ev.data);
});

for (const t of TABS) {
  byId(`tab-${t}`).addEventListener('click', () => { setState({ tab: t }); render(); });
}
byId('filter').addEventListener('input', () => {
  const tab = state.tab;
  if (!isTable(tab)) return;
  setState({ filter: { ...state.filter, [tab]: byId<HTMLInputElement>('filter').value } });
  pages[tab] = 0;
  // Typing in a 20k-row table: wait for a pause before filtering.
  clearTimeout(renderTimer);
  renderTimer = setTimeout(render, 120);
});
const turnPage = (delta: number) => (): void => {
  if (!isTable(state.tab)) return;
  pages[state.tab] = (pages[state.tab] ?? 0) + delta;
  render();
};
byId('prev-page').addEventListener('click', turnPage(-1));
byId('next-page').addEventListener('click', turnPage(1));
byId('refresh').addEventListener('click', () => post({ type: 'refresh' }));
byId('open-raw').addEventListener('click', () => post({ type: 'openRaw' }));
byId('export').addEventListener('click', () => post({ type: 'export', what: 'configDump' }));
byId<HTMLInputElement>('auto-refresh').addEventListener('change', () => post({ type: 'setAutoRefresh', enabled: byId<HTMLInputElement>('auto-refresh').checked }));

render();
post({ type: 'ready' });
