// `localityLbSetting`: distribute or failover (not both), weights summing to 100, localities
// `region/zone/subzone` with at most one trailing `*`, no overlaps.
import type { Path } from '../model/resource';
import { type Ctx, arr, obj, str, strs } from './context';

const TOPOLOGY = new Set(['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone']);

/** First problem in a list of localities, as the webhook words it. */
function localitiesError(localities: string[]): string | undefined {
  const seen = new Map<string, Map<string, Set<string>>>();
  for (const loc of localities) {
    const stars = loc.split('*').length - 1;
    if (stars > 0 && (stars > 1 || !loc.endsWith('*'))) return `locality ${loc} wildcard '*' number can not exceed 1 and must be in the end`;
    if (seen.has('*')) return `locality ${loc} overlap with previous specified ones`;
    const items = loc.split('/');
    const parts = [items[0], items[1], items.slice(2).join('/')].slice(0, Math.min(items.length, 3));
    if (parts.some((x) => x === '')) return `locality ${loc} must not contain empty region/zone/subzone info`;
    const [region, zone, sub] = parts;
    const r = seen.get(region);
    if (parts.length === 1) {
      if (r) return `locality ${loc} overlap with previous specified ones`;
      seen.set(region, new Map([['*', new Set(['*'])]]));
    } else if (parts.length === 2) {
      if (r && (r.has('*') || r.has(zone))) return `locality ${loc} overlap with previous specified ones`;
      if (r) r.set(zone, new Set(['*']));
      else seen.set(region, new Map([[zone, new Set(['*'])]]));
    } else {
      if (r?.has('*')) return `locality ${loc} overlap with previous specified ones`;
      const z = r?.get(zone);
      if (z && (z.has('*') || z.has(sub))) return `locality ${loc} overlap with previous specified ones`;
      if (z) z.add(sub);
      else if (r) r.set(zone, new Set([sub]));
      else seen.set(region, new Map([[zone, new Set([sub])]]));
    }
  }
  return undefined;
}

export function validateLocality(ctx: Ctx, path: Path, raw: unknown, outlier: unknown): void {
  const lb = obj(raw);
  if (!lb) return;
  const distribute = arr(lb.distribute);
  const failover = arr(lb.failover);
  const priority = strs(lb.failoverPriority);
  if (distribute.length > 0 && failover.length > 0) return void ctx.error(path, "can not simultaneously specify 'distribute' and 'failover'", 'key');
  if (failover.length > 0) {
    const topo = priority.findIndex((l) => TOPOLOGY.has(l));
    if (topo >= 0) return void ctx.error([...path, 'failoverPriority', topo], `can not simultaneously set 'failover' and topology label '${priority[topo]}' in 'failover_priority'`);
  }
  const sources: string[] = [];
  for (let i = 0; i < distribute.length; i++) {
    const d = obj(distribute[i]);
    if (!d) continue;
    sources.push(str(d.from) ?? '');
    let total = 0;
    for (const [, w] of Object.entries(obj(d.to) ?? {})) {
      const n = typeof w === 'number' ? w : 0;
      if (n <= 0 || n > 100) return void ctx.error([...path, 'distribute', i, 'to'], 'locality weight must be in range [1, 100]');
      total += n;
    }
    if (total !== 100) return void ctx.error([...path, 'distribute', i, 'to'], `total locality weight ${total} != 100`);
    const err = localitiesError(Object.keys(obj(d.to) ?? {}));
    if (err) ctx.error([...path, 'distribute', i, 'to'], err);
  }
  const serr = localitiesError(sources);
  if (serr) ctx.error([...path, 'distribute'], serr, 'key');
  if ((failover.length > 0 || priority.length > 0) && !obj(outlier)) ctx.warn(path, 'outlier detection policy must be provided for failover', 'key');
  failover.forEach((raw2, i) => {
    const f = obj(raw2);
    if (!f) return;
    const from = str(f.from) ?? '';
    const to = str(f.to) ?? '';
    const p = [...path, 'failover', i];
    if (from === to) ctx.error(p, 'locality lb failover settings must specify different regions');
    if (from.includes('/') || to.includes('/')) ctx.error(p, 'locality lb failover only specify region');
    if (from.includes('*') || to.includes('*')) ctx.error(p, "locality lb failover region should not contain '*' wildcard");
  });
}
