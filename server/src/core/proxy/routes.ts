// Route rows as istioctl `proxy-config route` prints them (one row per route of each virtual host).
import { istioConfigOf } from './clusters';
import { describeMatch } from './listeners';
import { arr, isObject, obj, str } from './json';
import type { ConfigDump, DumpEntry, Json, RouteRow } from './types';
import { compareText } from '../text/compare';

/** Dynamic route configs (sorted, numerically when both names are numbers), then static ones. */
function orderedRouteConfigs(dump: ConfigDump): DumpEntry[] {
  const dyn = dump.routes.filter((r) => r.state === 'active');
  dyn.sort((a, b) => {
    const x = Number(a.name);
    const y = Number(b.name);
    if (a.name !== '' && b.name !== '' && Number.isInteger(x) && Number.isInteger(y)) return x - y;
    return compareText(a.name, b.name);
  });
  return [...dyn, ...dump.routes.filter((r) => r.state === 'static')];
}

/** One domain as is; several: drop ones with a port, collapse x / x.svc / x.svc.cluster.local, "+ N more...". */
export function describeRouteDomains(domains: readonly string[]): string {
  if (domains.length === 0) return '';
  if (domains.length === 1) return domains[0]!;
  const candidates = domains.filter((d) => !d.includes(':'));
  const set = new Set(candidates);
  const drop = new Set<string>();
  for (const h of candidates) {
    const full = h.endsWith('.svc.cluster.local') ? h.slice(0, -'.svc.cluster.local'.length) : h;
    if (full !== h && set.has(full)) drop.add(h);
    const partial = h.endsWith('.svc') ? h.slice(0, -'.svc'.length) : h;
    if (partial !== h && set.has(partial)) drop.add(h);
  }
  const unique = candidates.filter((h) => !drop.has(h));
  if (unique.length > 2) return `${unique.slice(0, 2).join(', ')} + ${unique.length - 2} more...`;
  return unique.join(', ');
}

function isPassthrough(r: Json): boolean {
  return str(obj(r, 'route'), 'cluster') === 'PassthroughCluster';
}

export function routeRows(dump: ConfigDump): RouteRow[] {
  const rows: RouteRow[] = [];
  for (const rc of orderedRouteConfigs(dump)) {
    for (const vh of arr(rc.resource, 'virtual_hosts').filter(isObject)) {
      const vhost = str(vh, 'name');
      const domains = describeRouteDomains(arr(vh, 'domains').map(String));
      const routes = arr(vh, 'routes').filter(isObject);
      for (const r of routes) {
        if (isPassthrough(r)) continue;
        rows.push({ name: rc.name, vhost, domains, match: describeMatch(obj(r, 'match') ?? {}), virtualService: istioConfigOf(r) });
      }
      if (routes.length === 0) rows.push({ name: rc.name, vhost, domains, match: '/*', virtualService: '404' });
    }
  }
  return rows;
}

/** Route names with their virtual-host count (istioctl non-verbose table). */
export function routeSummaries(dump: ConfigDump): { name: string; virtualHosts: number }[] {
  return orderedRouteConfigs(dump).map((rc) => ({ name: rc.name, virtualHosts: arr(rc.resource, 'virtual_hosts').length }));
}

export interface RouteFilter { name?: string }

export function filterRoutes(rows: readonly RouteRow[], f: RouteFilter): RouteRow[] {
  return rows.filter((r) => !f.name || r.name === f.name);
}
