import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFromWebview, isPanelState, isToWebview, TABLE_TABS, type Snapshot, type TableData } from '../../../server/src/protocol/webviewProtocol';

test('isFromWebview accepts each message of the protocol', () => {
  for (const m of [
    { type: 'ready' }, { type: 'refresh' }, { type: 'openRaw' }, { type: 'setAutoRefresh', enabled: false },
    { type: 'export', what: 'configDump' }, { type: 'export', what: 'rows' },
    { type: 'revealResource', kind: 'DestinationRule', namespace: 'default', name: 'reviews', subset: 'v1' },
    { type: 'revealResource', kind: 'ServiceEntry', namespace: '', name: 'api.example.com' },
  ]) assert.equal(isFromWebview(m), true, JSON.stringify(m));
});

test('isFromWebview rejects malformed, unknown and smuggling messages', () => {
  for (const m of [
    null, undefined, 'ready', 42, [], {}, { type: 'nope' }, { type: 'ready', extra: 1 },
    { type: 'setAutoRefresh', enabled: 'yes' }, { type: 'setAutoRefresh' },
    { type: 'export', what: '/etc/passwd' },
    { type: 'revealResource', kind: 'Secret', namespace: 'default', name: 'x' },
    { type: 'revealResource', kind: 'WorkloadEntry', namespace: 'default', name: '' },
    { type: 'revealResource', kind: 'WorkloadEntry', namespace: 'default', name: 'x', uri: 'file:///etc/passwd' },
    { type: 'revealResource', kind: 'WorkloadEntry', namespace: 'default', name: 'x'.repeat(300) },
    { type: 'revealResource', kind: 'DestinationRule', namespace: 'default', name: 'x', subset: 3 },
    { type: 'openRaw', command: 'workbench.action.terminal.new' },
  ]) assert.equal(isFromWebview(m), false, JSON.stringify(m));
});

const table = (rows: unknown[]): TableData => ({ columns: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B', numeric: true }], rows } as TableData);
function snapshot(tables: Record<string, unknown>): Snapshot {
  return { proxy: { id: 'vm:a', label: 'a', source: 'admin http://127.0.0.1:1' }, fetchedAt: '2026-01-01T00:00:00.000Z', tables, bootstrap: [['k', 'v']], raw: '{}', rawTruncated: false, notes: [] } as unknown as Snapshot;
}
const allTables = (t: TableData): Record<string, TableData> => Object.fromEntries(TABLE_TABS.map((k) => [k, t]));

test('isToWebview checks snapshots down to each row', () => {
  const good = allTables(table([{ cells: ['x', 1] }, { cells: ['<img src=x>', 2], tone: 'error', ref: { kind: 'WorkloadEntry', namespace: 'ns', name: 'vm' } }]));
  assert.equal(isToWebview({ type: 'snapshot', snapshot: snapshot(good) }), true);
  assert.equal(isToWebview({ type: 'snapshot', snapshot: snapshot({ ...good, routes: table([{ cells: ['x'] }]) }) }), false, 'row narrower than the columns');
  assert.equal(isToWebview({ type: 'snapshot', snapshot: snapshot({ ...good, routes: table([{ cells: ['x', { html: '<b>' }] }]) }) }), false, 'object cell');
  assert.equal(isToWebview({ type: 'snapshot', snapshot: snapshot({ ...good, routes: table([{ cells: ['x', 1], tone: 'red' }]) }) }), false, 'unknown tone');
  const { secrets: _s, ...missing } = good;
  assert.equal(isToWebview({ type: 'snapshot', snapshot: snapshot(missing) }), false, 'a tab is missing');
  assert.equal(isToWebview({ type: 'loading', proxy: { id: 'a', label: 'a', source: 's' } }), true);
  assert.equal(isToWebview({ type: 'error', proxy: { id: 'a', label: 'a', source: 's' }, message: 'down' }), true);
  assert.equal(isToWebview({ type: 'error', proxy: { id: 'a' }, message: 'down' }), false);
  assert.equal(isToWebview({ type: 'autoRefresh', enabled: true, intervalSeconds: 10 }), true);
  assert.equal(isToWebview({ type: 'autoRefresh', enabled: true, intervalSeconds: -1 }), false);
  assert.equal(isToWebview({ type: 'html', html: '<script>' }), false);
});

test('isPanelState accepts saved state and rejects junk', () => {
  assert.equal(isPanelState({ proxyId: 'vm:a', tab: 'secrets', filter: { clusters: 'x' }, sort: { clusters: { col: 'port', desc: true } } }), true);
  assert.equal(isPanelState({ proxyId: 'vm:a', tab: 'html', filter: {}, sort: {} }), false);
  assert.equal(isPanelState({ proxyId: 'vm:a', tab: 'raw', filter: { a: 1 }, sort: {} }), false);
  assert.equal(isPanelState(undefined), false);
});
