import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, Workspace } from './helpers';
import { codeFixes } from '../../../server/src/core/analysis/codeFixes';

const VMS = 'file:///vms.yaml';
const SE = 'file:///se.yaml';
const group = `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata: {name: vm-shopping-cart, namespace: shop}
spec:
  metadata:
    labels: {app: shopping-cart, version: v1}
`;
const entry = (app: string, meta = 'metadata: {name: cart, namespace: shop}') => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
${meta}
spec:
  hosts: [cart.shop.internal]
  ports: [{number: 80, name: http, protocol: HTTP}]
  workloadSelector:
    labels:
      app: ${app}
`;

const fix = (w: Workspace, uri: string, title: RegExp) => {
  const f = w.analysis.findingsOf(uri)[0];
  const fixes = codeFixes(w.analysis.index, f, w.textOf);
  const chosen = fixes.find((x) => title.test(x.title));
  assert.ok(chosen, `no fix ${title} among ${fixes.map((x) => x.title).join(' | ')}`);
  const byUri = new Map<string, string>();
  for (const e of chosen.edits) byUri.set(e.uri, applyEdits(byUri.get(e.uri) ?? w.textOf(e.uri)!, [e]));
  return Object.fromEntries(byUri);
};

test('did-you-mean replace fixes the selector and clears the finding', () => {
  const w = new Workspace({ [VMS]: group, [SE]: entry('shoping-cart') });
  assert.deepEqual(w.codes(SE), ['HM4001']);
  const edited = fix(w, SE, /^Change to "shopping-cart"$/);
  assert.equal(edited[SE], entry('shopping-cart'));
  w.set(edited);
  assert.deepEqual(w.codes(SE), []);
});

test('suppress adds the annotation to block and flow metadata, or extends an existing one', () => {
  for (const meta of ['metadata: {name: cart, namespace: shop}', 'metadata:\n  name: cart\n  namespace: shop', 'metadata:\n  name: cart\n  annotations:\n    galley.istio.io/analyze-suppress: "IST0134"']) {
    const w = new Workspace({ [SE]: entry('ghost', meta) });
    assert.deepEqual(w.codes(SE), ['HM4001'], meta);
    const edited = fix(w, SE, /^Suppress HM4001 on ServiceEntry cart$/);
    w.set(edited);
    assert.deepEqual(w.codes(SE), [], edited[SE]);
  }
});

const DR = 'file:///dr.yaml';
const VS = 'file:///vs.yaml';
const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cart, namespace: shop}
spec:
  hosts: [cart.shop.internal]
  http:
  - route:
    - destination: {host: cart.shop.internal, subset: v3}
`;
test('"add missing subset" inserts into block, flow or absent subsets and clears IST0101', () => {
  const drs = [
    'spec:\n  host: cart.shop.internal\n  subsets:\n  - name: v1\n    labels: {version: v1}\n',
    'spec:\n  host: cart.shop.internal\n  subsets: [{name: v1, labels: {version: v1}}]\n',
    'spec:\n  host: cart.shop.internal\n',
  ];
  for (const spec of drs) {
    const w = new Workspace({ [VMS]: group, [SE]: entry('shopping-cart'), [VS]: vs, [DR]: `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: cart, namespace: shop}\n${spec}` });
    assert.deepEqual(w.codes(VS), ['IST0101']);
    const edited = fix(w, VS, /^Add subset "v3" \(version: v3\) to DestinationRule shop\/cart$/);
    assert.deepEqual(Object.keys(edited), [DR]);
    w.set(edited);
    assert.deepEqual(w.codes(VS), [], edited[DR]);
    // The new subset selects nothing yet, and says so.
    assert.deepEqual(w.analysis.findingsOf(DR).map((f) => f.message), ['The Subset v3 defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).']);
  }
});

test('fixes are chosen by code and data: a finding without data offers only suppression', () => {
  const w = new Workspace({ [SE]: entry('ghost') });
  const f = { ...w.analysis.findingsOf(SE)[0], message: 'did you mean `app: x`?' };
  assert.deepEqual(codeFixes(w.analysis.index, f, w.textOf).map((x) => x.title), ['Suppress HM4001 on ServiceEntry cart']);
});
