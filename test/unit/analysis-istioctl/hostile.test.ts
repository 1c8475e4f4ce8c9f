// Malformed resources never make an istioctl-parity analyzer throw (HM4099 would report it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { allAnalyzers, Analysis } from '../../../server/src/core/analysis/index';

const docs = [
  'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a, namespace: x}\nspec: {hosts: [1, null, "*"], gateways: [3, "", "/", "x/"], exportTo: "no", http: [null, [], "x", {match: [null, 7, {uri: null}, {uri: {prefix: 5}}], name: 9}, {match: {}}], tcp: "x", tls: [{match: [null]}]}',
  'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: b, namespace: x}\nspec: {hosts: [h], gateways: [g], http: [{match: [{headers: {"@request.auth.claims": null}, withoutHeaders: 5, uri: {prefix: /a}, method: 3, queryParams: [1]}, {uri: {prefix: /ab}, headers: null}]}]}',
  'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: x}\nspec: {selector: null, servers: [null, {hosts: [null, "/", "x/", "./"]}, {hosts: "h"}]}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\nspec: {type: ExternalName, ports: [null, 5, {name: 7, port: "80", appProtocol: 3}, {}]}',
  'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: s, namespace: x}\nspec: {workloadSelector: {labels: [1]}}',
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: x, labels: {istio.io/dataplane-mode: ambient}}',
  'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: t, namespace: x}\nspec: null',
];

test('hostile input: findings, but no analyzer failure', () => {
  const analysis = new Analysis(allAnalyzers.filter((a) => a.name.startsWith('ist')));
  const text = docs.join('\n---\n');
  analysis.apply([{ uri: 'file:///h.yaml', resources: resourcesOf(parseYamlFile('file:///h.yaml', text)) }]);
  const codes = analysis.findingsOf('file:///h.yaml').map((f) => f.code);
  assert.ok(!codes.includes('HM4099'), JSON.stringify(analysis.findingsOf('file:///h.yaml').filter((f) => f.code === 'HM4099').map((f) => f.message)));
  assert.ok(codes.includes('IST0150'));
  assert.ok(codes.includes('IST0167'));
});
