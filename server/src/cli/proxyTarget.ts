// Turns the proxy commands' source flags (--admin | --ssh | --k8s | --file) into a connection.
import type { Limits, ProxyConnection } from '../proxy/connection';
import { AdminUrlConnection } from '../proxy/transport/adminUrl';
import { FileConnection } from '../proxy/transport/file';
import { SshConnection } from '../proxy/transport/ssh';
import { int, str, UsageError, type FlagSpec, type ParsedArgs } from './proxyArgs';

export const TARGET_FLAGS: FlagSpec = {
  admin: 'string', ssh: 'string', k8s: 'string', file: 'string',
  'ssh-config': 'string', 'remote-admin-port': 'string', 'remote-agent-port': 'string',
  kubeconfig: 'string', context: 'string',
  timeout: 'string', 'connect-timeout': 'string', 'max-bytes': 'string',
};

export interface OpenedTarget {
  conn: ProxyConnection;
  /** Set when the target is a VM read through istiod (proxyID for /debug/config_dump). */
  istiodProxyId?: string;
}

export function limitsFrom(p: ParsedArgs): Partial<Limits> {
  const out: Partial<Limits> = {};
  const total = int(p, 'timeout', 1, 3_600_000);
  const connect = int(p, 'connect-timeout', 1, 3_600_000);
  const max = int(p, 'max-bytes', 1);
  if (total !== undefined) out.totalTimeoutMs = total;
  if (connect !== undefined) out.connectTimeoutMs = connect;
  else if (total !== undefined) out.connectTimeoutMs = Math.min(total, 5_000);
  if (max !== undefined) out.maxBytes = max;
  return out;
}

export async function openTarget(p: ParsedArgs): Promise<OpenedTarget> {
  const given = ['admin', 'ssh', 'k8s', 'file'].filter((k) => str(p, k) !== undefined);
  if (given.length !== 1) throw new UsageError('give exactly one of --admin URL, --ssh [user@]host, --k8s [context/]namespace/pod, --file PATH');
  const limits = limitsFrom(p);
  const admin = str(p, 'admin');
  if (admin !== undefined) return { conn: new AdminUrlConnection({ adminUrl: admin, limits }) };
  const file = str(p, 'file');
  if (file !== undefined) return { conn: new FileConnection(file, limits) };
  const ssh = str(p, 'ssh');
  if (ssh !== undefined) {
    const cfg = str(p, 'ssh-config');
    return { conn: await SshConnection.open({
      target: ssh, sshArgs: cfg ? ['-F', cfg] : [], limits,
      remoteAdminPort: int(p, 'remote-admin-port', 1, 65535), remoteAgentPort: int(p, 'remote-agent-port', 1, 65535),
    }) };
  }
  // Loaded lazily: only Kubernetes users pay for client-node.
  const kube = await import('../proxy/kube/open');
  return kube.openKubeTarget(str(p, 'k8s') as string, { kubeconfig: str(p, 'kubeconfig'), context: str(p, 'context'), limits });
}
