// The istioctl-parity findings follow edits in other files (through the topics they record), and
// an incremental analysis always equals a cold one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Workspace } from '../analysis/helpers';
import { repoRoot } from '../helpers/repo';
import { parseFixture } from '../helpers/fixture';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { allAnalyzers, createAnalysis } from '../../../server/src/core/analysis/index';
import { AnalysisContext } from '../../../server/src/core/analysis/context';

const VS = (name: string, ns: string, host: string, extra = '') => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: ${ns}}
spec:
  hosts: [${host}]
${extra}  tcp:
  - route: [{destination: {host: ${host}}}]
`;
const codes = (ws: Workspace, uri: string) => ws.codes(uri).filter((c) => c.startsWith('IST01') && c !== 'IST0101');

test('IST0109 appears and clears in the other file when a VirtualService changes scope or goes away', () => {
  const ws = new Workspace({ 'file:///a.yaml': VS('a', 'one', 'db.example.com'), 'file:///b.yaml': VS('b', 'two', 'db.example.com') });
  assert.deepEqual(codes(ws, 'file:///a.yaml'), ['IST0109']);
  assert.deepEqual(codes(ws, 'file:///b.yaml'), ['IST0109']);
  let out = ws.set({ 'file:///b.yaml': VS('b', 'two', 'db.example.com', '  exportTo: ["."]\n') });
  assert.deepEqual([...out.keys()].sort(), ['file:///a.yaml', 'file:///b.yaml']);
  assert.deepEqual(codes(ws, 'file:///a.yaml'), []);
  out = ws.set({ 'file:///b.yaml': VS('b', 'two', 'db.example.com', '  gateways: [mesh]\n') });
  assert.match(out.get('file:///a.yaml')![0].message, /^The VirtualServices one\/a,two\/b associated with mesh gateway define the same host \*\/db\.example\.com /);
  out = ws.set({ 'file:///a.yaml': null });
  assert.ok(out.has('file:///b.yaml'));
  assert.deepEqual(codes(ws, 'file:///b.yaml'), []);
});

const GW = (hosts: string) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: public, namespace: edge}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [${hosts}]}]
`;
const GW_POD = (ns: string) => `apiVersion: v1
kind: Pod
metadata: {name: ingress-${ns}, namespace: ${ns}, labels: {istio: ingressgateway}}
spec: {containers: [{name: istio-proxy, image: auto}]}
`;
const CLAIM_VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: edge}
spec:
  hosts: [shop.example.com]
  gateways: [public]
  http:
  - match: [{headers: {"@request.auth.claims.role": {exact: admin}}}]
    route: [{destination: {host: shop.example.com}}]
`;
const SE = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: shop, namespace: edge}
spec:
  hosts: [shop.example.com]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: DNS
`;
const RA = `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: {name: jwt, namespace: istio-system}
spec:
  jwtRules: [{issuer: "https://issuer.example.com"}]
`;

test('IST0132 and IST0149 follow edits of the Gateway, its workloads and RequestAuthentications', () => {
  const ws = new Workspace({ 'file:///gw.yaml': GW('"api.example.com"'), 'file:///se.yaml': SE, 'file:///vs.yaml': CLAIM_VS, 'file:///pods.yaml': GW_POD('istio-system') });
  assert.deepEqual(codes(ws, 'file:///vs.yaml'), ['IST0132', 'IST0149']);
  ws.set({ 'file:///gw.yaml': GW('"*.example.com"') });
  assert.deepEqual(codes(ws, 'file:///vs.yaml'), ['IST0149']);
  // A second gateway pod in a namespace that did not exist before: one finding per pod.
  ws.set({ 'file:///pods2.yaml': GW_POD('edge-pods') });
  assert.deepEqual(ws.analysis.findingsOf('file:///vs.yaml').filter((f) => f.code === 'IST0149').map((f) => f.message.match(/pod \(([^)]+)\)/)![1]), ['ingress-edge-pods', 'ingress-istio-system']);
  // A mesh-wide RequestAuthentication in the root namespace covers every gateway pod.
  ws.set({ 'file:///ra.yaml': RA });
  assert.deepEqual(codes(ws, 'file:///vs.yaml'), []);
  ws.set({ 'file:///ra.yaml': null });
  assert.deepEqual(codes(ws, 'file:///vs.yaml'), ['IST0149', 'IST0149']);
});

const NS = (mode: string) => `apiVersion: v1
kind: Namespace
metadata: {name: amb, labels: {istio.io/dataplane-mode: ${mode}}}
`;
const SIDECAR = `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: default, namespace: amb}
spec:
  egress: [{hosts: ["./*"]}]
`;
const WE = `apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: vm-1, namespace: amb}
spec: {address: 10.0.0.1, labels: {app: vm}}
`;

test('IST0167 follows the Namespace label and the VMs of the namespace', () => {
  const ws = new Workspace({ 'file:///ns.yaml': NS('ambient'), 'file:///sc.yaml': SIDECAR });
  assert.deepEqual(codes(ws, 'file:///sc.yaml'), ['IST0167']);
  ws.set({ 'file:///ns.yaml': NS('none') });
  assert.deepEqual(codes(ws, 'file:///sc.yaml'), []);
  ws.set({ 'file:///ns.yaml': NS('ambient') });
  assert.deepEqual(codes(ws, 'file:///sc.yaml'), ['IST0167']);
  // A VM in the namespace runs a sidecar proxy: the Sidecar applies to it.
  ws.set({ 'file:///we.yaml': WE });
  assert.deepEqual(codes(ws, 'file:///sc.yaml'), []);
});

// Random edits of hosts, exportTo, gateways, claims and gateway hosts: after each batch the
// incremental result equals a cold analysis of the same texts.
test('incremental istioctl-parity findings always equal a cold analysis (randomized)', () => {
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const hosts = ['a.example.com', 'b.example.com', '"*.example.com"', 'svc'];
  const nss = ['one', 'two'];
  const vs = (i: number) => {
    const exportTo = ['', '  exportTo: ["."]\n', '  exportTo: [two]\n'][rnd(3)];
    const gateways = ['', '  gateways: [mesh]\n', '  gateways: [edge/public]\n', '  gateways: [edge/public, mesh]\n'][rnd(4)];
    const claim = rnd(2) ? '  http:\n  - match: [{headers: {"@request.auth.claims.sub": {exact: x}}}]\n    route: [{destination: {host: a.example.com}}]\n' : '';
    return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs${i}, namespace: ${nss[rnd(2)]}}
spec:
  hosts: [${hosts[rnd(hosts.length)]}]
${exportTo}${gateways}${claim}`;
  };
  const files = (): Record<string, string | null> => {
    const pick = rnd(6);
    if (pick === 0) return { 'file:///gw.yaml': rnd(2) ? GW(hosts[rnd(hosts.length)]) : null };
    if (pick === 1) return { 'file:///ra.yaml': rnd(2) ? RA : null };
    if (pick === 2) return { 'file:///pod.yaml': rnd(2) ? GW_POD(nss[rnd(2)]) : null };
    const i = rnd(5);
    return { [`file:///vs${i}.yaml`]: rnd(5) ? vs(i) : null };
  };
  const ws = new Workspace({ 'file:///gw.yaml': GW('"*.example.com"'), 'file:///vs0.yaml': vs(0), 'file:///vs1.yaml': vs(1) });
  for (let step = 0; step < 120; step++) {
    ws.set(files());
    const cold = new Workspace(Object.fromEntries(ws.texts));
    for (const uri of ws.texts.keys()) assert.deepEqual(ws.analysis.findingsOf(uri), cold.analysis.findingsOf(uri), `step ${step} ${uri}`);
  }
});

test('every kind an istioctl-parity analyzer looks up is among its subjects or reads', () => {
  const dir = path.join(repoRoot, 'test/unit/fixtures/analysis-istioctl');
  const workloadKinds = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'WorkloadEntry', 'WorkloadGroup', 'ServiceEntry'];
  for (const a of allAnalyzers.filter((x) => x.name.startsWith('ist'))) {
    const fx = parseFixture(fs.readFileSync(path.join(dir, `${a.name}.yaml`), 'utf8'));
    const analysis = createAnalysis();
    analysis.apply(fx.files.map((f) => ({ uri: f.uri, resources: resourcesOf(parseYamlFile(f.uri, f.text)) })));
    const known = new Set([...a.subjects, ...a.reads]);
    for (const f of fx.files) {
      for (const e of analysis.index.entriesOf(f.uri)) {
        if (!a.subjects.includes(e.resource.kind)) continue;
        const topics = new Set<string>();
        a.check(e, new AnalysisContext(analysis.index, { add: (t) => topics.add(t.name) }));
        for (const t of topics) {
          const kind = t.startsWith('kind:') ? t.split(':')[1] : undefined;
          if (kind) assert.ok(known.has(kind), `${a.name} reads ${kind} without declaring it`);
          if (t.startsWith('wl:')) assert.ok(workloadKinds.every((k) => known.has(k)), `${a.name} reads workloads without declaring them`);
          if (t.startsWith('vsh:')) assert.ok(known.has('VirtualService'), `${a.name} reads VirtualService hosts`);
        }
      }
    }
  }
});
