// One small mesh behind the Kubernetes API stand-in, shared by the proxy-layer and view tests:
// a sidecar pod reached by port-forward, a pod without a sidecar, istiod, and a VM known to
// istiod through its WorkloadEntry. Extra pods are listed after the plain one.
import { buildSidecar, createMeshRoot, serveIstiod, serveSidecar, type ScenarioName } from '../../../../server/src/proxy/simulator';
import { startKubeStandIn, type KubeStandIn, type StandInPod, type StandInWorkloadEntry } from './kubeStandIn';

export interface KubeMeshOptions {
  podScenario: ScenarioName;
  vm: Omit<StandInWorkloadEntry, 'address'> & { scenario: ScenarioName };
  extraPods?: StandInPod[];
}

/** The stand-in API; `close` also stops the sidecar and istiod behind it. */
export async function startKubeMesh(opts: KubeMeshOptions): Promise<KubeStandIn> {
  const ca = createMeshRoot();
  const port = (url: string): number => Number(new URL(url).port);
  const pod = await serveSidecar(buildSidecar({ scenario: opts.podScenario, name: 'reviews-v1-abc', namespace: 'default', ca }), { agentPort: 0 });
  const istiod = await serveIstiod([buildSidecar({ scenario: opts.vm.scenario, name: opts.vm.name, namespace: opts.vm.namespace, ca })]);
  const stopSims = async (): Promise<void> => { await Promise.all([pod.close(), istiod.close()]); };
  const api = await startKubeStandIn([
    { name: 'reviews-v1-abc', namespace: 'default', containers: ['reviews', 'istio-proxy'], ports: { 15000: port(pod.adminUrl), 15020: port(pod.agentUrl) } },
    { name: 'plain', namespace: 'default', containers: ['nginx'], ports: {} },
    ...(opts.extraPods ?? []),
    { name: 'istiod-7d9', namespace: 'istio-system', containers: ['discovery'], labels: { app: 'istiod' }, ports: { 15014: port(istiod.url) } },
  ], [{ name: opts.vm.name, namespace: opts.vm.namespace, network: opts.vm.network, address: '10.128.0.15' }])
    .catch(async (e: unknown) => { await stopSims(); throw e; });
  return { ...api, close: async () => { await Promise.all([api.close(), stopSims()]); } };
}
