import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KubeForwardConnection, parseKubeTarget } from '../../../server/src/proxy/kube/podConnection';
import { listMeshProxies, loadKube } from '../../../server/src/proxy/kube/kubeClient';
import { getJson } from '../../../server/src/proxy/fetchBody';
import { ProxyConnectionError } from '../../../server/src/proxy/errors';
import { freePort } from '../../../server/src/proxy/transport/freePort';
import { startKubeMesh } from './support/kubeMesh';
import type { KubeStandIn } from './support/kubeStandIn';

let api: KubeStandIn;

before(async () => {
  const dead = await freePort();
  api = await startKubeMesh({
    podScenario: 'unhealthy-endpoints',
    vm: { name: 'vm-ratings-1', namespace: 'vm-ns', network: 'vm-network', scenario: 'nacked' },
    extraPods: [{ name: 'broken-0', namespace: 'default', containers: ['app', 'istio-proxy'], ports: { 15000: dead, 15020: dead } }],
  });
});
after(async () => { await api?.close(); });

test('parses [context/]namespace/pod', () => {
  assert.deepEqual(parseKubeTarget('default/reviews'), { context: undefined, namespace: 'default', name: 'reviews' });
  assert.deepEqual(parseKubeTarget('kind-a/default/reviews'), { context: 'kind-a', namespace: 'default', name: 'reviews' });
  assert.throws(() => parseKubeTarget('reviews'), /expected \[context\/\]namespace\/pod, got 'reviews'/);
});

test('lists sidecar pods and WorkloadEntries across namespaces', async () => {
  const proxies = await listMeshProxies(loadKube({ kubeconfig: api.kubeconfig }));
  assert.deepEqual(proxies.map((p) => `${p.kind} ${p.namespace}/${p.name} ${p.proxyId}`), [
    'pod default/broken-0 broken-0.default',
    'pod default/reviews-v1-abc reviews-v1-abc.default',
    'vm vm-ns/vm-ratings-1 vm-ratings-1.vm-ns',
  ]);
  assert.ok(api.requests.includes('GET /api/v1/pods'));
  assert.ok(api.requests.includes('GET /apis/networking.istio.io/v1/workloadentries'));
});

test('port-forwards to a pod admin and agent port over the WebSocket channel protocol', async () => {
  const conn = await KubeForwardConnection.pod(parseKubeTarget('stand-in/default/reviews-v1-abc'), { kubeconfig: api.kubeconfig });
  try {
    assert.equal(conn.describe(), 'k8s stand-in/default/reviews-v1-abc');
    const clusters = await getJson(conn, '/clusters?format=json') as { cluster_statuses: { name: string; host_statuses: { health_status: { eds_health_status: string } }[] }[] };
    const reviews = clusters.cluster_statuses.find((c) => c.name === 'outbound|9080||reviews.default.svc.cluster.local');
    assert.equal(reviews?.host_statuses[0].health_status.eds_health_status, 'UNHEALTHY');
    const dump = await getJson(conn, '/config_dump?include_eds') as { configs: unknown[] };
    assert.equal(dump.configs.length, 7, 'a 60 KB body crosses the channel intact');
    assert.equal((await conn.get('/healthz/ready')).status, 200);
    assert.ok(api.requests.some((r) => r === 'UPGRADE /api/v1/namespaces/default/pods/reviews-v1-abc/portforward?ports=15000'));
    assert.ok(api.requests.some((r) => r === 'UPGRADE /api/v1/namespaces/default/pods/reviews-v1-abc/portforward?ports=15020'));
  } finally { await conn.close(); }
});

test('a pod whose port refuses gives a one-line port-forward error', async () => {
  const conn = await KubeForwardConnection.pod(parseKubeTarget('default/broken-0'), { kubeconfig: api.kubeconfig, limits: { totalTimeoutMs: 3000 } });
  try {
    await assert.rejects(conn.get('/server_info'), (e: unknown) => e instanceof ProxyConnectionError
      && /^k8s stand-in\/default\/broken-0\/server_info: port-forward failed: error forwarding port 15000 to pod broken-0: .*connection refused$/.test(e.message));
  } finally { await conn.close(); }
});

test('a VM is read through istiod: syncz and config_dump?proxyID', async () => {
  const conn = await KubeForwardConnection.istiod({ kubeconfig: api.kubeconfig });
  try {
    assert.equal(conn.describe(), 'k8s stand-in/istio-system/istiod-7d9:15014');
    const syncz = await getJson(conn, '/debug/syncz') as { proxy: string; resources: Record<string, { lastError?: string }> }[];
    assert.equal(syncz[0].proxy, 'sidecar~10.128.0.15~vm-ratings-1.vm-ns~vm-ns.svc.cluster.local');
    assert.match(syncz[0].resources['type.googleapis.com/envoy.config.listener.v3.Listener'].lastError ?? '', /duplicate listener/);
    const dump = await getJson(conn, '/debug/config_dump?proxyID=vm-ratings-1.vm-ns') as { configs: Record<string, unknown>[] };
    assert.ok('dynamicActiveClusters' in dump.configs[0], 'camelCase as istiod sends it');
    await assert.rejects(getJson(conn, '/debug/config_dump?proxyID=ghost.vm-ns'), /HTTP 404: Proxy not connected to this Pilot instance/);
    await assert.rejects(conn.get('/debug/adsz'), /not on the read-only allowlist/);
  } finally { await conn.close(); }
});

test('unknown context, missing pod and unreachable API server fail clearly', async () => {
  assert.throws(() => loadKube({ kubeconfig: api.kubeconfig, context: 'nope' }), /no context 'nope' \(have: stand-in, other\)/);
  const conn = await KubeForwardConnection.pod(parseKubeTarget('default/ghost'), { kubeconfig: api.kubeconfig, limits: { totalTimeoutMs: 3000 } });
  try {
    await assert.rejects(conn.get('/ready'), (e: unknown) => e instanceof ProxyConnectionError && e.message === 'k8s stand-in/default/ghost/ready: port-forward failed: the API server answered HTTP 404 to the port-forward of default/ghost (no such pod)');
  } finally { await conn.close(); }
  const dead = await freePort();
  const kube = loadKube({ kubeconfig: api.kubeconfig });
  (kube.kc.getCurrentCluster() as { server: string }).server = `http://127.0.0.1:${dead}`;
  const clusters = kube.kc.clusters.map((c) => ({ ...c, server: `http://127.0.0.1:${dead}` }));
  kube.kc.loadFromOptions({ clusters, users: kube.kc.users, contexts: kube.kc.contexts, currentContext: kube.context });
  kube.server = `http://127.0.0.1:${dead}`;
  await assert.rejects(listMeshProxies(kube), (e: unknown) => e instanceof ProxyConnectionError && e.cause === 'refused'
    && e.message === `http://127.0.0.1:${dead} (stand-in) list pods: connection refused`);
});
