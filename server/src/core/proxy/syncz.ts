// Proxy sync status (istioctl `proxy-status`) from istiod's /debug/syncz JSON or from the CSDS
// ClientConfig answer of the `istio.io/debug/syncz` xDS type.
import { ProxyDataError } from './errors';
import { arr, isObject, kindOf, obj, parseJson, str } from './json';
import type { Json, SyncRow, SyncState } from './types';

const SHORT: Record<string, string> = {
  'type.googleapis.com/envoy.config.cluster.v3.Cluster': 'CDS',
  'type.googleapis.com/envoy.config.listener.v3.Listener': 'LDS',
  'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment': 'EDS',
  'type.googleapis.com/envoy.config.route.v3.RouteConfiguration': 'RDS',
  'type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig': 'ECDS',
  'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret': 'SDS',
  'type.googleapis.com/istio.workload.Address': 'WDS',
  'type.googleapis.com/istio.security.Authorization': 'WADS',
  'type.googleapis.com/istio.networking.nds.v1.NameTable': 'NDS',
  'type.googleapis.com/istio.mesh.v1alpha1.MeshConfig': 'PCDS',
};
/** Order of SUBSCRIBED TYPES, as istioctl prints it; unknown types follow alphabetically. */
const ORDER = ['CDS', 'LDS', 'EDS', 'RDS', 'ECDS', 'SDS', 'WDS', 'WADS', 'NDS', 'PCDS'];

/** Short xDS name of a type URL (CDS, LDS, ...); the last path piece for unknown ones. */
export function shortTypeName(typeUrl: string): string {
  return SHORT[typeUrl] ?? typeUrl.slice(typeUrl.lastIndexOf('/') + 1);
}

/** statusgen.go debugSyncStatus: lastError -> ERROR, nothing sent -> NOT SENT, acked == sent -> SYNCED, else STALE. */
export function syncState(sent: string, acked: string, lastError: string): SyncState {
  if (lastError) return 'ERROR';
  if (!sent) return 'NOT SENT';
  return acked === sent ? 'SYNCED' : 'STALE';
}

function stateOfCsds(s: string): SyncState {
  switch (s) {
    case 'SYNCED': return 'SYNCED';
    case 'NOT_SENT': return 'NOT SENT';
    case 'STALE': return 'STALE';
    case 'ERROR': return 'ERROR';
    case '': return 'UNKNOWN';
    default: return s === 'UNKNOWN' ? 'UNKNOWN' : 'IGNORED';
  }
}

const LEGACY_FIELDS: [string, string][] = [
  ['cluster', 'type.googleapis.com/envoy.config.cluster.v3.Cluster'],
  ['listener', 'type.googleapis.com/envoy.config.listener.v3.Listener'],
  ['route', 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration'],
  ['endpoint', 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment'],
  ['extensionconfig', 'type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig'],
];

function rowOf(base: { proxy: string; clusterId: string; istiod: string; version: string; proxyType: string }, states: Map<string, SyncState>, errors: Record<string, string>): SyncRow {
  const get = (t: string): SyncState => states.get(t) ?? 'NOT SENT';
  const subscribed = [...states.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return { ...base, cds: get('CDS'), lds: get('LDS'), eds: get('EDS'), rds: get('RDS'), ecds: get('ECDS'), subscribedTypes: subscribed, errors, states: Object.fromEntries(states) };
}

function rank(t: string): number {
  const i = ORDER.indexOf(t);
  return i < 0 ? ORDER.length : i;
}

/** One /debug/syncz element. */
function fromSyncz(s: Json, istiod: string): SyncRow {
  const states = new Map<string, SyncState>();
  const errors: Record<string, string> = {};
  const resources = obj(s, 'resources');
  if (resources) {
    for (const [url, r] of Object.entries(resources)) {
      const t = shortTypeName(url);
      const err = str(r, 'lastError') || str(r, 'last_error');
      states.set(t, syncState(str(r, 'sent'), str(r, 'acked'), err));
      if (err) errors[t] = err;
    }
  } else {
    for (const [prefix, url] of LEGACY_FIELDS) {
      const sent = str(s, `${prefix}_sent`);
      if (sent || str(s, `${prefix}_acked`)) states.set(shortTypeName(url), syncState(sent, str(s, `${prefix}_acked`), ''));
    }
  }
  const proxy = str(s, 'proxy');
  return rowOf({ proxy, clusterId: str(s, 'cluster_id'), istiod, version: str(s, 'istio_version') || str(s, 'proxy_version'), proxyType: str(s, 'proxy_type') || proxy.split('~')[0]! }, states, errors);
}

/** controlPlane.identifier is JSON text: {"Component":"istiod","ID":"istiod1",...}. */
function istiodOf(response: Json, fallback: string): string {
  const id = str(obj(response, 'control_plane'), 'identifier');
  if (!id) return fallback;
  try {
    const parsed: unknown = JSON.parse(id);
    return isObject(parsed) && typeof parsed.ID === 'string' ? parsed.ID : fallback;
  } catch {
    return id;
  }
}

/** One CSDS ClientConfig of a DiscoveryResponse. */
function fromClientConfig(c: Json, istiod: string): SyncRow {
  const node = obj(c, 'node') ?? {};
  const md = obj(node, 'metadata') ?? {};
  const states = new Map<string, SyncState>();
  const errors: Record<string, string> = {};
  for (const g of arr(c, 'generic_xds_configs').filter(isObject)) {
    const t = shortTypeName(str(g, 'type_url'));
    const details = str(obj(g, 'error_state'), 'details');
    const nacked = str(g, 'client_status') === 'NACKED';
    states.set(t, details || nacked ? 'ERROR' : stateOfCsds(str(g, 'config_status')));
    if (details || nacked) errors[t] = details || 'NACKED';
  }
  const id = str(node, 'id');
  return rowOf({ proxy: id, clusterId: str(md, 'CLUSTER_ID'), istiod, version: str(md, 'ISTIO_VERSION'), proxyType: id.split('~').length >= 4 ? id.split('~')[0]! : '' }, states, errors);
}

function fromDiscoveryResponse(r: Json, fallback: string): SyncRow[] {
  const istiod = istiodOf(r, fallback);
  return arr(r, 'resources').filter(isObject).map((c) => fromClientConfig(c, istiod));
}

export interface SynczOptions {
  /** Name shown in the ISTIOD column when the body does not say (plain /debug/syncz). */
  readonly istiod?: string;
}

/**
 * Parses sync status: a /debug/syncz array, one CSDS DiscoveryResponse, an array of them, or an
 * object mapping istiod names to responses. Rows sorted by proxy name.
 * @throws ProxyDataError on bad JSON or an unrecognised shape.
 */
export function parseSyncz(body: string | unknown, opts: SynczOptions = {}): SyncRow[] {
  const root = parseJson(body, 'syncz');
  const fallback = opts.istiod ?? '';
  let rows: SyncRow[];
  const isResponse = (v: unknown): v is Json => isObject(v) && Array.isArray(v.resources);
  if (Array.isArray(root)) {
    rows = root.flatMap((x, i) => {
      if (isResponse(x)) return fromDiscoveryResponse(x, fallback);
      if (isObject(x) && typeof x.proxy === 'string') return [fromSyncz(x, fallback)];
      throw new ProxyDataError('syncz', `element ${i} is ${kindOf(x)} without "proxy" or "resources"`);
    });
  } else if (isResponse(root)) {
    rows = fromDiscoveryResponse(root, fallback);
  } else if (isObject(root) && Object.values(root).length > 0 && Object.values(root).every(isResponse)) {
    rows = Object.entries(root).flatMap(([name, r]) => fromDiscoveryResponse(r as Json, name));
  } else {
    throw new ProxyDataError('syncz', `expected a /debug/syncz array or a CSDS DiscoveryResponse, got ${kindOf(root)}`);
  }
  return rows.sort((a, b) => (a.proxy < b.proxy ? -1 : a.proxy > b.proxy ? 1 : 0));
}
