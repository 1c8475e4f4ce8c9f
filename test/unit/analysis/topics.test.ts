import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Topic, TopicRecorder } from '../../../server/src/core/analysis/topic';
import { Workspace } from './helpers';
import { createAnalysis } from '../../../server/src/core/analysis/index';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';

test('topic ids: given on first record, each listed once per check, in first-use order', () => {
  const t = new TopicRecorder();
  const shop = new Topic('wl', 'shop');
  const host = new Topic('host', 'a.shop.svc.cluster.local');
  const ns = new Topic('ns', 'shop');
  const other = new Topic('ns', 'other');
  t.begin();
  t.add(shop);
  t.add(host);
  t.add(shop);
  const first = t.end();
  assert.deepEqual(first, [0, 1]);
  t.begin();
  t.add(host);
  t.add(ns);
  t.add(host);
  assert.deepEqual(t.end(), [1, 2]);
  assert.deepEqual(first, [0, 1], 'a finished recording is not touched by later ones');
  assert.equal(shop.id, 0);
  assert.equal(ns.id, 2);
  assert.equal(other.id, -1, 'a topic nobody recorded has no id');
  assert.equal(new Topic('wl', 'shop', 'app', 'cart').name, 'wl:shop:app=cart');
  assert.equal(new Topic('kind', 'Gateway', 'shop').name, 'kind:Gateway:shop');
});

const AP = (ns: string) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow, namespace: shop}
spec:
  rules:
  - from:
    - source:
        namespaces: [${ns}]
`;
const NS = (name: string) => `apiVersion: v1
kind: Namespace
metadata: {name: ${name}}
`;

// The cold apply does not track presence flips (nobody can depend on them yet): the first
// edits after it must still see a namespace appear and vanish.
test('presence flips right after a cold start wake the checks that read them', () => {
  const ws = new Workspace({ 'file:///ap.yaml': AP('billing'), 'file:///shop.yaml': NS('shop') });
  assert.deepEqual(ws.codes('file:///ap.yaml'), ['HM4009']);
  const out = ws.set({ 'file:///billing.yaml': NS('billing') });
  assert.deepEqual(ws.codes('file:///ap.yaml'), []);
  assert.deepEqual(out.get('file:///ap.yaml'), []);
  ws.set({ 'file:///billing.yaml': null });
  assert.deepEqual(ws.codes('file:///ap.yaml'), ['HM4009']);
  // Another namespace appearing wakes only what reads the list of namespaces (the did-you-mean).
  ws.set({ 'file:///misc.yaml': NS('misc') });
  assert.equal(ws.analysis.lastChecked, 1);
});

const SE = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: cart
  namespace: shop
spec:
  hosts:
  - cart.internal
  workloadSelector:
    labels:
      app: cartt
`;

// The file text only speeds up finding spans: a text that is not the one the resources came
// from (a caller bug) must not move them.
test('a file text that does not match the resources is not used for spans', () => {
  const uri = 'file:///se.yaml';
  const resources = resourcesOf(parseYamlFile(uri, SE));
  const plain = new Workspace({ [uri]: SE }, { noText: true }).analysis.findingsOf(uri);
  assert.equal(plain.length, 1);
  for (const text of [`# moved\n${SE}`, SE.replace('kind: ServiceEntry', 'kind: ServiceEntryX'), SE.replace('apiVersion', 'apiVersionX')]) {
    const a = createAnalysis();
    a.apply([{ uri, resources, text }]);
    assert.deepEqual(a.findingsOf(uri), plain);
  }
  const a = createAnalysis();
  a.apply([{ uri, resources, text: SE }]);
  assert.deepEqual(a.findingsOf(uri), plain);
});
