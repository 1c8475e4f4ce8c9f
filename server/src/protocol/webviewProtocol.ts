// Messages between the extension host and the proxy inspection webview. The webview only ever
// receives rows of text (never kubeconfig, tokens or ssh arguments) and only sends intents: it
// never names paths, URIs or commands. Both sides check every message with the guards below.

export const TABS = ['clusters', 'listeners', 'routes', 'endpoints', 'secrets', 'bootstrap', 'raw'] as const;
export type TabId = typeof TABS[number];
/** Tabs shown as a filterable, sortable table. */
export type TableTab = Exclude<TabId, 'bootstrap' | 'raw'>;
export const TABLE_TABS: readonly TableTab[] = ['clusters', 'listeners', 'routes', 'endpoints', 'secrets'];

export interface Column {
  /** Stable id, used as `data-col` on cells. */
  readonly id: string;
  readonly title: string;
  /** Sort numerically (cells hold numbers or '' ). */
  readonly numeric?: boolean;
}

/** A workspace resource the extension can reveal; the webview only echoes what it was given. */
export interface ResourceRef {
  readonly kind: 'ServiceEntry' | 'DestinationRule' | 'WorkloadEntry';
  readonly namespace: string;
  readonly name: string;
  readonly subset?: string;
}

export type Cell = string | number;
export type Tone = 'ok' | 'warning' | 'error';

export interface Row {
  readonly cells: Cell[];
  /** Clicking the row asks the extension to reveal this resource. */
  readonly ref?: ResourceRef;
  readonly tone?: Tone;
}

export interface TableData {
  readonly columns: Column[];
  readonly rows: Row[];
}

export interface ProxyInfo {
  /** Stable key of the proxy (one panel per id). */
  readonly id: string;
  readonly label: string;
  /** Where the data came from, already stripped of credentials (e.g. `admin http://127.0.0.1:15000`). */
  readonly source: string;
}

export interface Snapshot {
  readonly proxy: ProxyInfo;
  readonly fetchedAt: string;
  readonly tables: Record<TableTab, TableData>;
  /** Bootstrap tab: label/value pairs. */
  readonly bootstrap: [string, string][];
  /** Raw tab: the config_dump JSON, possibly cut short (`rawTruncated`). */
  readonly raw: string;
  readonly rawTruncated: boolean;
  /** One-line remarks shown above the tabs (e.g. istiod vs admin differences, partial failures). */
  readonly notes: string[];
}

export type ToWebview =
  | { type: 'loading'; proxy: ProxyInfo }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'error'; proxy: ProxyInfo; message: string }
  | { type: 'autoRefresh'; enabled: boolean; intervalSeconds: number };

export type FromWebview =
  /** Handshake: the script has loaded; send data now. */
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'setAutoRefresh'; enabled: boolean }
  | { type: 'openRaw' }
  | { type: 'export'; what: 'configDump' | 'rows' }
  | { type: 'revealResource'; kind: ResourceRef['kind']; namespace: string; name: string; subset?: string };

const KINDS: readonly string[] = ['ServiceEntry', 'DestinationRule', 'WorkloadEntry'];
const MAX_TEXT = 512;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown, max = MAX_TEXT): x is string => typeof x === 'string' && x.length <= max;
const isName = (x: unknown): x is string => isStr(x, 253) && x.length > 0;
/** Exactly these keys (no extras smuggled along). */
const keysAre = (o: Record<string, unknown>, keys: string[]): boolean => Object.keys(o).every((k) => keys.includes(k));

/** Checks a message posted by the webview. Anything else is ignored by the extension. */
export function isFromWebview(x: unknown): x is FromWebview {
  if (!isObj(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'ready':
    case 'refresh':
    case 'openRaw':
      return keysAre(x, ['type']);
    case 'setAutoRefresh':
      return keysAre(x, ['type', 'enabled']) && typeof x.enabled === 'boolean';
    case 'export':
      return keysAre(x, ['type', 'what']) && (x.what === 'configDump' || x.what === 'rows');
    case 'revealResource':
      return keysAre(x, ['type', 'kind', 'namespace', 'name', 'subset'])
        && typeof x.kind === 'string' && KINDS.includes(x.kind)
        && isStr(x.namespace, 253) && isName(x.name)
        && (x.subset === undefined || isName(x.subset));
    default:
      return false;
  }
}

const isProxy = (x: unknown): x is ProxyInfo => isObj(x) && isStr(x.id, 4096) && isStr(x.label, 4096) && isStr(x.source, 4096);
const isCell = (x: unknown): x is Cell => typeof x === 'string' || (typeof x === 'number' && !Number.isNaN(x));
const isColumn = (x: unknown): x is Column => isObj(x) && isStr(x.id, 64) && isStr(x.title, 128) && (x.numeric === undefined || typeof x.numeric === 'boolean');
const isRef = (x: unknown): x is ResourceRef => isObj(x) && typeof x.kind === 'string' && KINDS.includes(x.kind)
  && typeof x.namespace === 'string' && typeof x.name === 'string' && (x.subset === undefined || typeof x.subset === 'string');
const isRow = (x: unknown, width: number): x is Row => isObj(x) && Array.isArray(x.cells) && x.cells.length === width
  && x.cells.every(isCell) && (x.ref === undefined || isRef(x.ref))
  && (x.tone === undefined || x.tone === 'ok' || x.tone === 'warning' || x.tone === 'error');

function isTable(x: unknown): x is TableData {
  if (!isObj(x) || !Array.isArray(x.columns) || !Array.isArray(x.rows) || !x.columns.every(isColumn)) return false;
  const width = x.columns.length;
  return x.rows.every((r) => isRow(r, width));
}

function isSnapshot(x: unknown): x is Snapshot {
  if (!isObj(x) || !isProxy(x.proxy) || typeof x.fetchedAt !== 'string' || typeof x.raw !== 'string' || typeof x.rawTruncated !== 'boolean') return false;
  if (!Array.isArray(x.notes) || !x.notes.every((n) => typeof n === 'string')) return false;
  if (!Array.isArray(x.bootstrap) || !x.bootstrap.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string')) return false;
  const tables = x.tables;
  return isObj(tables) && TABLE_TABS.every((t) => isTable(tables[t]));
}

/** Checks a message posted by the extension (the webview trusts nothing it cannot check). */
export function isToWebview(x: unknown): x is ToWebview {
  if (!isObj(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'loading': return isProxy(x.proxy);
    case 'snapshot': return isSnapshot(x.snapshot);
    case 'error': return isProxy(x.proxy) && typeof x.message === 'string';
    case 'autoRefresh': return typeof x.enabled === 'boolean' && typeof x.intervalSeconds === 'number' && x.intervalSeconds >= 0;
    default: return false;
  }
}

/** Persisted with the webview's setState so a reload restores the view. */
export interface PanelState {
  readonly proxyId: string;
  readonly tab: TabId;
  readonly filter: Record<string, string>;
  readonly sort: Record<string, { col: string; desc: boolean }>;
}

export function isPanelState(x: unknown): x is PanelState {
  return isObj(x) && typeof x.proxyId === 'string' && typeof x.tab === 'string' && (TABS as readonly string[]).includes(x.tab)
    && isObj(x.filter) && Object.values(x.filter).every((v) => typeof v === 'string')
    && isObj(x.sort) && Object.values(x.sort).every((v) => isObj(v) && typeof v.col === 'string' && typeof v.desc === 'boolean');
}
