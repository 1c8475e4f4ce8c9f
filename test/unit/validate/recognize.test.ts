// Recognition of Istio documents by apiVersion/kind, and type-meta problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, testCore, yaml } from './helpers';

test('a kind not served at that version is an error on apiVersion naming the served versions', () => {
  const text = yaml('apiVersion: security.istio.io/v1', 'kind: WorkloadGroup', 'metadata:', '  name: wg', 'spec: {}');
  const f = check(text);
  assert.equal(f.length, 1);
  assert.deepEqual([f[0].code, f[0].severity, f[0].line, f[0].text], ['HM2002', 'error', 0, 'security.istio.io/v1']);
  assert.equal(f[0].message, 'no matches for kind "WorkloadGroup" in version "security.istio.io/v1": WorkloadGroup is served as networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1');
  const g = check(yaml('apiVersion: networking.istio.io/v1alpha1', 'kind: WorkloadGroup', 'metadata:', '  name: wg', 'spec: {}'));
  assert.equal(g.length, 1);
  assert.equal(g[0].code, 'HM2002');
  assert.equal(g[0].severity, 'error');
  assert.deepEqual([g[0].line, g[0].character, g[0].text], [0, 12, 'networking.istio.io/v1alpha1']);
  assert.equal(g[0].message, 'no matches for kind "WorkloadGroup" in version "networking.istio.io/v1alpha1": WorkloadGroup is served as networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1');
});

test('unknown Istio kind is a warning on kind', () => {
  const f = check(yaml('apiVersion: networking.istio.io/v1', 'kind: VirtualServices', 'metadata:', '  name: x'));
  assert.deepEqual(f.map((x) => [x.code, x.severity, x.line, x.text]), [['HM2001', 'warning', 1, 'VirtualServices']]);
});

test('missing apiVersion or kind in a Kubernetes-looking document', () => {
  const f = check(yaml('kind: ServiceEntry', 'metadata:', '  name: x'));
  assert.deepEqual(f.map((x) => [x.code, x.severity, x.line]), [['HM1011', 'error', 0]]);
  const g = check(yaml('apiVersion: v1', 'metadata:', '  name: x'));
  assert.deepEqual(g.map((x) => [x.code, x.line]), [['HM1012', 0]]);
  const h = check(yaml('apiVersion: 1', 'kind: [a]', 'metadata:', '  name: x'));
  assert.deepEqual(h.map((x) => [x.code, x.line, x.text]), [['HM1013', 0, '1'], ['HM1013', 1, '[a]']]);
  assert.deepEqual(check(yaml('replicas: 3', 'image: nginx')), [], 'not a Kubernetes object: ignored');
});

test('Istio and non-Istio resources are all in the model, with their document index', () => {
  const text = yaml('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', '---', 'apiVersion: networking.istio.io/v1', 'kind: WorkloadEntry', 'metadata:', '  name: vm1', '  namespace: shop', 'spec:', '  address: 10.0.0.1', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c');
  const r = testCore().checkFile('file:///m.yaml', text);
  assert.deepEqual(r.resources.map((x) => [x.docIndex, x.kind, x.name, x.namespace]), [[0, 'Namespace', 'shop', null], [1, 'WorkloadEntry', 'vm1', 'shop'], [2, 'ConfigMap', 'c', null]]);
  assert.deepEqual(r.findings, []);
  // The yaml Document is built on demand with file offsets.
  const we = r.resources[1];
  const node = we.doc.contents as { range: number[] };
  assert.equal(text.slice(node.range[0], node.range[0] + 10), 'apiVersion');
  assert.equal(node.range[0], text.indexOf('apiVersion: networking'));
});
