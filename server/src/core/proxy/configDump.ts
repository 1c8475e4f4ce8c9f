// Parses Envoy's /config_dump (snake_case) and istiod's /debug/config_dump (camelCase) into one
// shape. Unknown sections are kept as raw; only a body that is not a config dump at all throws.
import { ProxyDataError } from './errors';
import { arr, field, isObject, kindOf, obj, parseJson, str } from './json';
import type { ConfigDump, DumpEntry, Json } from './types';

type Mutable = { -readonly [K in keyof ConfigDump]: ConfigDump[K] };

const SOURCE = 'config_dump';

/**
 * Parses a config_dump body (text or parsed JSON). Accepts the full dump, masked dumps,
 * `?resource=` element lists and istiod's `types=` flat lists. Legacy envoy.admin.v2alpha
 * sections and v2 inner resources are read the same way.
 * @throws ProxyDataError on invalid JSON or when the top level is not `{"configs": [...]}`.
 */
export function parseConfigDump(body: string | unknown): ConfigDump {
  const root = parseJson(body, SOURCE);
  if (!isObject(root)) throw new ProxyDataError(SOURCE, `expected an object with a "configs" array, got ${kindOf(root)}`);
  let configs = root.configs;
  // A bare BootstrapConfigDump (what istioctl's bootstrap writer tests feed it) is accepted too.
  if (configs === undefined && isObject(root.bootstrap)) configs = [{ '@type': 'type.googleapis.com/envoy.admin.v3.BootstrapConfigDump', ...root }];
  if (!Array.isArray(configs)) {
    throw new ProxyDataError(SOURCE, configs === undefined ? 'no "configs" array at the top level' : `"configs" is ${kindOf(configs)}, expected an array`);
  }
  const dump: Mutable = { clusters: [], listeners: [], routes: [], scopedRoutes: [], secrets: [], endpoints: [], ecds: [], sections: [], raw: [] };
  configs.forEach((section, i) => {
    if (!isObject(section)) {
      dump.raw.push({ type: `<configs[${i}] is ${kindOf(section)}>`, value: {} });
      return;
    }
    readSection(dump, section);
  });
  return dump;
}

function shortType(section: Json): string {
  const t = typeof section['@type'] === 'string' ? (section['@type'] as string) : '';
  return t.slice(t.lastIndexOf('/') + 1);
}

function readSection(dump: Mutable, section: Json): void {
  const full = shortType(section);
  const parts = full.split('.');
  const last = parts[parts.length - 1] ?? '';
  const parent = parts[parts.length - 2] ?? '';
  switch (last) {
    case 'BootstrapConfigDump': {
      dump.sections.push('bootstrap');
      const b = obj(section, 'bootstrap');
      if (b) dump.bootstrap = b;
      return;
    }
    case 'ClustersConfigDump':
      dump.sections.push('clusters');
      for (const e of arr(section, 'static_clusters')) pushEntry(dump.clusters, e, 'cluster', 'static');
      for (const e of arr(section, 'dynamic_active_clusters')) pushEntry(dump.clusters, e, 'cluster', 'active');
      for (const e of arr(section, 'dynamic_warming_clusters')) pushEntry(dump.clusters, e, 'cluster', 'warming');
      return;
    case 'ListenersConfigDump':
      dump.sections.push('listeners');
      for (const e of arr(section, 'static_listeners')) pushEntry(dump.listeners, e, 'listener', 'static');
      for (const e of arr(section, 'dynamic_listeners')) pushDynamicListener(dump.listeners, e);
      return;
    case 'RoutesConfigDump':
      dump.sections.push('routes');
      for (const e of arr(section, 'static_route_configs')) pushEntry(dump.routes, e, 'route_config', 'static');
      for (const e of arr(section, 'dynamic_route_configs')) pushEntry(dump.routes, e, 'route_config', 'active');
      return;
    case 'ScopedRoutesConfigDump':
      dump.sections.push('scopedRoutes');
      for (const e of arr(section, 'inline_scoped_route_configs')) pushScoped(dump.scopedRoutes, e, 'static');
      for (const e of arr(section, 'dynamic_scoped_route_configs')) pushScoped(dump.scopedRoutes, e, 'active');
      return;
    case 'SecretsConfigDump':
      dump.sections.push('secrets');
      for (const e of arr(section, 'static_secrets')) pushEntry(dump.secrets, e, 'secret', 'static');
      for (const e of arr(section, 'dynamic_active_secrets')) pushEntry(dump.secrets, e, 'secret', 'active');
      for (const e of arr(section, 'dynamic_warming_secrets')) pushEntry(dump.secrets, e, 'secret', 'warming');
      return;
    case 'EndpointsConfigDump':
      dump.sections.push('endpoints');
      for (const e of arr(section, 'static_endpoint_configs')) pushEntry(dump.endpoints, e, 'endpoint_config', 'static');
      for (const e of arr(section, 'dynamic_endpoint_configs')) pushEntry(dump.endpoints, e, 'endpoint_config', 'active');
      return;
    case 'EcdsConfigDump':
      if (!dump.sections.includes('ecds')) dump.sections.push('ecds');
      for (const e of arr(section, 'ecds_filters')) pushEntry(dump.ecds, e, 'ecds_filter', 'active');
      return;
  }
  // `?resource=<field>` answers: each element is its own Any, e.g. ClustersConfigDump.DynamicCluster.
  if (parent.endsWith('ConfigDump') && readElement(dump, parent, last, section)) return;
  // istiod `types=` answers and bare resources: the xDS resource itself.
  if (readBareResource(dump, last, section)) return;
  dump.raw.push({ type: typeof section['@type'] === 'string' ? (section['@type'] as string) : '', value: section });
}

function readElement(dump: Mutable, parent: string, kind: string, el: Json): boolean {
  const isStatic = kind.startsWith('Static') || kind.startsWith('Inline');
  const state = isStatic ? 'static' : 'active';
  switch (parent) {
    case 'ClustersConfigDump': pushEntry(dump.clusters, el, 'cluster', state); return true;
    case 'RoutesConfigDump': pushEntry(dump.routes, el, 'route_config', state); return true;
    case 'SecretsConfigDump': pushEntry(dump.secrets, el, 'secret', state); return true;
    case 'EndpointsConfigDump': pushEntry(dump.endpoints, el, 'endpoint_config', state); return true;
    case 'EcdsConfigDump': pushEntry(dump.ecds, el, 'ecds_filter', 'active'); return true;
    case 'ListenersConfigDump':
      if (isStatic) pushEntry(dump.listeners, el, 'listener', 'static'); else pushDynamicListener(dump.listeners, el);
      return true;
    case 'ScopedRoutesConfigDump': pushScoped(dump.scopedRoutes, el, state); return true;
    default: return false;
  }
}

function readBareResource(dump: Mutable, kind: string, r: Json): boolean {
  const entry = (name: string): DumpEntry => ({ name, resource: r, state: 'active' });
  switch (kind) {
    case 'Cluster': dump.clusters.push(entry(str(r, 'name'))); return true;
    case 'Listener': dump.listeners.push(entry(str(r, 'name'))); return true;
    case 'RouteConfiguration': dump.routes.push(entry(str(r, 'name'))); return true;
    case 'ClusterLoadAssignment': dump.endpoints.push(entry(str(r, 'cluster_name'))); return true;
    case 'Secret': dump.secrets.push(entry(str(r, 'name'))); return true;
    case 'TypedExtensionConfig': dump.ecds.push(entry(str(r, 'name'))); return true;
    default: return false;
  }
}

/** Name of an inner resource: most carry `name`; ClusterLoadAssignment has `cluster_name`. */
function nameOf(resource: Json, wrapper: Json): string {
  return str(resource, 'name') || str(resource, 'cluster_name') || str(wrapper, 'name');
}

function pushEntry(out: DumpEntry[], wrapper: unknown, key: string, state: DumpEntry['state']): void {
  if (!isObject(wrapper)) return;
  const resource = obj(wrapper, key) ?? {};
  const errorState = obj(wrapper, 'error_state');
  out.push({
    name: nameOf(resource, wrapper),
    resource,
    state: errorState && !field(wrapper, key) ? 'error' : state,
    versionInfo: str(wrapper, 'version_info') || undefined,
    lastUpdated: str(wrapper, 'last_updated') || undefined,
    error: errorState ? str(errorState, 'details') || 'rejected' : undefined,
  });
}

function pushScoped(out: DumpEntry[], wrapper: unknown, state: DumpEntry['state']): void {
  if (!isObject(wrapper)) return;
  for (const c of arr(wrapper, 'scoped_route_configs')) {
    const resource = isObject(c) ? c : {};
    out.push({ name: str(resource, 'name') || str(wrapper, 'name'), resource, state, versionInfo: str(wrapper, 'version_info') || undefined });
  }
}

/** dynamic_listeners[] = {name, active_state, warming_state, draining_state, error_state}. */
function pushDynamicListener(out: DumpEntry[], wrapper: unknown): void {
  if (!isObject(wrapper)) return;
  const name = str(wrapper, 'name');
  const errorState = obj(wrapper, 'error_state');
  const error = errorState ? str(errorState, 'details') || 'rejected' : undefined;
  let any = false;
  for (const [key, state] of [['active_state', 'active'], ['warming_state', 'warming'], ['draining_state', 'draining']] as const) {
    const s = obj(wrapper, key);
    if (!s) continue;
    any = true;
    const resource = obj(s, 'listener') ?? {};
    out.push({ name: str(resource, 'name') || name, resource, state, versionInfo: str(s, 'version_info') || undefined, lastUpdated: str(s, 'last_updated') || undefined, error });
  }
  if (!any && errorState) {
    const failed = obj(errorState, 'failed_configuration') ?? {};
    out.push({ name, resource: failed, state: 'error', lastUpdated: str(errorState, 'last_update_attempt') || undefined, error });
  }
}

/** Resources of a kind that istioctl tables read: static + dynamic active (warming/draining/error left out). */
export function activeOf(entries: readonly DumpEntry[]): DumpEntry[] {
  return entries.filter((e) => e.state === 'static' || e.state === 'active');
}
