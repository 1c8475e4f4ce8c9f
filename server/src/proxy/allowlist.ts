// Which admin paths a connection may call. Reads are a fixed allowlist; anything that changes the
// proxy (log levels, draining, shutting down, counters) needs a person's explicit confirmation.

/** Which listener of the VM a path belongs to. */
export type AdminPort = 'admin' | 'agent' | 'istiod';

export interface AllowedPath {
  pathname: string;
  port: AdminPort;
  /** Query keys the path accepts; others are refused so nothing sneaks through a query string. */
  query: readonly string[];
}

const READ_ONLY: readonly AllowedPath[] = [
  { pathname: '/config_dump', port: 'admin', query: ['resource', 'mask', 'name_regex', 'include_eds'] },
  { pathname: '/clusters', port: 'admin', query: ['format'] },
  { pathname: '/listeners', port: 'admin', query: ['format'] },
  { pathname: '/certs', port: 'admin', query: [] },
  { pathname: '/server_info', port: 'admin', query: [] },
  { pathname: '/ready', port: 'admin', query: [] },
  { pathname: '/stats', port: 'admin', query: ['usedonly', 'filter', 'format', 'type', 'histogram_buckets'] },
  { pathname: '/stats/prometheus', port: 'admin', query: ['usedonly', 'filter', 'text_readouts'] },
  { pathname: '/memory', port: 'admin', query: [] },
  { pathname: '/runtime', port: 'admin', query: [] },
  { pathname: '/hot_restart_version', port: 'admin', query: [] },
  { pathname: '/healthz/ready', port: 'agent', query: [] },
  { pathname: '/debug/syncz', port: 'istiod', query: ['namespace'] },
  { pathname: '/debug/config_dump', port: 'istiod', query: ['proxyID', 'include_eds', 'types'] },
  { pathname: '/debug/connections', port: 'istiod', query: [] },
];

/** Envoy and istio-agent endpoints that change state. Never called without confirmation. */
export const MUTATING_PATHS: readonly AllowedPath[] = [
  '/logging', '/quitquitquit', '/healthcheck/fail', '/healthcheck/ok', '/reset_counters',
  '/drain_listeners', '/cpuprofiler', '/heapprofiler', '/runtime_modify', '/tap',
].map((pathname): AllowedPath => ({ pathname, port: 'admin', query: ['level', 'paths', 'inboundonly', 'graceful', 'enable'] }))
  .concat([{ pathname: '/drain', port: 'agent', query: [] }]);

export type PathCheck =
  | { ok: true; entry: AllowedPath; mutating: boolean }
  | { ok: false; reason: string };

export function checkPath(path: string): PathCheck {
  if (!path.startsWith('/') || path.startsWith('//')) return { ok: false, reason: `'${path}' is not an admin path` };
  const url = new URL(path, 'http://proxy.invalid');
  // The path checked must be the path sent: no `..`, `%2e`, backslashes or tabs that the URL
  // parser would rewrite (a leading `/\\host` even becomes another authority).
  const rawPath = path.split(/[?#]/, 1)[0];
  if (url.host !== 'proxy.invalid' || url.pathname !== rawPath) {
    return { ok: false, reason: `refused ${JSON.stringify(rawPath)}: not a plain admin path (the URL parser reads it as ${url.host === 'proxy.invalid' ? '' : `host '${url.host}', `}path '${url.pathname}')` };
  }
  const read = READ_ONLY.find((e) => e.pathname === url.pathname);
  const mutate = MUTATING_PATHS.find((e) => e.pathname === url.pathname);
  const entry = read ?? mutate;
  if (!entry) return { ok: false, reason: `refused ${url.pathname}: not on the read-only allowlist` };
  for (const key of url.searchParams.keys()) {
    if (!entry.query.includes(key)) return { ok: false, reason: `refused ${url.pathname}: query parameter '${key}' is not allowed` };
  }
  return { ok: true, entry, mutating: !read };
}
