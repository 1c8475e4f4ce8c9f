// Bad input never crashes an analyzer: wrong types in every field the analysis reads give no
// HM4099 (internal error) and no exception, whatever the kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from './helpers';
import { serviceEntryHosts } from '../../../server/src/core/analysis/analyzers/serviceEntryHosts';

const KINDS = [
  ['networking.istio.io/v1', 'ServiceEntry'], ['networking.istio.io/v1', 'WorkloadEntry'], ['networking.istio.io/v1', 'WorkloadGroup'],
  ['networking.istio.io/v1', 'VirtualService'], ['networking.istio.io/v1', 'DestinationRule'], ['networking.istio.io/v1', 'Sidecar'],
  ['networking.istio.io/v1', 'Gateway'], ['security.istio.io/v1', 'AuthorizationPolicy'], ['security.istio.io/v1', 'PeerAuthentication'],
  ['telemetry.istio.io/v1', 'Telemetry'], ['v1', 'Service'], ['v1', 'Pod'], ['v1', 'ConfigMap'], ['apps/v1', 'Deployment'],
];
const SPECS = [
  'spec: 42',
  'spec: [1, 2]',
  'spec: {hosts: 5, ports: {a: 1}, workloadSelector: [x], labels: [a], selector: "x", subsets: {a: 1}, host: 7, http: {route: 1}, gateways: 3}',
  'spec: {hosts: [null, 1, "*"], ports: [null, {number: "x"}], workloadSelector: {labels: null}, subsets: [null, {labels: [1]}], host: "*", http: [null, {route: [null, {destination: 3}]}], rules: [null, {from: [{source: {principals: [1, null, "a/ns//sa/"], namespaces: 7}}]}]}',
  'spec: {metadata: {labels: [1]}, template: {ports: [1], network: 5}, address: 9, mtls: {mode: 3}, trafficPolicy: {tls: 5, portLevelSettings: [null, {tls: {mode: SIMPLE}, port: 5}]}}',
  'spec: {template: {metadata: 3, spec: {containers: [null, {ports: [null, {name: 1}]}]}}, selector: {matchLabels: 4}}',
];

test('hostile values in every read field never crash the analysis', () => {
  const files: Record<string, string> = { 'file:///cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata: {meshNetworks: "networks: [: bad"}\n' };
  let n = 0;
  for (const [apiVersion, kind] of KINDS) {
    for (const spec of SPECS) files[`file:///h${n++}.yaml`] = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: h${n}, namespace: ns}\n${spec}\n`;
  }
  const ws = new Workspace(files);
  const all = [...ws.analysis.allFindings().values()].flat();
  assert.deepEqual(all.filter((f) => f.code === 'HM4099').map((f) => f.message), []);
  assert.ok(all.length > 0);
});

test('an analyzer that throws yields HM4099 on the resource, and the others still report', () => {
  const boom = { name: 'boom', subjects: ['ServiceEntry'], reads: [], check: () => { throw new Error('kaput'); } };
  const ws = new Workspace({ 'file:///se.yaml': 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: se, namespace: ns}\nspec:\n  hosts: [a.b]\n  ports: [{number: 1, name: tcp}]\n' },
    { analyzers: [boom, serviceEntryHosts] });
  assert.deepEqual(ws.analysis.findingsOf('file:///se.yaml').map((f) => `${f.code} ${f.message}`), [
    'HM4099 Analyzer boom failed on this resource: kaput',
    'IST0134 ServiceEntry addresses are required for this protocol.',
  ]);
});
