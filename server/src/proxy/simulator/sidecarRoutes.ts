// RDS route configurations for a sidecar's outbound HTTP listeners, built from its clusters the
// way istiod does: one RouteConfiguration per port, one virtual host per service on that port.
type Json = Record<string, unknown>;

export function listenerRouteNames(listeners: Json[]): string[] {
  const names = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (!v || typeof v !== 'object') return;
    const rds = (v as Json).route_config_name;
    if (typeof rds === 'string') names.add(rds);
    Object.values(v as Json).forEach(walk);
  };
  walk(listeners);
  return [...names].filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b));
}

export function routeConfigsFor(routeNames: string[], clusterNames: string[], version: string, lastUpdated: string): Json[] {
  return routeNames.map((port) => {
    const hosts = clusterNames.filter((c) => c.startsWith(`outbound|${port}||`)).map((c) => c.split('|')[3]);
    const virtual_hosts: Json[] = hosts.map((host) => {
      const [svc, ns] = host.split('.');
      const domains = [...new Set([host, `${host}:${port}`, `${svc}.${ns}.svc`, `${svc}.${ns}.svc:${port}`, `${svc}.${ns}`, `${svc}.${ns}:${port}`,
        ...(ns === 'default' ? [svc, `${svc}:${port}`] : [])])];
      return {
        name: `${host}:${port}`, domains,
        routes: [{
          match: { prefix: '/' }, name: 'default',
          route: { cluster: `outbound|${port}||${host}`, timeout: '0s', max_grpc_timeout: '0s' },
          decorator: { operation: `${host}:${port}/*` },
          ...(svc === 'reviews' ? { metadata: { filter_metadata: { istio: { config: '/apis/networking.istio.io/v1/namespaces/default/virtual-service/reviews' } } } } : {}),
        }],
        include_request_attempt_count: true,
      };
    });
    virtual_hosts.push({ name: 'allow_any', domains: ['*'], routes: [{ match: { prefix: '/' }, name: 'allow_any', route: { cluster: 'PassthroughCluster', timeout: '0s' } }], include_request_attempt_count: true });
    return {
      version_info: version,
      route_config: { '@type': 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration', name: port, virtual_hosts, validate_clusters: false, ignore_port_in_host_matching: true },
      last_updated: lastUpdated,
    };
  });
}
