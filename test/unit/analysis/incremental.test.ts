import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from './helpers';
import { serviceEntrySelector } from '../../../server/src/core/analysis/analyzers/serviceEntrySelector';
import { workloadGroupSelected } from '../../../server/src/core/analysis/analyzers/workloadGroupSelected';

const WG = (app: string, ns = 'shop') => `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata: {name: vm-${app}, namespace: ${ns}}
spec:
  metadata:
    labels: {app: ${app}}
`;
const SE = (app: string, ns = 'shop') => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ${app}, namespace: ${ns}}
spec:
  hosts: [${app}.internal]
  ports: [{number: 80, name: http, protocol: HTTP}]
  workloadSelector:
    labels: {app: ${app}}
`;

test('an edit in one file updates findings in another, and only files whose findings changed are returned', () => {
  const ws = new Workspace({ 'file:///a.yaml': WG('cart'), 'file:///b.yaml': SE('cart'), 'file:///c.yaml': SE('other', 'misc') });
  assert.deepEqual(ws.codes('file:///a.yaml'), []);
  assert.deepEqual(ws.codes('file:///b.yaml'), []);
  assert.deepEqual(ws.codes('file:///c.yaml'), ['HM4001']);

  // The WorkloadGroup's label changes: the ServiceEntry (other file) now selects nothing.
  let out = ws.set({ 'file:///a.yaml': WG('carts') });
  assert.deepEqual([...out.keys()].sort(), ['file:///a.yaml', 'file:///b.yaml']);
  assert.deepEqual(out.get('file:///b.yaml')!.map((f) => f.code), ['HM4001']);
  assert.match(out.get('file:///b.yaml')![0].message, /did you mean `app: carts` \(WorkloadGroup vm-carts\)/);
  assert.deepEqual(out.get('file:///a.yaml')!.map((f) => f.code), ['HM4002']);

  // Back again: both clear; the unrelated file is never reported.
  out = ws.set({ 'file:///a.yaml': WG('cart') });
  assert.deepEqual([...out.entries()].sort(), [['file:///a.yaml', []], ['file:///b.yaml', []]]);

  // Same edit again: nothing changed anywhere.
  assert.equal(ws.set({ 'file:///a.yaml': WG('cart') }).size, 0);
});

test('deleting and renaming a file updates its dependents; text that only moves shifts spans', () => {
  const ws = new Workspace({ 'file:///a.yaml': WG('cart'), 'file:///b.yaml': SE('cart') });
  let out = ws.set({ 'file:///a.yaml': null });
  assert.deepEqual(out.get('file:///b.yaml')!.map((f) => f.code), ['HM4001']);
  assert.deepEqual(ws.analysis.findingsOf('file:///a.yaml'), []);
  // Rename = delete + create in one batch.
  out = ws.set({ 'file:///renamed.yaml': WG('cart') });
  assert.deepEqual(out.get('file:///b.yaml'), []);
  // A comment line above moves every offset of b.yaml's own finding.
  ws.set({ 'file:///renamed.yaml': WG('nothing') });
  const before = ws.analysis.findingsOf('file:///b.yaml')[0].span;
  out = ws.set({ 'file:///b.yaml': `# moved\n${SE('cart')}` });
  assert.deepEqual(out.get('file:///b.yaml')![0].span, { start: before.start + 8, end: before.end + 8 });
});

test('resources without a namespace use the configured default namespace', () => {
  const wg = WG('cart').replace(', namespace: shop', '');
  const se = SE('cart').replace(', namespace: shop', '');
  const dflt = new Workspace({ 'file:///a.yaml': wg, 'file:///b.yaml': se });
  assert.deepEqual(dflt.codes('file:///b.yaml'), []);
  assert.equal(dflt.analysis.index.entriesOf('file:///a.yaml')[0].namespace, 'default');
  const other = new Workspace({ 'file:///a.yaml': wg, 'file:///b.yaml': SE('cart', 'default') }, { defaultNamespace: 'team' });
  assert.deepEqual(other.codes('file:///b.yaml'), ['HM4001']);
});

test('a document reused unchanged keeps its findings, shifted, without being re-checked', () => {
  const ws = new Workspace({ 'file:///a.yaml': WG('carts'), 'file:///b.yaml': `${WG('x')}---\n${SE('cart')}` }, { reuse: true, analyzers: [serviceEntrySelector, workloadGroupSelected] });
  const before = ws.analysis.findingsOf('file:///b.yaml').find((f) => f.code === 'HM4001')!;
  const out = ws.set({ 'file:///b.yaml': `# a comment line\n${WG('x')}---\n${SE('cart')}` });
  const after = out.get('file:///b.yaml')!.find((f) => f.code === 'HM4001')!;
  assert.deepEqual(after.span, { start: before.span.start + 17, end: before.span.end + 17 });
  const dataSpan = (f: typeof after) => (f.data as { span: { start: number; end: number } }).span;
  assert.deepEqual(dataSpan(after), { start: dataSpan(before).start + 17, end: dataSpan(before).end + 17 });
  // Re-checked: the edited WorkloadGroup document, and vm-carts in a.yaml, whose HM4002 finding
  // links to the (moved) ServiceEntry; not the ServiceEntry itself.
  assert.equal(ws.analysis.lastChecked, 2);
});

// Random edits of labels, selectors, hosts, subsets and namespaces: after each batch the
// incremental result must equal a cold analysis of the same texts.
for (const reuse of [false, true]) test(`incremental findings always equal a cold analysis (randomized${reuse ? ', documents reused' : ''})`, () => {
  let seed = 11;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const apps = ['cart', 'cort', 'pay', 'ledger'];
  const nss = ['shop', 'pay'];
  const versions = ['v1', 'v2', 'V2'];
  const file = () => {
    const app = apps[rnd(apps.length)];
    const ns = nss[rnd(nss.length)];
    const v = versions[rnd(versions.length)];
    switch (rnd(6)) {
      case 0: return WG(app, ns);
      case 1: return SE(app, ns);
      case 2: return `apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata: {name: we-${app}, namespace: ${ns}}\nspec: {address: 10.0.0.${rnd(9)}, labels: {app: ${app}, version: ${v}}, serviceAccount: sa-${app}, network: n${rnd(3)}}\n`;
      case 3: return `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: dr-${app}, namespace: ${ns}}\nspec:\n  host: ${app}.internal\n  subsets:\n  - {name: ${v}, labels: {version: ${v}}}\n`;
      case 4: return `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs-${app}, namespace: ${ns}}\nspec:\n  hosts: [x.example]\n  http:\n  - route:\n    - destination: {host: ${app}.internal, subset: ${v}}\n`;
      default: return `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: ap-${app}, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {app: ${app}}}\n  rules: [{from: [{source: {principals: [cluster.local/ns/${nss[rnd(2)]}/sa/sa-${apps[rnd(4)]}]}}]}]\n`;
    }
  };
  const uris = Array.from({ length: 12 }, (_, i) => `file:///w${i}.yaml`);
  const ws = new Workspace(Object.fromEntries(uris.map((u) => [u, `${file()}---\n${file()}`])), { reuse });
  for (let round = 0; round < 60; round++) {
    const batch: Record<string, string | null> = {};
    for (let k = 0; k <= rnd(2); k++) {
      const u = uris[rnd(uris.length)];
      const old = ws.texts.get(u);
      // Often keep one document as it was (possibly moved) so reuse and shifting get exercised.
      batch[u] = rnd(8) === 0 ? null : old && rnd(2) ? `${'# pad\n'.repeat(rnd(3))}${file()}---\n${old.split('---\n').pop()}` : `${file()}---\n${file()}`;
    }
    ws.set(batch);
    const cold = new Workspace(Object.fromEntries([...ws.texts]));
    for (const u of uris) assert.deepEqual(ws.analysis.findingsOf(u), cold.analysis.findingsOf(u), `round ${round} ${u}`);
  }
});
