// The view's Kubernetes branch against the local Kubernetes API stand-in: contexts, proxies by
// namespace, and inspecting a pod (port-forward) and a VM (istiod's view).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { kubeContexts, kubeProxies } from '../../../client/src/proxies/kubeSource';
import { loadInspection } from '../../../client/src/proxies/load';
import { kubeTarget } from '../../../client/src/proxies/targets';
import { startKubeMesh } from '../proxy/support/kubeMesh';
import type { KubeStandIn } from '../proxy/support/kubeStandIn';

let api: KubeStandIn;

before(async () => {
  api = await startKubeMesh({ podScenario: 'healthy', vm: { name: 'vm-1', namespace: 'vm-ns', scenario: 'healthy' } });
});
after(async () => { await api?.close(); });

test('contexts come from the kubeconfig; proxies are grouped by namespace', async () => {
  assert.deepEqual(await kubeContexts(api.kubeconfig), { contexts: ['stand-in', 'other'], current: 'stand-in' });
  const byNs = await kubeProxies('stand-in', api.kubeconfig);
  assert.deepEqual([...byNs.keys()], ['default', 'vm-ns']);
  assert.deepEqual(byNs.get('default')!.map((p) => `${p.kind} ${p.name}`), ['pod reviews-v1-abc']);
  assert.deepEqual(byNs.get('vm-ns')!.map((p) => `${p.kind} ${p.name} ${p.proxyId}`), ['vm vm-1 vm-1.vm-ns']);
  await assert.rejects(kubeContexts('/nonexistent/kubeconfig'), /kubeconfig \/nonexistent\/kubeconfig.*cannot load/);
});

test('a pod is inspected through a port-forward, a WorkloadEntry through istiod', async () => {
  const byNs = await kubeProxies('stand-in', api.kubeconfig);
  const podTarget = kubeTarget(byNs.get('default')![0]!);
  assert.equal(podTarget.id, 'k8s:stand-in/default/reviews-v1-abc');
  const p = await loadInspection(podTarget, Date.now(), { totalTimeoutMs: 10_000 });
  assert.ok(p.rows.cluster.length > 0 && p.rows.secret.length > 0);
  assert.ok(api.requests.includes('UPGRADE /api/v1/namespaces/default/pods/reviews-v1-abc/portforward?ports=15000'));
  const vm = await loadInspection(kubeTarget(byNs.get('vm-ns')![0]!), Date.now(), { totalTimeoutMs: 10_000 });
  assert.ok(vm.rows.cluster.length > 0);
  assert.match(vm.notes[0]!, /istiod's view/);
  assert.ok(api.requests.includes('UPGRADE /api/v1/namespaces/istio-system/pods/istiod-7d9/portforward?ports=15014'));
});
