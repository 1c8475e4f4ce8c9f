import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Dom from '../../../client/webview/dom';
import type * as TableState from '../../../client/webview/tableState';
import type { ResourceRef, TableData } from '../../../server/src/protocol/webviewProtocol';
import { loadWebviewModule, repoRoot } from './support/webviewModule';

const dom = loadWebviewModule<typeof Dom>('client/webview/dom.ts');
const ts = loadWebviewModule<typeof TableState>('client/webview/tableState.ts');
const HOSTILE = '<img src=x onerror=alert(1)>';

/** A fake element: text only. Assigning markup anywhere would throw. */
class FakeEl implements Dom.El {
  children: FakeEl[] = [];
  attrs = new Map<string, string>();
  listeners = new Map<string, (ev: unknown) => void>();
  className = '';
  title = '';
  private text: string | null = null;
  constructor(readonly tag: string) {}
  get textContent(): string | null { return this.text ?? this.children.map((c) => c.textContent).join(''); }
  set textContent(v: string | null) { this.text = v; }
  set innerHTML(_v: string) { throw new Error('innerHTML used'); }
  appendChild(c: Dom.El): unknown { this.children.push(c as FakeEl); return c; }
  setAttribute(n: string, v: string): void { this.attrs.set(n, v); }
  addEventListener(t: string, fn: (ev: unknown) => void): void { this.listeners.set(t, fn); }
  all(): FakeEl[] { return [this, ...this.children.flatMap((c) => c.all())]; }
}
const fakeDoc: Dom.Doc = { createElement: (tag) => new FakeEl(tag) };

const table: TableData = {
  columns: [{ id: 'fqdn', title: 'SERVICE FQDN' }, { id: 'notAfter', title: 'NOT AFTER' }],
  rows: [
    { cells: [HOSTILE, '2026-01-01T00:00:00Z'], tone: 'error', ref: { kind: 'DestinationRule', namespace: 'ns', name: 'dr', subset: 'v1' } },
    { cells: ['plain', 42] },
  ],
};

test('hostile names become text nodes; only table elements are created', () => {
  const q = { filter: '', sortCol: 'fqdn', desc: false, page: 0 };
  const revealed: ResourceRef[] = [];
  const root = dom.buildTable(fakeDoc, table, ts.computeView(table, q), q, { sort: () => undefined, reveal: (r) => revealed.push(r) }) as FakeEl;
  const nodes = root.all();
  assert.deepEqual([...new Set(nodes.map((n) => n.tag))].sort(), ['table', 'tbody', 'td', 'th', 'thead', 'tr']);
  const cell = nodes.find((n) => n.tag === 'td' && n.textContent === HOSTILE);
  assert.ok(cell, 'the hostile name is shown verbatim as text');
  assert.equal(cell.attrs.get('data-col'), 'fqdn');
  assert.ok(!nodes.some((n) => n.tag === 'img'));
  const rows = nodes.filter((n) => n.tag === 'tr' && n.attrs.has('data-row'));
  assert.equal(rows[0]!.className, 'tone-error linked');
  rows[0]!.listeners.get('click')!({});
  assert.deepEqual(revealed, [{ kind: 'DestinationRule', namespace: 'ns', name: 'dr', subset: 'v1' }]);
  assert.equal(rows[1]!.listeners.has('click'), false, 'rows without a resource are not links');
  const th = nodes.filter((n) => n.tag === 'th');
  assert.equal(th[0]!.textContent, 'SERVICE FQDN ▲');
  assert.equal(th[0]!.attrs.get('aria-sort'), 'ascending');
  assert.equal(nodes.find((n) => n.tag === 'td' && n.textContent === '42')!.attrs.get('data-col'), 'notAfter');
});

test('bootstrap pairs and raw JSON are text too', () => {
  const pairs = dom.buildPairs(fakeDoc, [['Node ID', HOSTILE]]) as FakeEl;
  assert.equal(pairs.all().find((n) => n.tag === 'dd')!.textContent, HOSTILE);
  const raw = dom.buildRaw(fakeDoc, `{"name":"${HOSTILE}"}`, true) as FakeEl;
  assert.equal(raw.all().find((n) => n.tag === 'pre')!.textContent, `{"name":"${HOSTILE}"}`);
  assert.match(raw.all().find((n) => n.tag === 'p')!.textContent ?? '', /cut short/);
});

test('the webview sources never use markup-parsing APIs or eval', () => {
  const dir = path.join(repoRoot(), 'client', 'webview');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.includes('main.ts') && files.includes('dom.ts'));
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const bad of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'srcdoc', 'DOMParser', 'createContextualFragment']) {
      assert.ok(!text.includes(bad), `${f} uses ${bad}`);
    }
  }
});
