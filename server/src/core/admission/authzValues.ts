// AuthorizationPolicy value checks: IPs/CIDRs, ports, condition keys and their values, path
// templates, and `*` placement (Istio matches `*` only as prefix, suffix or alone).
import { isCIDR, isIP } from './addresses';

export function ipErrors(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (v.includes('/')) {
      if (!isCIDR(v)) out.push(`bad CIDR range (${v}): netip.ParsePrefix("${v}"): invalid prefix`);
    } else if (!isIP(v)) out.push(`bad IP address (${v})`);
  }
  return out;
}

export function portErrors(values: string[]): string[] {
  const out: string[] = [];
  for (const p of values) {
    if (!/^\d+$/.test(p)) out.push(`bad port (${p}): strconv.ParseUint: parsing "${p}": invalid syntax`);
    else if (Number(p) > 65535) out.push(`bad port (${p}): <nil>`);
  }
  return out;
}

function mapKeyError(key: string): string | undefined {
  const open = key.indexOf('[');
  return key.endsWith(']') && open > 0 && open < key.length - 2 ? undefined : `bad key (${key}): should have format a[b]`;
}

const PLAIN_KEYS = new Set([
  'source.namespace', 'source.principal', 'request.auth.principal', 'request.auth.audiences',
  'request.auth.presenter', 'connection.sni',
]);
const IP_KEYS = new Set(['source.ip', 'remote.ip', 'destination.ip']);

/** Problems with a `when` condition's key and values (empty list when fine). */
export function attributeErrors(key: string, values: string[]): string[] {
  if (values.some((v) => v === '')) return [`empty value not allowed, found in ${key}`];
  if (key.startsWith('request.headers')) return listOf(mapKeyError(key));
  if (IP_KEYS.has(key)) return ipErrors(values);
  if (PLAIN_KEYS.has(key)) return [];
  if (key.startsWith('request.auth.claims')) return listOf(mapKeyError(key));
  if (key === 'destination.port') return portErrors(values);
  if (key.startsWith('experimental.envoy.filters.')) return listOf(mapKeyError(key));
  if (key === 'destination.namespace') return [`attribute ${key} is replaced by the metadata.namespace`];
  if (key.startsWith('destination.labels')) return [`attribute ${key} is replaced by the workload selector`];
  if (key === 'destination.name' || key === 'destination.user') return [`deprecated attribute ${key}: only supported in v1alpha1`];
  return [`unknown attribute: ${key}`];
}

const listOf = (e: string | undefined): string[] => (e ? [e] : []);

const UNSUPPORTED_TEMPLATE = /\/\{\w+=\*[*]?\}|\{\w*\}|\/\*[*]?|\*[*]?\//;
const isPathTemplate = (p: string): boolean => p.includes('{*}') || p.includes('{**}');

export function pathTemplateError(path: string): boolean {
  return isPathTemplate(path) && UNSUPPORTED_TEMPLATE.test(path);
}

/** `*` used somewhere other than alone, first or last: Istio compares it literally. */
export function hasInnerWildcard(v: string): boolean {
  if (v === '*' || !v.includes('*')) return false;
  if (isPathTemplate(v)) return false;
  const inner = v.slice(v.startsWith('*') ? 1 : 0, v.endsWith('*') ? -1 : undefined);
  return inner.includes('*');
}
