// What the view lists and the panel inspects: a proxy with a way to open a connection to its
// admin API and/or to istiod's view of it. No vscode here; trust is decided by the caller,
// which simply never builds SSH or Kubernetes targets in an untrusted workspace.
import * as path from 'node:path';
import type { ProxySpec } from '../../../server/src/protocol/proxySettings';
import { AdminUrlConnection, FileConnection, SshConnection, type Limits, type ProxyConnection } from '../../../server/src/proxy';
import { kubeModule } from './kubeModule';

export type TargetSource = 'vm' | 'kube-pod' | 'kube-vm' | 'dump';

export interface ProxyTarget {
  /** Stable key: one panel and one status per id. */
  readonly id: string;
  readonly label: string;
  readonly source: TargetSource;
  /** Where the data comes from, free of credentials; shown in tooltips and the panel. */
  readonly where: string;
  readonly spec?: ProxySpec;
  /** Envoy admin of the proxy itself (absent for a VM seen only through istiod). */
  readonly openAdmin?: (limits?: Partial<Limits>) => Promise<ProxyConnection>;
  /** istiod's debug server and the node id fragment that names this proxy there. */
  readonly openIstiod?: (limits?: Partial<Limits>) => Promise<{ conn: ProxyConnection; proxyId: string }>;
}

/** Short limits for the view: a VM that is down must not keep the tree spinning. */
export const VIEW_LIMITS: Partial<Limits> = { connectTimeoutMs: 3_000, totalTimeoutMs: 10_000 };

export function vmTarget(spec: ProxySpec, opts: { allowSsh: boolean }): ProxyTarget {
  const where = [spec.adminUrl ? `admin ${spec.adminUrl}` : '', spec.ssh ? `ssh ${spec.ssh}` : '', spec.istiodUrl ? `istiod ${spec.istiodUrl}` : '']
    .filter(Boolean).join(', ');
  const base = { id: `vm:${spec.name}`, label: spec.name, source: 'vm' as const, where, spec };
  let openAdmin: ProxyTarget['openAdmin'];
  if (spec.adminUrl) {
    const adminUrl = spec.adminUrl;
    openAdmin = async (limits) => new AdminUrlConnection({ adminUrl, agentUrl: spec.agentUrl, limits, label: `${spec.name} (${adminUrl})` });
  } else if (spec.ssh) {
    const target = spec.ssh;
    openAdmin = async (limits) => {
      if (!opts.allowSsh) throw new Error('SSH connections are disabled in an untrusted workspace');
      return SshConnection.open({ target, sshArgs: spec.sshConfig ? ['-F', spec.sshConfig] : [], limits });
    };
  }
  const istiodUrl = spec.istiodUrl;
  const openIstiod: ProxyTarget['openIstiod'] = istiodUrl
    ? async (limits) => ({ conn: new AdminUrlConnection({ adminUrl: istiodUrl, istiodUrl, limits, label: `istiod ${istiodUrl}` }), proxyId: spec.proxyId ?? `${spec.name}.` })
    : undefined;
  return { ...base, ...(openAdmin ? { openAdmin } : {}), ...(openIstiod ? { openIstiod } : {}) };
}

export function dumpTarget(file: string): ProxyTarget {
  return {
    id: `dump:${file}`,
    label: path.basename(file),
    source: 'dump',
    where: `file ${file}`,
    openAdmin: async (limits) => new FileConnection(file, limits),
  };
}

export interface KubeProxyRef {
  context: string;
  namespace: string;
  name: string;
  kind: 'pod' | 'vm';
  proxyId: string;
  kubeconfig?: string;
}

/** A pod is port-forwarded; a WorkloadEntry (VM) is read through istiod's debug server. */
export function kubeTarget(p: KubeProxyRef): ProxyTarget {
  const id = `k8s:${p.context}/${p.namespace}/${p.name}`;
  const where = `Kubernetes ${p.context}/${p.namespace}/${p.name}${p.kind === 'vm' ? ' (istiod view)' : ''}`;
  if (p.kind === 'pod') {
    return {
      id, label: p.name, source: 'kube-pod', where,
      openAdmin: async (limits) => {
        const kube = kubeModule();
        return kube.KubeForwardConnection.pod({ context: p.context, namespace: p.namespace, name: p.name }, { kubeconfig: p.kubeconfig, limits });
      },
    };
  }
  return {
    id, label: p.name, source: 'kube-vm', where,
    openIstiod: async (limits) => {
      const kube = kubeModule();
      return { conn: await kube.KubeForwardConnection.istiod({ context: p.context, kubeconfig: p.kubeconfig, limits }), proxyId: p.proxyId };
    },
  };
}
