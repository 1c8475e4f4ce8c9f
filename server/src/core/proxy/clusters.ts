// Cluster rows as istioctl `proxy-config cluster` prints them.
import { activeOf } from './configDump';
import { obj, str } from './json';
import type { ClusterRow, ConfigDump, Json } from './types';
import { compareText } from '../text/compare';

/** `direction|port|subset|fqdn` (istio model.ParseSubsetKey); null for any other name. */
export function parseClusterName(name: string): { direction: string; port: number; subset: string; fqdn: string } | null {
  const parts = name.split('|');
  if (parts.length < 4) return null;
  return { direction: parts[0]!, port: Number.parseInt(parts[1]!, 10) || 0, subset: parts[2]!, fqdn: parts[3]! };
}

/** `/apis/networking.istio.io/<v>/namespaces/<ns>/<kind>/<name>` -> `name.ns`; other text -> `<unknown>`. */
export function renderIstioConfig(path: string): string {
  if (!path.startsWith('/apis/networking.istio.io/')) return '<unknown>';
  const pieces = path.split('/');
  return pieces.length === 8 ? `${pieces[7]}.${pieces[5]}` : '<unknown>';
}

/** `metadata.filter_metadata.istio.config` of a cluster or route, rendered; '' when absent. */
export function istioConfigOf(resource: Json): string {
  const istio = obj(obj(obj(resource, 'metadata'), 'filter_metadata'), 'istio');
  if (!istio || istio.config === undefined) return '';
  return renderIstioConfig(str(istio, 'config'));
}

/** Envoy DiscoveryType enum name; absent means STATIC (enum 0), numbers map to names. */
export function discoveryType(cluster: Json): string {
  const t = cluster.type;
  const names = ['STATIC', 'STRICT_DNS', 'LOGICAL_DNS', 'EDS', 'ORIGINAL_DST'];
  if (typeof t === 'number') return names[t] ?? String(t);
  return typeof t === 'string' && t !== '' ? t : 'STATIC';
}

type SortKey = [string, string, number, string];

function sortKey(name: string): SortKey {
  const p = parseClusterName(name);
  return p ? [p.fqdn, p.subset, p.port, p.direction] : [name, '', 0, ''];
}

/** Compares two cluster names the way istioctl sorts them: fqdn, subset, port, direction. */
export function compareClusterNames(a: string, b: string): number {
  return compareKeys(sortKey(a), sortKey(b));
}

function compareKeys(x: SortKey, y: SortKey): number {
  if (x[0] !== y[0]) return x[0] < y[0] ? -1 : 1;
  if (x[1] !== y[1]) return x[1] < y[1] ? -1 : 1;
  if (x[2] !== y[2]) return x[2] - y[2];
  return compareText(x[3], y[3]);
}

/** Static and active dynamic clusters (warming ones are left out, as istioctl does), sorted. */
export function clusterRows(dump: ConfigDump): ClusterRow[] {
  const entries = activeOf(dump.clusters);
  const rows: ClusterRow[] = new Array(entries.length);
  // Sort keys in flat arrays and an index sort: a sidecar can hold tens of thousands of clusters.
  const fqdn: string[] = new Array(entries.length);
  const subset: string[] = new Array(entries.length);
  const port: number[] = new Array(entries.length);
  const direction: string[] = new Array(entries.length);
  entries.forEach((e, i) => {
    const p = parseClusterName(e.name);
    fqdn[i] = p ? p.fqdn : e.name;
    subset[i] = p ? p.subset : '';
    port[i] = p ? p.port : 0;
    direction[i] = p ? p.direction : '';
    rows[i] = {
      name: e.name,
      fqdn: fqdn[i]!,
      port: p ? String(p.port) : '-',
      subset: p ? p.subset || '-' : '-',
      direction: p ? p.direction : '-',
      type: discoveryType(e.resource),
      destinationRule: istioConfigOf(e.resource),
      state: e.state,
    };
  });
  const order = rows.map((_r, i) => i);
  order.sort((a, b) => {
    if (fqdn[a] !== fqdn[b]) return fqdn[a]! < fqdn[b]! ? -1 : 1;
    if (subset[a] !== subset[b]) return subset[a]! < subset[b]! ? -1 : 1;
    if (port[a] !== port[b]) return port[a]! - port[b]!;
    return direction[a]! < direction[b]! ? -1 : direction[a]! > direction[b]! ? 1 : 0;
  });
  return order.map((i) => rows[i]!);
}

export interface ClusterFilter { fqdn?: string; port?: number; subset?: string; direction?: string }

/** istioctl ClusterFilter: substrings of the cluster name; port as `|<port>|`. */
export function filterClusters(rows: readonly ClusterRow[], f: ClusterFilter): ClusterRow[] {
  return rows.filter((r) => (!f.fqdn || r.name.includes(f.fqdn))
    && (!f.direction || r.name.includes(f.direction))
    && (!f.subset || r.name.includes(f.subset))
    && (!f.port || r.name.includes(`|${f.port}|`)));
}
