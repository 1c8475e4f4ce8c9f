// `--k8s [context/]namespace/name`: a pod with a sidecar is port-forwarded directly; a
// WorkloadEntry (VM) is read through istiod's debug endpoint, which has what istiod sends it.
import type { Limits } from '../connection';
import type { ProxyConnection } from '../connection';
import { listMeshProxies, loadKube, type KubeOptions } from './kubeClient';
import { KubeForwardConnection, parseKubeTarget } from './podConnection';

export async function openKubeTarget(text: string, opts: KubeOptions & { limits?: Partial<Limits> }): Promise<{ conn: ProxyConnection; istiodProxyId?: string }> {
  const target = parseKubeTarget(text);
  const context = target.context ?? opts.context;
  const kube = loadKube({ ...opts, context });
  const proxies = await listMeshProxies(kube, target.namespace);
  const vm = proxies.find((p) => p.kind === 'vm' && p.name === target.name);
  if (vm && !proxies.some((p) => p.kind === 'pod' && p.name === target.name)) {
    return { conn: await KubeForwardConnection.istiod({ ...opts, context }), istiodProxyId: vm.proxyId };
  }
  return { conn: await KubeForwardConnection.pod({ ...target, context }, opts) };
}
