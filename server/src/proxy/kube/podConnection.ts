// A proxy in Kubernetes: a pod's Envoy admin (15000) and agent (15020) through port-forwards,
// or istiod's debug server (15014) for what it sends a VM.
import { authorize, DEFAULT_LIMITS, type AdminPath, type AdminResponse, type GetOptions, type Limits, type ProxyConnection } from '../connection';
import { ProxyConnectionError } from '../errors';
import { AdminUrlConnection } from '../transport/adminUrl';
import { findIstiodPod, loadKube, type Kube, type KubeOptions } from './kubeClient';
import { forwardPodPort, type LocalForward } from './portForward';

export interface KubeTarget { context?: string; namespace: string; name: string }

/** `[context/]namespace/pod`. */
export function parseKubeTarget(text: string): KubeTarget {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !p)) {
    throw new ProxyConnectionError(`k8s ${text}`, 'usage', `expected [context/]namespace/pod, got '${text}'`);
  }
  const [context, namespace, name] = parts.length === 3 ? parts : [undefined, ...parts];
  return { context, namespace: namespace as string, name: name as string };
}

export class KubeForwardConnection implements ProxyConnection {
  private constructor(
    private readonly label: string,
    private readonly forwards: LocalForward[],
    private readonly http: AdminUrlConnection,
  ) {}

  /** Port-forwards to a pod's Envoy admin and istio-agent ports. */
  static async pod(target: KubeTarget, opts: KubeOptions & { limits?: Partial<Limits> } = {}): Promise<KubeForwardConnection> {
    const kube = loadKube({ ...opts, context: target.context ?? opts.context });
    const label = `k8s ${kube.context}/${target.namespace}/${target.name}`;
    const admin = await forwardPodPort(kube, target.namespace, target.name, 15000);
    const agent = await forwardPodPort(kube, target.namespace, target.name, 15020);
    return new KubeForwardConnection(label, [admin, agent], new AdminUrlConnection({
      adminUrl: `http://127.0.0.1:${admin.port}`, agentUrl: `http://127.0.0.1:${agent.port}`, limits: { ...DEFAULT_LIMITS, ...opts.limits }, label,
    }));
  }

  /** Port-forwards to istiod's debug port (15014); paths under /debug/ only. */
  static async istiod(opts: KubeOptions & { namespace?: string; pod?: string; limits?: Partial<Limits> } = {}): Promise<KubeForwardConnection> {
    const kube: Kube = loadKube(opts);
    const namespace = opts.namespace ?? 'istio-system';
    const pod = opts.pod ?? await findIstiodPod(kube, namespace);
    const label = `k8s ${kube.context}/${namespace}/${pod}:15014`;
    const fwd = await forwardPodPort(kube, namespace, pod, 15014);
    const url = `http://127.0.0.1:${fwd.port}`;
    return new KubeForwardConnection(label, [fwd], new AdminUrlConnection({ adminUrl: url, istiodUrl: url, limits: { ...DEFAULT_LIMITS, ...opts.limits }, label }));
  }

  describe(): string { return this.label; }

  async get(path: AdminPath, opts?: GetOptions): Promise<AdminResponse> {
    await authorize(this.label, path, opts);
    try {
      return await this.http.get(path, opts);
    } catch (e) {
      if (!(e instanceof ProxyConnectionError) || (e.cause !== 'reset' && e.cause !== 'truncated')) throw e;
      await new Promise((r) => setTimeout(r, 50));
      const why = this.forwards.map((f) => f.lastError()).find(Boolean);
      if (!why) throw e;
      throw new ProxyConnectionError(`${this.label}${path}`, 'refused', `port-forward failed: ${why}`);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.forwards.map((f) => f.close()));
  }
}
