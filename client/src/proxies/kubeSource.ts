// The Kubernetes part of the view: contexts from the kubeconfig, then the mesh proxies (pods
// with a sidecar, WorkloadEntries) of one context, grouped by namespace. The client-node module
// is loaded only when the user expands the Kubernetes group of a trusted workspace.
import { kubeModule } from './kubeModule';
import type { KubeProxyRef } from './targets';

export interface KubeContexts { contexts: string[]; current: string }

export async function kubeContexts(kubeconfig?: string): Promise<KubeContexts> {
  const kube = kubeModule();
  const k = kube.loadKube({ kubeconfig });
  return { contexts: k.kc.getContexts().map((c) => c.name), current: k.context };
}

/** namespace -> proxies, namespaces sorted. */
export async function kubeProxies(context: string, kubeconfig?: string): Promise<Map<string, KubeProxyRef[]>> {
  const kube = kubeModule();
  const k = kube.loadKube({ kubeconfig, context });
  const list = await kube.listMeshProxies(k);
  const byNs = new Map<string, KubeProxyRef[]>();
  for (const p of list) {
    const ref: KubeProxyRef = { context, namespace: p.namespace, name: p.name, kind: p.kind, proxyId: p.proxyId, ...(kubeconfig ? { kubeconfig } : {}) };
    (byNs.get(p.namespace) ?? byNs.set(p.namespace, []).get(p.namespace)!).push(ref);
  }
  return byNs;
}
