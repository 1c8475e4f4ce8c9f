// Fleet scan targets from a cluster: every pod with a sidecar (port-forwarded), and every
// WorkloadEntry (VM), whose admin API Kubernetes cannot reach: those get istiod's view only.
import type { Limits } from '../connection';
import type { FleetTarget } from '../fleet/scan';
import { ProxyConnectionError } from '../errors';
import { listMeshProxies, loadKube, type KubeOptions } from './kubeClient';
import { KubeForwardConnection } from './podConnection';

export async function kubeFleetTargets(opts: KubeOptions): Promise<FleetTarget[]> {
  const kube = loadKube(opts);
  const proxies = await listMeshProxies(kube);
  return proxies.map((p): FleetTarget => {
    const label = `k8s ${kube.context}/${p.namespace}/${p.name}`;
    if (p.kind === 'vm') {
      return {
        label,
        open: async () => { throw new ProxyConnectionError(label, 'usage', 'a VM has no admin access through Kubernetes'); },
        adminUnreachable: { proxyIdFragment: p.proxyId, note: 'VM: certs and readiness need --admin URL or ssh:HOST in --fleet' },
      };
    }
    return {
      label,
      open: (limits: Partial<Limits>) => KubeForwardConnection.pod({ context: kube.context, namespace: p.namespace, name: p.name }, { kubeconfig: opts.kubeconfig, limits }),
    };
  });
}
