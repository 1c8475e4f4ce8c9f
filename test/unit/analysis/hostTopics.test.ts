// Host lookups depend on more than the host itself: an answer found through a wildcard
// ServiceEntry depends on that wildcard, and an unresolved host's did-you-mean depends on the
// set of hosts. Edits to either must reach the checks that read them (incremental == cold).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from './helpers';

const WILDCARD_SE = (host: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: external, namespace: shop}
spec:
  hosts: ["${host}"]
  ports: [{number: 443, name: https, protocol: HTTPS}]
  resolution: NONE
  location: MESH_EXTERNAL
`;
const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: api, namespace: shop}
spec:
  hosts: [api.shop.svc.cluster.local]
  http:
  - route:
    - destination: {host: api.example.com, port: {number: 443}}
`;
const SVC = (name: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80}]
`;
const DR = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: cart, namespace: shop}
spec:
  host: carts
`;

function assertSameAsCold(ws: Workspace): void {
  const cold = new Workspace(Object.fromEntries(ws.texts));
  for (const uri of ws.texts.keys()) assert.deepEqual(ws.analysis.findingsOf(uri), cold.analysis.findingsOf(uri), uri);
}

test('a destination resolved through a wildcard ServiceEntry follows edits of that wildcard', () => {
  const ws = new Workspace({ 'file:///se.yaml': WILDCARD_SE('*.example.com'), 'file:///vs.yaml': VS });
  assert.deepEqual(ws.codes('file:///vs.yaml'), []);
  ws.set({ 'file:///se.yaml': WILDCARD_SE('*.example.org') });
  assert.deepEqual(ws.codes('file:///vs.yaml'), ['IST0101']);
  assertSameAsCold(ws);
  ws.set({ 'file:///se.yaml': WILDCARD_SE('*.example.com') });
  assert.deepEqual(ws.codes('file:///vs.yaml'), []);
});

test('an unresolved host offers a host that appears later, and drops one that goes away', () => {
  const ws = new Workspace({ 'file:///dr.yaml': DR, 'file:///other.yaml': SVC('payments') });
  const candidates = () => ws.analysis.findingsOf('file:///dr.yaml').map((f) => (f.data as { candidates?: string[] } | undefined)?.candidates);
  assert.deepEqual(ws.codes('file:///dr.yaml'), ['IST0174']);
  assert.deepEqual(candidates(), [undefined]);
  ws.set({ 'file:///cart.yaml': SVC('cart') });
  assert.deepEqual(candidates(), [['cart.shop.svc.cluster.local']]);
  assertSameAsCold(ws);
  ws.set({ 'file:///cart.yaml': null });
  assert.deepEqual(candidates(), [undefined]);
  assertSameAsCold(ws);
});
