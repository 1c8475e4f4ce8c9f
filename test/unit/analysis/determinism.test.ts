import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from './helpers';
import { editDistance } from '../../../server/src/core/text/editDistance';

/** The full-matrix optimal string alignment distance the rolling-row version must agree with. */
function referenceDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length][b.length];
}

test('editDistance: transpositions count once, early exit past max, equal to the full matrix on random strings', () => {
  assert.equal(editDistance('cart', 'crat'), 1);
  assert.equal(editDistance('cart', 'carts'), 1);
  assert.equal(editDistance('cart', 'cart'), 0);
  assert.equal(editDistance('ab', ''), 4); // an empty candidate gives up at once
  assert.equal(editDistance('', 'ab'), 2);
  assert.equal(editDistance('shopping', 'xxxxxxxx', 2), 3);
  let seed = 11;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const word = () => Array.from({ length: rnd(7) }, () => 'abc-'[rnd(4)]).join('');
  for (let i = 0; i < 3000; i++) {
    const a = word();
    const b = rnd(3) === 0 ? a.split('').reverse().join('') : word();
    const max = 1 + rnd(3);
    assert.equal(editDistance(a, b, max), referenceDistance(a, b, max), `${a} / ${b} / ${max}`);
  }
});

// Two near misses of equal standing: the inline endpoints of one ServiceEntry share a place (same
// resource), so only their position can break the tie.
const ENDPOINTS = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: inline, namespace: shop}
spec:
  hosts: [inline.internal]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: STATIC
  endpoints:
  - {address: 10.0.0.2, labels: {app: cartz}}
  - {address: 10.0.0.1, labels: {app: carts}}
`;
const SELECTOR = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: cart, namespace: shop}
spec:
  hosts: [cart.internal]
  ports: [{number: 80, name: http, protocol: HTTP}]
  workloadSelector:
    labels: {app: cart}
`;
const WG = (name: string, app: string) => `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata: {name: ${name}, namespace: shop}
spec:
  metadata:
    labels: {app: ${app}}
`;
const WE = (name: string, app: string) => `apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: ${name}, namespace: shop}
spec:
  address: 10.1.0.1
  labels: {app: ${app}}
`;

const hm4001 = (ws: Workspace) => {
  const f = ws.analysis.findingsOf('file:///se.yaml').find((x) => x.code === 'HM4001');
  assert.ok(f, 'HM4001 expected');
  return f;
};

test('HM4001 did-you-mean: endpoints of one ServiceEntry tie-break by position, whatever the indexing order', () => {
  const forward = new Workspace({ 'file:///ep.yaml': ENDPOINTS, 'file:///se.yaml': SELECTOR });
  const backward = new Workspace({ 'file:///se.yaml': SELECTOR, 'file:///ep.yaml': ENDPOINTS });
  const msg = hm4001(forward).message;
  assert.match(msg, /did you mean `app: cartz` \(ServiceEntryEndpoint inline\)\?/);
  assert.equal(hm4001(backward).message, msg);
  // Re-indexing the endpoints file (removed, then added back) changes set order, not the answer.
  backward.set({ 'file:///ep.yaml': null });
  assert.doesNotMatch(hm4001(backward).message, /did you mean/);
  backward.set({ 'file:///ep.yaml': ENDPOINTS });
  assert.deepEqual(hm4001(backward), hm4001(forward));
});

test('HM4001 did-you-mean: kind rank first, then name, independent of file order and edit history', () => {
  const files = {
    'file:///b.yaml': WG('vm-b', 'carts'),
    'file:///a.yaml': WG('vm-a', 'cartx'),
    'file:///e.yaml': WE('vm-0', 'carty'),
    'file:///se.yaml': SELECTOR,
  };
  const one = new Workspace(files);
  const two = new Workspace(Object.fromEntries(Object.entries(files).reverse()));
  // WorkloadGroups outrank the WorkloadEntry; vm-a sorts before vm-b.
  assert.match(hm4001(one).message, /did you mean `app: cartx` \(WorkloadGroup vm-a\)\?/);
  assert.deepEqual(hm4001(two), hm4001(one));
  // vm-a goes away: vm-b is next; back again: vm-a wins although it was indexed last.
  two.set({ 'file:///a.yaml': null });
  assert.match(hm4001(two).message, /did you mean `app: carts` \(WorkloadGroup vm-b\)\?/);
  two.set({ 'file:///a.yaml': WG('vm-a', 'cartx') });
  assert.deepEqual(hm4001(two), hm4001(one));
  // No group left near: the WorkloadEntry is the candidate.
  two.set({ 'file:///a.yaml': null, 'file:///b.yaml': null });
  assert.match(hm4001(two).message, /did you mean `app: carty` \(WorkloadEntry vm-0\)\?/);
});

test('the first edit after a cold start re-checks exactly the dependents (reverse map built on demand)', () => {
  const ws = new Workspace({ 'file:///a.yaml': WG('vm-cart', 'cart'), 'file:///se.yaml': SELECTOR, 'file:///other.yaml': WG('vm-x', 'x') });
  assert.deepEqual(ws.codes('file:///se.yaml'), []);
  const out = ws.set({ 'file:///a.yaml': WG('vm-cart', 'carts') });
  assert.deepEqual([...out.keys()].sort(), ['file:///a.yaml', 'file:///se.yaml']);
  assert.deepEqual(ws.codes('file:///se.yaml'), ['HM4001']);
  // Re-checked: the edited group and the ServiceEntry that looked its label up; not vm-x.
  assert.equal(ws.analysis.lastChecked, 2);
  ws.set({ 'file:///a.yaml': WG('vm-cart', 'cart') });
  assert.deepEqual(ws.codes('file:///se.yaml'), []);
});
