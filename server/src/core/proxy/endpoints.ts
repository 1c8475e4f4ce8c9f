// Endpoint rows: from /clusters?format=json (istioctl `proxy-config endpoint`), enriched with the
// workload behind each address when an include_eds config_dump is at hand; and EDS rows
// (istioctl `proxy-config eds`) from the config_dump alone.
import { compareClusterNames } from './clusters';
import { ProxyDataError } from './errors';
import { arr, bool, isObject, num, obj, parseJson, str } from './json';
import type { ConfigDump, EdsRow, EndpointRow, HealthStatus, Json } from './types';
import { compareText } from '../text/compare';

export interface HostInfo {
  /** Address without port: ip, 'unix://path', 'envoy://listener/id' or 'unknown'. */
  readonly address: string;
  readonly port: number;
  readonly edsHealthStatus: HealthStatus;
  readonly failedOutlierCheck: boolean;
  readonly failedActiveHealthCheck: boolean;
  readonly weight: number;
  readonly hostname: string;
  readonly locality: string;
  /** Counters and gauges by name (missing value = 0). */
  readonly stats: Record<string, number>;
}
export interface ClusterStatus { readonly name: string; readonly addedViaApi: boolean; readonly hosts: HostInfo[] }
export interface ClustersInfo { readonly clusters: ClusterStatus[] }

const HEALTH = ['UNKNOWN', 'HEALTHY', 'UNHEALTHY', 'DRAINING', 'TIMEOUT', 'DEGRADED'] as const;

function healthOf(v: unknown): HealthStatus {
  if (typeof v === 'number') return HEALTH[v] ?? 'UNKNOWN';
  return typeof v === 'string' && (HEALTH as readonly string[]).includes(v) ? (v as HealthStatus) : 'UNKNOWN';
}

/** Address object (core.Address) to [address, port]. `/clusters` rows print pipes as unix://path, EDS rows as the bare path. */
export function addressOf(a: unknown, pipePrefix = 'unix://'): [string, number] {
  const sa = obj(a, 'socket_address');
  if (sa) return [str(sa, 'address'), num(sa, 'port_value') || num(sa, 'port')];
  const pipe = obj(a, 'pipe');
  if (pipe) return [`${pipePrefix}${str(pipe, 'path')}`, 0];
  const internal = obj(a, 'envoy_internal_address');
  if (internal) return [`envoy://${str(internal, 'server_listener_name')}/${str(internal, 'endpoint_id')}`, 0];
  return ['unknown', 0];
}

function localityOf(l: unknown): string {
  const parts = [str(l, 'region'), str(l, 'zone'), str(l, 'sub_zone')];
  return parts.every((p) => p === '') ? '' : parts.join('/');
}

/** Parses `/clusters?format=json`. @throws ProxyDataError on bad JSON or shape. */
export function parseClustersJson(body: string | unknown): ClustersInfo {
  const root = parseJson(body, 'clusters');
  if (!isObject(root)) throw new ProxyDataError('clusters', 'expected an object with "cluster_statuses" (was the plain-text /clusters fetched instead of ?format=json?)');
  const list = arr(root, 'cluster_statuses');
  if (list.length === 0 && root.cluster_statuses === undefined && root.clusterStatuses === undefined && Object.keys(root).length > 0) {
    throw new ProxyDataError('clusters', 'no "cluster_statuses" array at the top level');
  }
  return {
    clusters: list.filter(isObject).map((c) => ({
      name: str(c, 'name'),
      addedViaApi: bool(c, 'added_via_api'),
      hosts: arr(c, 'host_statuses').filter(isObject).map((h) => {
        const [address, port] = addressOf(obj(h, 'address'));
        const hs = obj(h, 'health_status') ?? {};
        const stats: Record<string, number> = {};
        for (const s of arr(h, 'stats').filter(isObject)) stats[str(s, 'name')] = num(s, 'value');
        return {
          address, port,
          edsHealthStatus: healthOf(hs.eds_health_status ?? hs.edsHealthStatus),
          failedOutlierCheck: bool(hs, 'failed_outlier_check'),
          failedActiveHealthCheck: bool(hs, 'failed_active_health_check'),
          weight: num(h, 'weight'),
          hostname: str(h, 'hostname'),
          locality: localityOf(obj(h, 'locality')),
          stats,
        };
      }),
    })),
  };
}

function endpointText(address: string, port: number): string {
  return port !== 0 ? `${address}:${port}` : address;
}

/** `name;namespace;canonical;revision;cluster` (EDS istio.workload metadata) -> `name.namespace`. */
export function workloadOf(lbEndpoint: Json): string | undefined {
  const w = str(obj(obj(obj(lbEndpoint, 'metadata'), 'filter_metadata'), 'istio'), 'workload');
  if (!w) return undefined;
  const [name, ns] = w.split(';');
  return ns ? `${name}.${ns}` : name;
}

interface LbEndpoint { cluster: string; address: string; port: number; health: string; locality: string; workload?: string; state: string }

function lbEndpoints(dump: ConfigDump, pipePrefix = 'unix://'): LbEndpoint[] {
  const out: LbEndpoint[] = [];
  const ordered = [...dump.endpoints.filter((e) => e.state !== 'static'), ...dump.endpoints.filter((e) => e.state === 'static')];
  for (const e of ordered) {
    const cluster = str(e.resource, 'cluster_name') || e.name;
    for (const le of arr(e.resource, 'endpoints').filter(isObject)) {
      const locality = localityOf(obj(le, 'locality'));
      for (const lb of arr(le, 'lb_endpoints').filter(isObject)) {
        const ep = obj(lb, 'endpoint') ?? {};
        const [address, port] = addressOf(obj(ep, 'address'), pipePrefix);
        const extra = arr(ep, 'additional_addresses').filter(isObject).map((x) => endpointText(...addressOf(obj(x, 'address'), pipePrefix)));
        out.push({ cluster, address: [address, ...extra].join(','), port, health: healthOf(lb.health_status ?? lb.healthStatus), locality, workload: workloadOf(lb), state: e.state });
      }
    }
  }
  return out;
}

function sortEndpoints<T extends { address: string; port: number; cluster: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => compareText(a.address, b.address) || a.port - b.port || compareText(a.cluster, b.cluster));
}

/**
 * ENDPOINT / STATUS / OUTLIER CHECK / CLUSTER rows, sorted by address, port, cluster.
 * From /clusters JSON (with the workload filled from `eds` when given), or from an include_eds
 * config_dump alone (no outlier data there: OK).
 */
export function endpointRows(source: ClustersInfo | ConfigDump, eds?: ConfigDump): EndpointRow[] {
  if ('sections' in source) {
    const dump = source;
    return sortEndpoints(lbEndpoints(dump).map((e) => ({
      endpoint: endpointText(e.address, e.port), address: e.address, port: e.port, status: e.health as HealthStatus,
      outlierCheck: 'OK' as const, cluster: e.cluster, ...(e.workload ? { workload: e.workload } : {}), ...(e.locality ? { locality: e.locality } : {}),
    })));
  }
  const info = source;
  const workloads = new Map<string, string>();
  if (eds) for (const e of lbEndpoints(eds)) if (e.workload) workloads.set(`${e.cluster}\u0000${endpointText(e.address, e.port)}`, e.workload);
  const rows: EndpointRow[] = [];
  for (const c of info.clusters) {
    for (const h of c.hosts) {
      const endpoint = endpointText(h.address, h.port);
      const workload = workloads.get(`${c.name}\u0000${endpoint}`);
      rows.push({
        endpoint, address: h.address, port: h.port, status: h.edsHealthStatus, outlierCheck: h.failedOutlierCheck ? 'FAILED' : 'OK', cluster: c.name,
        ...(workload ? { workload } : {}), ...(h.locality ? { locality: h.locality } : {}), weight: h.weight,
        ...(h.failedActiveHealthCheck ? { failedActiveHealthCheck: true } : {}),
      });
    }
  }
  return sortEndpoints(rows);
}

/** istioctl `proxy-config eds`: NAME / STATUS / LOCALITY / CLUSTER, sorted like clusters. */
export function edsRows(dump: ConfigDump): EdsRow[] {
  const rows = lbEndpoints(dump, '').map((e) => ({ endpoint: endpointText(e.address, e.port), status: e.health, locality: e.locality, cluster: e.cluster, ...(e.workload ? { workload: e.workload } : {}) }));
  const keyed = new Map<string, number>();
  const byName = [...new Set(rows.map((r) => r.cluster))].sort(compareClusterNames);
  byName.forEach((n, i) => keyed.set(n, i));
  return rows.map((r, i) => ({ r, i })).sort((a, b) => keyed.get(a.r.cluster)! - keyed.get(b.r.cluster)! || a.i - b.i).map((x) => x.r);
}

export interface EndpointFilter { address?: string; port?: number; cluster?: string; status?: string }

export function filterEndpoints(rows: readonly EndpointRow[], f: EndpointFilter): EndpointRow[] {
  return rows.filter((r) => (!f.address || r.address.toLowerCase() === f.address.toLowerCase())
    && (!f.port || r.port === f.port)
    && (!f.cluster || r.cluster.toLowerCase() === f.cluster.toLowerCase())
    && (!f.status || r.status.toLowerCase() === f.status.toLowerCase()));
}

export interface EdsFilter { address?: string; port?: number; cluster?: string; status?: string }

/** istioctl eds filters: address (exact, case-insensitive), endpoint port, cluster name, status. */
export function filterEds(rows: readonly EdsRow[], f: EdsFilter): EdsRow[] {
  return rows.filter((r) => {
    const m = /^(.*):(\d+)$/.exec(r.endpoint);
    const [address, port] = m ? [m[1]!, Number(m[2])] : [r.endpoint, 0];
    return (!f.address || address.toLowerCase() === f.address.toLowerCase())
      && (!f.port || port === f.port)
      && (!f.cluster || r.cluster.toLowerCase() === f.cluster.toLowerCase())
      && (!f.status || r.status.toLowerCase() === f.status.toLowerCase());
  });
}
