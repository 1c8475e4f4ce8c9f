import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from './helpers';
import { codeLenses, definitionsAt, hoverAt, referencesTo } from '../../../server/src/core/analysis/navigation';
import { completionsAt } from '../../../server/src/core/analysis/completions';

const VMS = 'file:///vms.yaml';
const SVC = 'file:///svc.yaml';
const ws = () => new Workspace({
  [VMS]: `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata: {name: vm-shopping-cart, namespace: shop}
spec:
  metadata:
    labels: {app: shopping-cart}
  template: {serviceAccount: cart-sa}
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: vm-shopping-cart-1, namespace: shop}
spec: {address: 10.0.0.1, labels: {app: shopping-cart, version: v1}, serviceAccount: cart-sa}
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: vm-shopping-cart-2, namespace: shop}
spec: {address: 10.0.0.2, labels: {app: shopping-cart, version: v2}, serviceAccount: cart-sa}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: shopping-cart-k8s, namespace: shop}
spec:
  replicas: 3
  template:
    metadata:
      labels: {app: shopping-cart, version: v1}
    spec: {serviceAccountName: cart-sa, containers: [{name: c, image: c:1}]}
`,
  [SVC]: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: cart, namespace: shop}
spec:
  hosts: [cart.shop.internal]
  ports: [{number: 80, name: http, protocol: HTTP}]
  workloadSelector:
    labels: {app: shopping-cart}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: cart, namespace: shop}
spec:
  host: cart.shop.internal
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cart, namespace: shop}
spec:
  hosts: [cart.shop.internal]
  http:
  - route:
    - destination: {host: cart.shop.internal, subset: v2}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: cart, namespace: shop}
spec:
  selector: {matchLabels: {app: shopping-cart}}
  rules: [{from: [{source: {principals: [cluster.local/ns/shop/sa/cart-sa]}}]}]
`,
});

const text = (w: Workspace, l: { uri: string; span: { start: number; end: number } }) => w.texts.get(l.uri)!.slice(l.span.start, l.span.end);

test('definition: VS subset -> DR subset, selector -> selected workloads, principal -> identities', () => {
  const w = ws();
  const subset = definitionsAt(w.analysis.index, SVC, w.at(SVC, 'subset: v2', 9));
  assert.deepEqual(subset.map((l) => [l.label, text(w, l), w.texts.get(SVC)!.lastIndexOf('name: v2') + 6 === l.span.start]), [['DestinationRule shop/cart subset v2', 'v2', true]]);
  const sel = definitionsAt(w.analysis.index, SVC, w.at(SVC, 'shopping-cart}'));
  assert.deepEqual(sel.map((l) => l.label).sort(), ['Deployment shop/shopping-cart-k8s', 'WorkloadEntry shop/vm-shopping-cart-1', 'WorkloadEntry shop/vm-shopping-cart-2', 'WorkloadGroup shop/vm-shopping-cart']);
  const sub = definitionsAt(w.analysis.index, SVC, w.at(SVC, 'version: v1', 10));
  assert.deepEqual(sub.map((l) => l.label).sort(), ['Deployment shop/shopping-cart-k8s', 'WorkloadEntry shop/vm-shopping-cart-1']);
  const principal = definitionsAt(w.analysis.index, SVC, w.at(SVC, 'cluster.local/ns/shop', 3));
  assert.equal(principal.length, 4);
  assert.ok(principal.every((l) => l.uri === VMS));
  assert.deepEqual(definitionsAt(w.analysis.index, SVC, w.at(SVC, 'kind: Virtual')), []);
});

test('references: who selects this WorkloadGroup; which routes use this subset', () => {
  const w = ws();
  const refs = referencesTo(w.analysis.index, VMS, w.at(VMS, 'vm-shopping-cart,'));
  assert.deepEqual(refs.map((l) => l.label).sort(), ['AuthorizationPolicy shop/cart', 'ServiceEntry shop/cart']);
  const routes = referencesTo(w.analysis.index, SVC, w.at(SVC, 'name: v2', 6));
  assert.deepEqual(routes.map((l) => [l.label, text(w, l)]), [['VirtualService shop/cart', 'v2']]);
});

test('hover and code lens summarize VMs and pods', () => {
  const w = ws();
  assert.equal(hoverAt(w.analysis.index, SVC, w.at(SVC, 'shopping-cart}')),
    'selects 2 VMs (WorkloadEntry vm-shopping-cart-1, WorkloadEntry vm-shopping-cart-2), 1 WorkloadGroup (vm-shopping-cart) and 3 pods (Deployment shopping-cart-k8s)');
  assert.equal(hoverAt(w.analysis.index, SVC, w.at(SVC, 'version: v2', 10)), 'selects 1 VM (WorkloadEntry vm-shopping-cart-2)');
  assert.equal(hoverAt(w.analysis.index, SVC, w.at(SVC, 'hosts')), undefined);
  assert.deepEqual(codeLenses(w.analysis.index, VMS).map((l) => l.title), ['2 VMs registered · selected by ServiceEntry shop/cart']);
  assert.equal(codeLenses(w.analysis.index, SVC)[0].title.startsWith('selects 2 VMs'), true);
});

test('completion: label values, subsets, hosts, principals', () => {
  const w = ws();
  const labels = (o: number) => completionsAt(w.analysis.index, SVC, o).map((c) => `${c.kind}:${c.label}`);
  assert.deepEqual(labels(w.at(SVC, 'version: v1', 10)), ['labelValue:v1', 'labelValue:v2']);
  assert.deepEqual(labels(w.at(SVC, 'subset: v2', 9)), ['subset:v1', 'subset:v2']);
  assert.deepEqual(labels(w.at(SVC, 'host: cart.shop.internal,', 7)), ['host:cart.shop.internal']);
  assert.deepEqual(labels(w.at(SVC, 'cluster.local/ns', 1)), ['principal:cluster.local/ns/shop/sa/cart-sa']);
});
