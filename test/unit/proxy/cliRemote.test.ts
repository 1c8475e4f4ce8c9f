// proxy-config / proxy-status over SSH (real sshd) and Kubernetes (API stand-in), from the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { buildSidecar, createMeshRoot, serveIstiod, serveSidecar, type RunningIstiod, type RunningSidecar } from '../../../server/src/proxy/simulator';
import { sshdUnavailable, startSshd, type TestSshd } from './support/sshd';
import { startKubeStandIn, type KubeStandIn } from './support/kubeStandIn';

const BIN = path.resolve('bin/hybrid-mesh.js');
const why = sshdUnavailable();
if (why) console.log(`# SKIP ssh CLI test: ${why}`);
const port = (u: string): string => new URL(u).port;

let vm: RunningSidecar;
let pod: RunningSidecar;
let istiod: RunningIstiod;
let sshd: TestSshd | undefined;
let api: KubeStandIn;

before(async () => {
  const ca = createMeshRoot();
  vm = await serveSidecar(buildSidecar({ scenario: 'cert-expiring', name: 'vm-db', namespace: 'vm-ns', ca }), { agentPort: 0 });
  pod = await serveSidecar(buildSidecar({ scenario: 'healthy', name: 'reviews-v1-abc', namespace: 'default', ca }), { agentPort: 0 });
  istiod = await serveIstiod([pod.sidecar, buildSidecar({ scenario: 'nacked', name: 'vm-ratings-1', namespace: 'vm-ns', ca })]);
  api = await startKubeStandIn([
    { name: 'reviews-v1-abc', namespace: 'default', containers: ['reviews', 'istio-proxy'], ports: { 15000: Number(port(pod.adminUrl)), 15020: Number(port(pod.agentUrl)) } },
    { name: 'istiod-7d9', namespace: 'istio-system', containers: ['discovery'], labels: { app: 'istiod' }, ports: { 15014: Number(port(istiod.url)) } },
  ], [{ name: 'vm-ratings-1', namespace: 'vm-ns', address: '10.128.0.15' }]);
  if (!why) sshd = await startSshd();
});
after(async () => { await Promise.all([vm.close(), pod.close(), istiod.close(), api.close(), sshd?.stop()]); });

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

test('proxy-config secret --ssh through a real sshd: the 2 h certificate', { skip: why }, async () => {
  const r = await cli('proxy-config', 'secret', '--ssh', sshd!.alias, '--ssh-config', sshd!.configFile,
    '--remote-admin-port', port(vm.adminUrl), '--remote-agent-port', port(vm.agentUrl), '-o', 'json');
  assert.equal(r.code, 0, r.stderr);
  const leaf = (JSON.parse(r.stdout) as { secrets: { name: string; timeLeftSeconds: number; identity: string }[] }).secrets[0];
  assert.equal(leaf.identity, 'spiffe://cluster.local/ns/vm-ns/sa/vm-db');
  assert.ok(leaf.timeLeftSeconds > 7000 && leaf.timeLeftSeconds <= 7200, String(leaf.timeLeftSeconds));
});

test('proxy-config --ssh with a bad user: exit 2, one line', { skip: why }, async () => {
  const r = await cli('proxy-config', 'cluster', '--ssh', `nobody@${sshd!.alias}`, '--ssh-config', sshd!.configFile);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^hybrid-mesh proxy-config: ssh nobody@sim-vm: ssh failed \(exit code 255\): .*Permission denied.*\n$/);
});

test('proxy-config --k8s: a pod through port-forward, a VM through istiod', async () => {
  const podRun = await cli('proxy-config', 'cluster', '--k8s', 'stand-in/default/reviews-v1-abc', '--kubeconfig', api.kubeconfig, '--fqdn', 'reviews', '-o', 'json');
  assert.equal(podRun.code, 0, podRun.stderr);
  assert.deepEqual((JSON.parse(podRun.stdout) as { clusters: { fqdn: string; destinationRule: string }[] }).clusters.map((c) => [c.fqdn, c.destinationRule]),
    [['reviews.default.svc.cluster.local', 'reviews.default']]);
  const vmRun = await cli('proxy-config', 'listener', '--k8s', 'vm-ns/vm-ratings-1', '--kubeconfig', api.kubeconfig, '-o', 'json');
  assert.equal(vmRun.code, 0, vmRun.stderr);
  assert.ok((JSON.parse(vmRun.stdout) as { listeners: unknown[] }).listeners.length > 0, 'listeners from the camelCase istiod dump');
  assert.ok(api.requests.includes('UPGRADE /api/v1/namespaces/istio-system/pods/istiod-7d9/portforward?ports=15014'));
  const missing = await cli('proxy-config', 'cluster', '--k8s', 'default/ghost', '--kubeconfig', api.kubeconfig, '--timeout', '3000');
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.split('\n').filter(Boolean).length, 1, missing.stderr);
});

test('proxy-status --k8s CONTEXT reads istiod syncz through a port-forward', async () => {
  const r = await cli('proxy-status', '--k8s', 'stand-in', '--kubeconfig', api.kubeconfig);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^NAME\s+CLUSTER\s+ISTIOD\s+VERSION\s+SUBSCRIBED TYPES$/);
  assert.match(lines[1], /^sidecar~10\.128\.0\.15~reviews-v1-abc\.default~default\.svc\.cluster\.local\s+Kubernetes\s+k8s stand-in\/istio-system\/istiod-7d9:15014\s+1\.24\.0\s+4 \(CDS,LDS,EDS,RDS\)$/);
  assert.match(lines[2], /^sidecar~10\.128\.0\.15~vm-ratings-1\.vm-ns~vm-ns/);
  const bad = await cli('proxy-status', '--k8s', 'nope', '--kubeconfig', api.kubeconfig);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^hybrid-mesh proxy-status: kubeconfig .*: no context 'nope' \(have: stand-in, other\)\n$/);
});

test('proxy-status --certs --k8s: pods scanned through port-forwards, VMs from istiod only', async () => {
  const r = await cli('proxy-status', '--certs', '--k8s', 'stand-in', '--kubeconfig', api.kubeconfig, '-o', 'json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { summary: Record<string, number>; proxies: { target: string; proxy: string; ready: boolean | null; certStatus: string | null; sync: string | null; syncSource: string | null; note?: string }[] };
  assert.deepEqual(out.proxies.map((p) => [p.target, p.ready, p.certStatus, p.sync, p.syncSource]), [
    ['k8s stand-in/default/reviews-v1-abc', true, 'OK', 'SYNCED', 'istiod'],
    ['k8s stand-in/vm-ns/vm-ratings-1', null, null, 'ERROR', 'istiod'],
  ]);
  assert.match(out.proxies[1].note ?? '', /^VM: certs and readiness need --admin URL or ssh:HOST/);
  assert.equal(out.summary.adminUnreachable, 1);
  assert.equal(out.summary.unreachable, 0);
});
