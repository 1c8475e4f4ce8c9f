// Applies Envoy's /config_dump query parameters (resource, mask, name_regex, include_eds) the way
// config_dump_handler.cc does, including its 400/404 answers.
type Json = Record<string, unknown>;

export type QueryResult = { status: 200; body: Json } | { status: 400 | 404; text: string };

const ITEM_TYPES: Record<string, string> = {
  static_clusters: 'ClustersConfigDump.StaticCluster',
  dynamic_active_clusters: 'ClustersConfigDump.DynamicCluster',
  dynamic_warming_clusters: 'ClustersConfigDump.DynamicCluster',
  static_listeners: 'ListenersConfigDump.StaticListener',
  dynamic_listeners: 'ListenersConfigDump.DynamicListener',
  static_route_configs: 'RoutesConfigDump.StaticRouteConfig',
  dynamic_route_configs: 'RoutesConfigDump.DynamicRouteConfig',
  static_secrets: 'SecretsConfigDump.StaticSecret',
  dynamic_active_secrets: 'SecretsConfigDump.DynamicSecret',
  dynamic_warming_secrets: 'SecretsConfigDump.DynamicSecret',
  static_endpoint_configs: 'EndpointsConfigDump.StaticEndpointConfig',
  dynamic_endpoint_configs: 'EndpointsConfigDump.DynamicEndpointConfig',
  ecds_filters: 'EcdsConfigDump.EcdsFilterConfig',
};
const SCALAR_FIELDS = new Set(['bootstrap', 'version_info', 'last_updated']);

export function queryConfigDump(dump: { configs: Json[] }, params: URLSearchParams): QueryResult {
  const includeEds = params.has('include_eds');
  let configs = dump.configs.filter((c) => includeEds || !String(c['@type']).endsWith('EndpointsConfigDump'));
  const regexText = params.get('name_regex');
  let regex: RegExp | undefined;
  if (regexText) {
    try { regex = new RegExp(`^(?:${regexText})$`); } catch { return { status: 400, text: `Error while parsing name_regex from ${regexText}` }; }
  }
  const masks = params.get('mask')?.split(',').map((m) => m.trim()).filter(Boolean);
  const resource = params.get('resource');

  if (resource) {
    const items: Json[] = [];
    let found = false;
    for (const c of configs) {
      if (!(resource in c)) continue;
      if (!Array.isArray(c[resource])) return { status: 400, text: `${resource} is not a repeated field. Use ?mask=${resource} to get only this field` };
      found = true;
      for (const item of c[resource] as Json[]) {
        if (regex && !regex.test(nameOf(item))) continue;
        const typed = { '@type': `type.googleapis.com/envoy.admin.v3.${ITEM_TYPES[resource] ?? resource}`, ...item };
        items.push(masks ? applyMask(typed, masks, true) : typed);
      }
    }
    if (!found && !ITEM_TYPES[resource]) return { status: 404, text: `${resource} not found in config dump` };
    return { status: 200, body: { configs: items } };
  }

  if (regex) configs = configs.map((c) => filterByName(c, regex as RegExp));
  if (masks) {
    const fits = configs.filter((c) => masks.some((m) => m.split('.')[0] in c || SCALAR_FIELDS.has(m) && m in c));
    if (fits.length === 0) return { status: 400, text: `FieldMask paths:"${masks.join('" paths:"')}" could not be successfully applied to any configs.` };
    configs = fits.map((c) => applyMask(c, masks, true));
  }
  return { status: 200, body: { configs } };
}

function nameOf(item: Json): string {
  const inner = (item.cluster ?? (item.active_state as Json | undefined)?.listener ?? item.listener ?? item.route_config
    ?? item.secret ?? item.endpoint_config ?? item.ecds_filter) as Json | undefined;
  return String(item.name ?? inner?.name ?? inner?.cluster_name ?? '');
}

function filterByName(section: Json, regex: RegExp): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(section)) {
    out[k] = Array.isArray(v) && ITEM_TYPES[k] ? (v as Json[]).filter((i) => regex.test(nameOf(i))) : v;
  }
  return out;
}

function applyMask(obj: Json, masks: string[], keepType: boolean): Json {
  const out: Json = keepType && obj['@type'] ? { '@type': obj['@type'] } : {};
  for (const m of masks) {
    const [head, ...rest] = m.split('.');
    if (!(head in obj)) continue;
    const v = obj[head];
    if (rest.length === 0) out[head] = v;
    else if (Array.isArray(v)) out[head] = (v as Json[]).map((i) => applyMask(i, [rest.join('.')], false));
    else if (v && typeof v === 'object') out[head] = { ...(out[head] as Json ?? {}), ...applyMask(v as Json, [rest.join('.')], false) };
  }
  return out;
}
