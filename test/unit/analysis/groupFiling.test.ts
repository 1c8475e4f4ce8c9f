// A WorkloadEntry is compared with the WorkloadGroup whose labels it carries. Groups are filed
// under one of their labels; edits that move a group to another label, or make it stop (or
// start) matching, must reach the entries, as a cold analysis of the same files would say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from './helpers';

const WG = (labels: string, network = 'vm-net') => `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata: {name: vm-cart, namespace: shop}
spec:
  metadata:
    labels: {${labels}}
  template:
    serviceAccount: cart
    network: ${network}
`;
const WE = `apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: cart-1, namespace: shop}
spec:
  address: 10.0.0.1
  network: other-net
  serviceAccount: cart
  labels: {app: cart, tier: vm, version: v1}
`;

test('entry versus group: follows the group through label edits that change where it is filed', () => {
  const ws = new Workspace({ 'file:///wg.yaml': WG('app: cart, tier: vm'), 'file:///we.yaml': WE });
  const mismatch = () => ws.codes('file:///we.yaml').filter((c) => c === 'HM4005');
  assert.deepEqual(mismatch(), ['HM4005']);
  for (const [labels, expected] of [
    ['tier: vm', ['HM4005']], // filed under tier now, still carried
    ['tier: db', []], // not carried any more
    ['aaa: x', []], // filed under a label the entry lacks
    ['app: cart, version: v1', ['HM4005']],
    ['', []], // a group without labels selects nothing
    ['version: v1', ['HM4005']],
  ] as const) {
    ws.set({ 'file:///wg.yaml': WG(labels) });
    assert.deepEqual(mismatch(), expected, `group labels {${labels}}`);
    const cold = new Workspace(Object.fromEntries(ws.texts));
    assert.deepEqual(ws.analysis.findingsOf('file:///we.yaml'), cold.analysis.findingsOf('file:///we.yaml'));
  }
  ws.set({ 'file:///wg.yaml': WG('version: v1', 'other-net') });
  assert.deepEqual(mismatch(), [], 'the group now agrees on the network');
});
