import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as TableState from '../../../client/webview/tableState';
import type { TableData } from '../../../server/src/protocol/webviewProtocol';
import { loadWebviewModule } from './support/webviewModule';

const ts = loadWebviewModule<typeof TableState>('client/webview/tableState.ts');
const q = (over: Partial<TableState.Query> = {}): TableState.Query => ({ filter: '', sortCol: '', desc: false, page: 0, ...over });

function clusters(n: number): TableData {
  return {
    columns: [{ id: 'fqdn', title: 'SERVICE FQDN' }, { id: 'port', title: 'PORT', numeric: true }, { id: 'subset', title: 'SUBSET' }],
    rows: Array.from({ length: n }, (_, i) => ({ cells: [`svc-${i}.ns-${i % 50}.svc.cluster.local`, i % 7 === 0 ? '-' : 8000 + (i % 1000), i % 3 === 0 ? 'v1' : '-'] })),
  };
}

test('filter: every term must appear in some cell, case-insensitive', () => {
  const t = clusters(100);
  const v = ts.computeView(t, q({ filter: 'NS-7.svc   v1' }), 1000);
  assert.ok(v.matched > 0);
  for (const i of v.indices) {
    assert.match(String(t.rows[i]!.cells[0]), /ns-7\.svc/);
    assert.equal(t.rows[i]!.cells[2], 'v1');
  }
  assert.equal(v.matched, t.rows.filter((r) => String(r.cells[0]).includes('ns-7.svc') && r.cells[2] === 'v1').length);
  assert.equal(ts.computeView(t, q({ filter: 'nothing-like-this' })).matched, 0);
  assert.equal(ts.computeView(t, q({ filter: 'nothing-like-this' })).pages, 1);
});

test('numeric sort puts non-numbers last both ways; text sort is stable', () => {
  const t = clusters(30);
  const asc = ts.computeView(t, q({ sortCol: 'port' }), 100).indices.map((i) => t.rows[i]!.cells[1]);
  const nums = asc.filter((x) => typeof x === 'number') as number[];
  assert.deepEqual(nums, [...nums].sort((a, b) => a - b));
  assert.deepEqual(asc.slice(nums.length), Array(asc.length - nums.length).fill('-'));
  const desc = ts.computeView(t, q({ sortCol: 'port', desc: true }), 100).indices.map((i) => t.rows[i]!.cells[1]);
  assert.equal(desc[0], Math.max(...nums));
  const bySubset = ts.computeView(t, q({ sortCol: 'subset' }), 100).indices;
  const dashes = bySubset.filter((i) => t.rows[i]!.cells[2] === '-');
  assert.deepEqual(dashes, [...dashes].sort((a, b) => a - b), 'equal keys keep the proxy order');
  assert.deepEqual(ts.computeView(t, q({ sortCol: 'no-such-col' }), 100).indices, t.rows.map((_, i) => i));
});

test('paging clamps the page and returns only one page of rows', () => {
  const t = clusters(450);
  assert.deepEqual(ts.computeView(t, q({ page: 0 })).indices.length, 200);
  const last = ts.computeView(t, q({ page: 99 }));
  assert.equal(last.page, 2);
  assert.equal(last.pages, 3);
  assert.deepEqual(last.indices, Array.from({ length: 50 }, (_, i) => 400 + i));
  assert.equal(ts.computeView(t, q({ page: -3 })).page, 0);
});

test('header clicks cycle ascending, descending, unsorted', () => {
  let s = { sortCol: '', desc: false };
  s = ts.nextSort(s, 'port'); assert.deepEqual(s, { sortCol: 'port', desc: false });
  s = ts.nextSort(s, 'port'); assert.deepEqual(s, { sortCol: 'port', desc: true });
  s = ts.nextSort(s, 'port'); assert.deepEqual(s, { sortCol: '', desc: false });
  assert.deepEqual(ts.nextSort({ sortCol: 'port', desc: true }, 'fqdn'), { sortCol: 'fqdn', desc: false });
});

test('20k rows: filter, sort and page stay well under a frame budget per step', () => {
  const t = clusters(20_000);
  const t0 = performance.now();
  const first = ts.computeView(t, q());
  const t1 = performance.now();
  const filtered = ts.computeView(t, q({ filter: 'ns-42' }));
  const t2 = performance.now();
  const sorted = ts.computeView(t, q({ filter: 'svc', sortCol: 'port', desc: true, page: 3 }));
  const t3 = performance.now();
  assert.equal(first.indices.length, 200);
  assert.equal(first.pages, 100);
  assert.equal(filtered.matched, 400);
  assert.equal(sorted.matched, 20_000);
  assert.equal(sorted.indices.length, 200);
  const ms = [t1 - t0, t2 - t1, t3 - t2].map((x) => Math.round(x));
  console.log(`20k rows: first view ${ms[0]} ms, filter ${ms[1]} ms, filter+sort+page ${ms[2]} ms`);
  // Generous bound for a shared 2-core machine; the point is "no freeze", not a benchmark.
  for (const x of ms) assert.ok(x < 1500, `step took ${x} ms`);
});
