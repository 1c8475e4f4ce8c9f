// Who the proxy is: node id and metadata from the bootstrap (or /server_info), plus /server_info.
import { ProxyDataError } from './errors';
import { field, isObject, num, obj, parseJson, str } from './json';
import type { BootstrapInfo, ConfigDump, Json } from './types';

export interface ServerInfo {
  /** `<sha>/<x.y.z>/<Clean|Modified>/<RELEASE|DEBUG>/<ssl>`. */
  readonly version: string;
  /** LIVE | DRAINING | PRE_INITIALIZING | INITIALIZING. */
  readonly state: string;
  readonly uptimeCurrentEpochSeconds: number;
  readonly uptimeAllEpochsSeconds: number;
  readonly hotRestartVersion: string;
  readonly concurrency: number;
  readonly node?: Json;
}

function durationSeconds(v: string): number {
  const m = /^(-?\d+(?:\.\d+)?)s$/.exec(v);
  return m ? Number(m[1]) : 0;
}

/** Parses `/server_info`. @throws ProxyDataError on bad JSON or a body without `state`/`version`. */
export function parseServerInfo(body: string | unknown): ServerInfo {
  const root = parseJson(body, 'server_info');
  if (!isObject(root) || (field(root, 'state') === undefined && field(root, 'version') === undefined)) {
    throw new ProxyDataError('server_info', 'expected an object with "version" and "state"');
  }
  const state = field(root, 'state');
  const states = ['LIVE', 'DRAINING', 'PRE_INITIALIZING', 'INITIALIZING'];
  return {
    version: str(root, 'version'),
    state: typeof state === 'number' ? states[state] ?? String(state) : str(root, 'state') || 'LIVE',
    uptimeCurrentEpochSeconds: durationSeconds(str(root, 'uptime_current_epoch')),
    uptimeAllEpochsSeconds: durationSeconds(str(root, 'uptime_all_epochs')),
    hotRestartVersion: str(root, 'hot_restart_version'),
    concurrency: num(obj(root, 'command_line_options'), 'concurrency'),
    node: obj(root, 'node'),
  };
}

/** istioctl's "Envoy Version": x.y.z[-label][/status/type/ssl]. */
export function envoyVersionOf(node: Json): string {
  const ua = obj(node, 'user_agent_build_version');
  const v = obj(ua, 'version');
  let out = `${num(v, 'major_number')}.${num(v, 'minor_number')}.${num(v, 'patch')}`;
  const md = obj(ua, 'metadata');
  if (md) {
    if (typeof md['build.label'] === 'string' && md['build.label'] !== '') out += `-${md['build.label'] as string}`;
    out += `/${String(md['revision.status'] ?? '')}/${String(md['build.type'] ?? '')}/${String(md['ssl.version'] ?? '')}`;
  }
  return out;
}

function labelsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, x] of Object.entries(v)) out[k] = typeof x === 'string' ? x : JSON.stringify(x);
  return out;
}

/**
 * Identity and versions from the bootstrap node (a ConfigDump, or the `node` of /server_info).
 * Missing values are ''. @throws ProxyDataError when the dump has no bootstrap section.
 */
export function bootstrapInfo(source: ConfigDump | ServerInfo | Json): BootstrapInfo {
  let node: Json | undefined;
  if ('sections' in source && Array.isArray(source.sections)) {
    const b = (source as ConfigDump).bootstrap;
    if (!b) throw new ProxyDataError('config_dump', 'no BootstrapConfigDump section (fetch /config_dump without a mask, or ?mask=bootstrap)');
    node = obj(b, 'node');
  } else if ('state' in source && 'version' in source && 'uptimeCurrentEpochSeconds' in source) {
    node = (source as ServerInfo).node;
  } else {
    node = obj(source, 'node') ?? (source as Json);
  }
  node ??= {};
  const md = obj(node, 'metadata') ?? {};
  const id = str(node, 'id');
  const parts = id.split('~');
  const podDotNs = parts[2] ?? '';
  const dot = podDotNs.lastIndexOf('.');
  const sha = str(md, 'ISTIO_PROXY_SHA');
  const namespace = str(md, 'NAMESPACE') || (dot >= 0 ? podDotNs.slice(dot + 1) : '');
  return {
    nodeId: id,
    proxyType: parts.length >= 4 ? parts[0]! : '',
    ipAddress: parts[1] ?? '',
    podName: str(md, 'POD_NAME') || (dot >= 0 ? podDotNs.slice(0, dot) : podDotNs),
    namespace,
    istioVersion: str(md, 'ISTIO_VERSION'),
    istioProxySha: sha.includes(':') ? sha.slice(sha.indexOf(':') + 1) : sha,
    envoyVersion: envoyVersionOf(node),
    clusterId: str(md, 'CLUSTER_ID'),
    network: str(md, 'NETWORK'),
    meshId: str(md, 'MESH_ID'),
    workloadName: str(md, 'WORKLOAD_NAME'),
    labels: labelsOf(md.LABELS),
    platform: md.POD_NAME ? 'kubernetes' : md.WORKLOAD_ENTRY || md.AUTO_REGISTER_GROUP ? 'vm' : '',
  };
}

/** The three-line version block istioctl prints first in `proxy-config all` / `bootstrap` summary. */
export function versionSummary(info: BootstrapInfo): string {
  return `Istio Version:       ${info.istioVersion}\nIstio Proxy Version: ${info.istioProxySha}\nEnvoy Version:       ${info.envoyVersion}\n`;
}
