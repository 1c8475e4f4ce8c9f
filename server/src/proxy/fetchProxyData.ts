// Fetches exactly the admin data one proxy-config kind needs (with istioctl's masks) and turns it
// into rows. Bad bodies become errors that name the endpoint they came from.
import type { AdminResponse, ProxyConnection } from './connection';
import { ProxyConnectionError } from './errors';
import { jsonOf } from './fetchBody';
import { FileConnection } from './transport/file';
import { verifySignature } from './verify';
import {
  bootstrapInfo, clusterRows, endpointRows, filterClusters, filterEndpoints, filterListeners, filterRoutes,
  listenerRows, parseClustersJson, parseConfigDump, ProxyDataError, routeRows, secretRows,
  type ClusterFilter, type ConfigDump, type EndpointFilter, type ListenerFilter, type RouteFilter, type RowsByKind,
} from '../core/proxy';

export const KINDS = ['cluster', 'listener', 'route', 'endpoint', 'secret', 'bootstrap', 'all'] as const;
export type Kind = typeof KINDS[number];

export interface FetchOptions {
  now: number;
  istiodProxyId?: string;
  cluster?: ClusterFilter;
  endpoint?: EndpointFilter;
  listener?: ListenerFilter;
  route?: RouteFilter;
}

const MASKS: Record<string, string> = {
  cluster: 'dynamic_active_clusters,dynamic_warming_clusters,static_clusters',
  listener: 'dynamic_listeners,static_listeners',
  route: 'dynamic_route_configs,static_route_configs',
  secret: 'dynamic_active_secrets,dynamic_warming_secrets',
  bootstrap: 'bootstrap',
};

export type ProxyData = Partial<{ [K in keyof RowsByKind]: RowsByKind[K] }>;

export async function fetchProxyData(conn: ProxyConnection, kind: Kind, opts: FetchOptions): Promise<ProxyData> {
  const dump = async (query: string): Promise<ConfigDump> => {
    const path = opts.istiodProxyId
      ? `/debug/config_dump?proxyID=${encodeURIComponent(opts.istiodProxyId)}${query.includes('include_eds') ? '&include_eds=true' : ''}`
      : `/config_dump${query}`;
    return parsed(conn, path, parseConfigDump);
  };
  if (kind === 'all') {
    const d = await dump('?include_eds=true');
    return {
      bootstrap: bootstrapInfo(d),
      cluster: filterClusters(clusterRows(d), opts.cluster ?? {}),
      listener: filterListeners(listenerRows(d), opts.listener ?? {}),
      route: filterRoutes(routeRows(d), opts.route ?? {}),
      secret: secretRows(d, { now: opts.now, verify: verifySignature }),
      endpoint: filterEndpoints(endpointRows(d), opts.endpoint ?? {}),
    };
  }
  if (kind === 'endpoint') {
    const useClusters = !opts.istiodProxyId && (!(conn instanceof FileConnection) || conn.isDirectory());
    const eds = await dump('?include_eds=true&mask=dynamic_endpoint_configs,static_endpoint_configs').catch(() => undefined);
    if (!useClusters) {
      if (!eds) return { endpoint: [] };
      return { endpoint: filterEndpoints(endpointRows(eds), opts.endpoint ?? {}) };
    }
    const info = await parsed(conn, '/clusters?format=json', parseClustersJson);
    return { endpoint: filterEndpoints(endpointRows(info, eds), opts.endpoint ?? {}) };
  }
  const d = await dump(opts.istiodProxyId ? '' : `?mask=${MASKS[kind]}`);
  switch (kind) {
    case 'cluster': return { cluster: filterClusters(clusterRows(d), opts.cluster ?? {}) };
    case 'listener': return { listener: filterListeners(listenerRows(d), opts.listener ?? {}) };
    case 'route': return { route: filterRoutes(routeRows(d), opts.route ?? {}) };
    case 'secret': return { secret: secretRows(d, { now: opts.now, verify: verifySignature }) };
    case 'bootstrap': return { bootstrap: bootstrapInfo(d) };
  }
}

/** JSON + parse of one admin answer; parser errors are re-raised naming the endpoint. */
export function parseBody<T>(res: AdminResponse, parse: (body: unknown) => T): T {
  const body = jsonOf(res);
  try {
    return parse(body);
  } catch (e) {
    if (e instanceof ProxyDataError) throw new ProxyConnectionError(res.endpoint, 'garbage', e.message);
    throw e;
  }
}

/** GET + JSON + parse. */
export async function parsed<T>(conn: ProxyConnection, path: string, parse: (body: unknown) => T): Promise<T> {
  return parseBody(await conn.get(path), parse);
}
