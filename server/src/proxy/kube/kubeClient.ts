// The Kubernetes side: kubeconfig contexts, and the proxies a cluster knows about (pods with an
// istio-proxy container, WorkloadEntries for VMs). The only place that imports client-node,
// together with the port-forward in this folder.
import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { ProxyConnectionError, oneLine } from '../errors';
import { compareText } from '../../core/text/compare';

export interface KubeOptions {
  /** kubeconfig file; default: $KUBECONFIG or ~/.kube/config. */
  kubeconfig?: string;
  context?: string;
  /** Per-API-call timeout. */
  timeoutMs?: number;
}

export interface MeshProxy {
  kind: 'pod' | 'vm';
  name: string;
  namespace: string;
  /** istiod proxy id fragment (`name.namespace`). */
  proxyId: string;
  address?: string;
  /** Pod phase, or the WorkloadEntry's network for VMs. */
  detail?: string;
}

export interface Kube {
  kc: KubeConfig;
  context: string;
  server: string;
  timeoutMs: number;
}

export function loadKube(opts: KubeOptions = {}): Kube {
  const kc = new KubeConfig();
  try {
    if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
    else kc.loadFromDefault();
  } catch (e) {
    throw new ProxyConnectionError(`kubeconfig ${opts.kubeconfig ?? '(default)'}`, 'usage', `cannot load: ${(e as Error).message}`);
  }
  if (opts.context) {
    if (!kc.getContexts().some((c) => c.name === opts.context)) {
      throw new ProxyConnectionError(`kubeconfig ${opts.kubeconfig ?? '(default)'}`, 'usage', `no context '${opts.context}' (have: ${kc.getContexts().map((c) => c.name).join(', ') || 'none'})`);
    }
    kc.setCurrentContext(opts.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new ProxyConnectionError(`kubeconfig ${opts.kubeconfig ?? '(default)'}`, 'usage', 'no current context or cluster');
  return { kc, context: kc.getCurrentContext(), server: cluster.server, timeoutMs: opts.timeoutMs ?? 10_000 };
}

/** Runs one API call with a timeout and turns client-node's errors into one line. */
export async function apiCall<T>(kube: Kube, what: string, call: () => Promise<T>): Promise<T> {
  const endpoint = `${kube.server} (${kube.context}) ${what}`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProxyConnectionError(endpoint, 'timeout', `no answer within ${kube.timeoutMs} ms`)), kube.timeoutMs);
  });
  try {
    return await Promise.race([call(), timeout]);
  } catch (e) {
    if (e instanceof ProxyConnectionError) throw e;
    throw new ProxyConnectionError(endpoint, kubeCause(e), kubeMessage(e));
  } finally {
    clearTimeout(timer);
  }
}

function kubeCause(e: unknown): ProxyConnectionError['cause'] {
  const text = String((e as Error)?.message ?? e);
  if (/ECONNREFUSED/.test(text)) return 'refused';
  if (/ECONNRESET|socket hang up/.test(text)) return 'reset';
  if (/ENOTFOUND|EHOSTUNREACH|ENETUNREACH/.test(text)) return 'unreachable';
  return typeof (e as { code?: unknown })?.code === 'number' ? 'http-status' : 'transport';
}

function kubeMessage(e: unknown): string {
  const err = e as { code?: number; body?: unknown; message?: string };
  if (typeof err.code === 'number') {
    let reason = '';
    try {
      const body = typeof err.body === 'string' ? JSON.parse(err.body) as { message?: string } : err.body as { message?: string } | undefined;
      reason = body?.message ?? '';
    } catch { reason = String(err.body ?? '').slice(0, 200); }
    return `HTTP ${err.code}${reason ? `: ${oneLine(reason)}` : ''}`;
  }
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const code = /(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT)/.exec(`${err.message ?? ''} ${cause?.code ?? ''}`)?.[1];
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code) return code.toLowerCase();
  return oneLine(err.message ?? String(e));
}

/** Code-unit order: the same list on every machine (localeCompare follows the user's locale). */

interface PodLike {
  metadata?: { name?: string; namespace?: string };
  spec?: { containers?: { name: string }[]; initContainers?: { name: string; restartPolicy?: string }[] };
  status?: { podIP?: string; phase?: string };
}
interface WorkloadEntryLike { metadata?: { name?: string; namespace?: string }; spec?: { address?: string; network?: string } }

/** Pods with an istio-proxy container (regular or native sidecar) and WorkloadEntries (VMs), all namespaces. */
export async function listMeshProxies(kube: Kube, namespace?: string): Promise<MeshProxy[]> {
  const core = kube.kc.makeApiClient(CoreV1Api);
  const custom = kube.kc.makeApiClient(CustomObjectsApi);
  const pods = await apiCall(kube, 'list pods', () => namespace ? core.listNamespacedPod({ namespace }) : core.listPodForAllNamespaces());
  const entries = await apiCall(kube, 'list workloadentries', () => namespace
    ? custom.listNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1', namespace, plural: 'workloadentries' })
    : custom.listClusterCustomObject({ group: 'networking.istio.io', version: 'v1', plural: 'workloadentries' })) as { items?: WorkloadEntryLike[] };
  const out: MeshProxy[] = [];
  for (const p of (pods.items ?? []) as PodLike[]) {
    const sidecar = (p.spec?.containers ?? []).some((c) => c.name === 'istio-proxy')
      || (p.spec?.initContainers ?? []).some((c) => c.name === 'istio-proxy' && c.restartPolicy === 'Always');
    if (!sidecar || !p.metadata?.name || !p.metadata.namespace) continue;
    out.push({ kind: 'pod', name: p.metadata.name, namespace: p.metadata.namespace, proxyId: `${p.metadata.name}.${p.metadata.namespace}`, address: p.status?.podIP, detail: p.status?.phase });
  }
  for (const w of entries.items ?? []) {
    if (!w.metadata?.name || !w.metadata.namespace) continue;
    out.push({ kind: 'vm', name: w.metadata.name, namespace: w.metadata.namespace, proxyId: `${w.metadata.name}.${w.metadata.namespace}`, address: w.spec?.address, detail: w.spec?.network });
  }
  return out.sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name));
}

/** The first running istiod pod (label app=istiod) in the given namespace. */
export async function findIstiodPod(kube: Kube, namespace = 'istio-system'): Promise<string> {
  const core = kube.kc.makeApiClient(CoreV1Api);
  const pods = await apiCall(kube, `list istiod pods in ${namespace}`, () => core.listNamespacedPod({ namespace, labelSelector: 'app=istiod' }));
  const running = (pods.items as PodLike[]).find((p) => p.status?.phase === 'Running') ?? (pods.items as PodLike[])[0];
  if (!running?.metadata?.name) throw new ProxyConnectionError(`${kube.server} (${kube.context})`, 'unreachable', `no istiod pod (app=istiod) in ${namespace}`);
  return running.metadata.name;
}
