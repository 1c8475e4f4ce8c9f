// Listener rows as istioctl `proxy-config listener` prints them (one row per filter chain).
import { activeOf } from './configDump';
import { arr, field, isObject, num, obj, str } from './json';
import type { ConfigDump, Json, ListenerRow } from './types';

const HCM_NAMES = ['envoy.filters.network.http_connection_manager', 'envoy.http_connection_manager'];
const TCP_NAMES = ['envoy.filters.network.tcp_proxy', 'envoy.tcp_proxy'];

function configOf(filter: Json): Json {
  return obj(filter, 'typed_config') ?? obj(filter, 'config') ?? {};
}

function isHcm(filter: Json): boolean {
  return HCM_NAMES.includes(str(filter, 'name')) || str(configOf(filter), '@type').endsWith('.HttpConnectionManager');
}

function isTcp(filter: Json): boolean {
  return TCP_NAMES.includes(str(filter, 'name')) || str(configOf(filter), '@type').endsWith('.TcpProxy');
}

function toBlackHole(filter: Json): boolean {
  return JSON.stringify(configOf(filter)).includes('BlackHoleCluster');
}

export function listenerAddress(l: Json): string {
  const a = obj(l, 'address');
  const sa = obj(a, 'socket_address');
  if (sa) return str(sa, 'address');
  const pipe = obj(a, 'pipe');
  return pipe ? str(pipe, 'path') : '';
}

function listenerAddresses(l: Json): string {
  const extra = arr(l, 'additional_addresses').map((x) => listenerAddress(isObject(x) ? x : {}));
  return [listenerAddress(l), ...extra].join(',');
}

export function listenerPort(l: Json): number {
  return num(obj(obj(l, 'address'), 'socket_address'), 'port_value');
}

function chainsOf(l: Json): Json[] {
  const chains = arr(l, 'filter_chains').filter(isObject);
  const def = obj(l, 'default_filter_chain');
  return def ? [...chains, def] : chains;
}

/** HTTP, TCP, HTTP+TCP or UNKNOWN from counting HCM and (non-blackhole) tcp_proxy filters of every chain, default included. */
export function listenerType(l: Json): string {
  let http = 0;
  let tcp = 0;
  for (const fc of chainsOf(l)) {
    for (const f of arr(fc, 'filters').filter(isObject)) {
      if (isHcm(f)) http++;
      else if (isTcp(f) && !toBlackHole(f)) tcp++;
    }
  }
  if (http > 0) return tcp === 0 ? 'HTTP' : 'HTTP+TCP';
  return tcp > 0 ? 'TCP' : 'UNKNOWN';
}

const ALPN_SETS: [string, string[]][] = [
  ['App: HTTP TLS', ['http/1.0', 'http/1.1', 'h2c', 'istio-http/1.0', 'istio-http/1.1', 'istio-h2']],
  ['App: Istio HTTP Plain', ['istio', 'istio-http/1.0', 'istio-http/1.1', 'istio-h2']],
  ['App: TCP TLS', ['istio-peer-exchange', 'istio']],
  ['App: HTTP', ['http/1.0', 'http/1.1', 'h2c']],
];

function strings(o: unknown, key: string): string[] {
  return arr(o, key).map((x) => (typeof x === 'string' ? x : String(x)));
}

/** The MATCH column for one filter chain. */
export function describeChainMatch(fc: Json): string {
  const m = obj(fc, 'filter_chain_match') ?? {};
  const d: string[] = [];
  const sni = strings(m, 'server_names');
  if (sni.length) d.push(`SNI: ${sni.join(',')}`);
  const trans = str(m, 'transport_protocol');
  if (trans) d.push(`Trans: ${trans}`);
  const alpn = strings(m, 'application_protocols');
  if (alpn.length) {
    const known = ALPN_SETS.find(([, set]) => set.length === alpn.length && set.every((x, i) => x === alpn[i]));
    d.push(known ? known[0] : `App: ${alpn.join(',')}`);
  }
  const portField = field(m, 'destination_port');
  const port = portField !== undefined ? `:${num(m, 'destination_port')}` : '';
  const prefixes = arr(m, 'prefix_ranges').filter(isObject);
  if (prefixes.length) d.push(`Addr: ${prefixes.map((p) => `${str(p, 'address_prefix')}/${num(p, 'prefix_len')}`).join(',')}${port}`);
  else if (port) d.push(`Addr: *${port}`);
  return d.length ? d.join('; ') : 'ALL';
}

/** The DESTINATION column for one filter chain. */
export function describeChainDestination(fc: Json): string {
  for (const f of arr(fc, 'filters').filter(isObject)) {
    if (isHcm(f)) {
      const cfg = configOf(f);
      const rc = obj(cfg, 'route_config');
      if (rc) return describeRouteConfig(rc);
      const rds = str(obj(cfg, 'rds'), 'route_config_name');
      return rds ? `Route: ${rds}` : 'HTTP';
    }
    if (isTcp(f) && !toBlackHole(f)) {
      const cluster = str(configOf(f), 'cluster');
      return cluster.includes('Cluster') ? cluster : `Cluster: ${cluster}`;
    }
  }
  return 'Non-HTTP/Non-TCP';
}

function describeRouteConfig(rc: Json): string {
  const all = matchAllCluster(rc);
  if (all) return all;
  const vhosts = arr(rc, 'virtual_hosts').filter(isObject).map((vh) => {
    const domains = strings(vh, 'domains');
    const dom = domains.length === 1 && domains[0] === '*' ? '' : domains.join('/');
    const routes = arr(vh, 'routes').filter(isObject).map((r) => describeMatch(obj(r, 'match') ?? {})).join(', ');
    return dom ? `${dom} ${routes}` : routes;
  });
  return `Inline Route: ${vhosts.join('; ')}`;
}

function matchAllCluster(rc: Json): string {
  const vhs = arr(rc, 'virtual_hosts').filter(isObject);
  if (vhs.length !== 1) return '';
  const domains = strings(vhs[0], 'domains');
  if (domains.length !== 1 || domains[0] !== '*') return '';
  const routes = arr(vhs[0], 'routes').filter(isObject);
  if (routes.length !== 1 || str(obj(routes[0], 'match'), 'prefix') !== '/') return '';
  const cluster = str(obj(routes[0], 'route'), 'cluster');
  if (!cluster) return '';
  return cluster.includes('Cluster') ? cluster : `Cluster: ${cluster}`;
}

/** istioctl describeMatch: prefix*, PathPrefix:p, exact path, regex r (headers ignored). */
export function describeMatch(m: Json): string {
  const c: string[] = [];
  const prefix = str(m, 'prefix');
  if (prefix) c.push(`${prefix}*`);
  const psp = str(m, 'path_separated_prefix');
  if (psp) c.push(`PathPrefix:${psp}`);
  const path = str(m, 'path');
  if (path) c.push(path);
  const re = obj(m, 'safe_regex');
  if (re) c.push(`regex ${str(re, 'regex')}`);
  return c.join(' ');
}

/** One row per filter chain; listeners sorted by port, address, type; chains by destination, descending. */
export function listenerRows(dump: ConfigDump): ListenerRow[] {
  const listeners = activeOf(dump.listeners).map((e) => ({ e, port: listenerPort(e.resource), addr: listenerAddress(e.resource), type: listenerType(e.resource) }));
  listeners.sort((a, b) => a.port - b.port || cmp(a.addr, b.addr) || cmp(a.type, b.type));
  const rows: ListenerRow[] = [];
  for (const l of listeners) {
    const addresses = listenerAddresses(l.e.resource);
    const chains = chainsOf(l.e.resource).map((fc) => ({ match: describeChainMatch(fc), destination: describeChainDestination(fc) }));
    chains.sort((a, b) => cmp(b.destination, a.destination));
    for (const c of chains) rows.push({ name: l.e.name, addresses, port: l.port, match: c.match, destination: c.destination, type: l.type, state: l.e.state });
  }
  return rows;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ListenerFilter { address?: string; port?: number; type?: string }

export function filterListeners(rows: readonly ListenerRow[], f: ListenerFilter): ListenerRow[] {
  return rows.filter((r) => (!f.address || r.addresses.split(',')[0]!.toLowerCase() === f.address.toLowerCase())
    && (!f.port || r.port === f.port)
    && (!f.type || r.type.toLowerCase() === f.type.toLowerCase()));
}
