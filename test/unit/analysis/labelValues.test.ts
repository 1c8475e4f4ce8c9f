// "Is this label value carried by any workload at all?" is counted only once somebody asks
// (a DestinationRule subset behind auto-registering VMs): the count made then must follow
// every later edit, in namespaces that existed before and in new ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from './helpers';

const WG = `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata: {name: vm-cart, namespace: shop}
spec:
  metadata:
    labels: {app: cart}
  template:
    serviceAccount: cart
`;
const SE = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: cart, namespace: shop}
spec:
  hosts: [cart.internal]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: STATIC
  workloadSelector:
    labels: {app: cart}
`;
const DR = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: cart, namespace: shop}
spec:
  host: cart.internal
  subsets:
  - name: canary
    labels: {version: canary}
`;
const WE = (ns: string) => `apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: other, namespace: ${ns}}
spec:
  address: 10.0.0.9
  labels: {app: other, version: canary}
`;

test('a subset label value counted on demand follows workloads added and removed anywhere', () => {
  const ws = new Workspace({ 'file:///wg.yaml': WG, 'file:///se.yaml': SE, 'file:///dr.yaml': DR, 'file:///misc.yaml': WE('misc').replace('canary', 'stable') });
  const codes = () => ws.codes('file:///dr.yaml');
  assert.deepEqual(codes(), ['IST0173'], 'no workload anywhere carries version: canary');
  const cold = () => new Workspace(Object.fromEntries(ws.texts)).analysis.findingsOf('file:///dr.yaml');
  for (const [uri, text, expected] of [
    ['file:///misc.yaml', WE('misc'), []], // an existing namespace's workload starts carrying it
    ['file:///misc.yaml', WE('misc').replace('canary', 'stable'), ['IST0173']],
    ['file:///new.yaml', WE('brand-new'), []], // a namespace that did not exist when counting began
    ['file:///new.yaml', null, ['IST0173']],
  ] as const) {
    ws.set({ [uri]: text });
    assert.deepEqual(codes(), expected, `${uri} -> ${text === null ? 'deleted' : 'edited'}`);
    assert.deepEqual(ws.analysis.findingsOf('file:///dr.yaml'), cold());
  }
});
