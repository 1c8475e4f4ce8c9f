// EnvoyFilter: always warned about; each patch needs applyTo, a patch with an operation and a
// value (except REMOVE); match objects must fit the applyTo class; proxy version regex compiles.
import type { Path } from '../model/resource';
import { type Ctx, type Obj, arr, has, obj, str } from './context';
import { validateAlphaSelector } from './labels';
import { validateRegexRE2 } from './regex';

const LISTENER_CLASS = new Set(['LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER']);
const ROUTE_CLASS = new Set(['ROUTE_CONFIGURATION', 'VIRTUAL_HOST', 'HTTP_ROUTE']);
const HCM = new Set(['envoy.filters.network.http_connection_manager', 'envoy.http_connection_manager']);
const DEPRECATED_NAMES: Record<string, string> = {
  'envoy.http_connection_manager': 'envoy.filters.network.http_connection_manager',
  'envoy.router': 'envoy.filters.http.router',
  'envoy.cors': 'envoy.filters.http.cors',
  'envoy.fault': 'envoy.filters.http.fault',
  'envoy.lua': 'envoy.filters.http.lua',
  'envoy.tcp_proxy': 'envoy.filters.network.tcp_proxy',
  'envoy.ext_authz': 'envoy.filters.http.ext_authz',
};

function deprecatedName(ctx: Ctx, path: Path, name: string | undefined): void {
  const repl = name ? DEPRECATED_NAMES[name] : undefined;
  if (repl) ctx.warn(path, `Envoy filter: using deprecated filter name "${name}"; use "${repl}" instead`);
}

function validateListenerMatch(ctx: Ctx, p: Path, applyTo: string, match: Obj): void {
  const listener = obj(match.listener);
  if (!listener) return void ctx.error([...p, 'match'], 'Envoy filter: applyTo for listener class objects cannot have non listener match', 'key');
  const filter = obj(obj(listener.filterChain)?.filter);
  if (!filter) return;
  const fp = [...p, 'match', 'listener', 'filterChain', 'filter'];
  if (applyTo === 'LISTENER' || applyTo === 'FILTER_CHAIN') ctx.warn(fp, `Envoy filter: filter match has no effect when used with ${applyTo}`, 'key');
  const name = str(filter.name) ?? '';
  if (!name) return void ctx.error(fp, 'Envoy filter: filter match has no name to match on', 'key');
  const sub = obj(filter.subFilter);
  if (sub) {
    if (applyTo !== 'HTTP_FILTER') return void ctx.error([...fp, 'subFilter'], 'Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only', 'key');
    if (!HCM.has(name)) return void ctx.error([...fp, 'subFilter'], 'Envoy filter: subfilter match requires filter match with envoy.filters.network.http_connection_manager', 'key');
    if (!str(sub.name)) return void ctx.error([...fp, 'subFilter'], 'Envoy filter: subfilter match has no name to match on', 'key');
  }
  deprecatedName(ctx, [...fp, 'name'], name);
  deprecatedName(ctx, [...fp, 'subFilter', 'name'], str(sub?.name));
}

export function validateEnvoyFilter(ctx: Ctx, spec: Obj): void {
  ctx.warn([], 'EnvoyFilter exposes internal implementation details that may change at any time. Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.', 'key');
  validateAlphaSelector(ctx, ['spec', 'workloadSelector'], spec.workloadSelector, 'Envoy filter');
  arr(spec.configPatches).forEach((raw, i) => {
    const cp = obj(raw);
    const p: Path = ['spec', 'configPatches', i];
    if (!cp) return void (raw === null && ctx.error(p, 'Envoy filter: null config patch'));
    const applyTo = str(cp.applyTo) ?? 'INVALID';
    if (applyTo === 'INVALID') return void ctx.error(p, 'Envoy filter: missing applyTo');
    const patch = obj(cp.patch);
    if (!patch) return void ctx.error(p, 'Envoy filter: missing patch');
    const op = str(patch.operation) ?? 'INVALID';
    if (op === 'INVALID') return void ctx.error([...p, 'patch'], 'Envoy filter: missing patch operation', 'key');
    if (op !== 'REMOVE' && !has(patch, 'value')) return void ctx.error([...p, 'patch'], 'Envoy filter: missing patch value for non-remove operation', 'key');
    const match = obj(cp.match);
    const version = str(obj(match?.proxy)?.proxyVersion);
    if (version) {
      const err = validateRegexRE2(version);
      if (err) return void ctx.error([...p, 'match', 'proxy', 'proxyVersion'], `Envoy filter: invalid regex for proxy version, [${err}]`);
    }
    const typed = match && (has(match, 'listener') || has(match, 'routeConfiguration') || has(match, 'cluster') || has(match, 'waypoint'));
    if (!match || !typed) return;
    if (LISTENER_CLASS.has(applyTo)) validateListenerMatch(ctx, p, applyTo, match);
    else if (ROUTE_CLASS.has(applyTo) && !has(match, 'routeConfiguration')) {
      ctx.error([...p, 'match'], 'Envoy filter: applyTo for http route class objects cannot have non route configuration match', 'key');
    } else if (applyTo === 'CLUSTER' && !has(match, 'cluster')) {
      ctx.error([...p, 'match'], 'Envoy filter: applyTo for cluster class objects cannot have non cluster match', 'key');
    }
  });
}
