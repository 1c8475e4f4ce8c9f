// Builds a VM sidecar's /config_dump from the real captures in ./data: bootstrap, static clusters,
// static listeners and routes from one, EDS and dynamic listeners from real sidecars, dynamic
// clusters and RDS routes synthesised from the EDS cluster names, fresh certificates as secrets.
import { SIDECAR_EDS_CONFIG_DUMP_JSON } from './data/sidecarEds';
import { SIDECAR_LISTENERS_CONFIG_DUMP_JSON } from './data/sidecarListeners';
import { listenerRouteNames, routeConfigsFor } from './sidecarRoutes';
import { WAYPOINT_CONFIG_DUMP_JSON } from './data/waypointDump';
import { loadAssignment, type ProfileCluster } from './meshProfiles';

type Json = Record<string, unknown>;
const T = 'type.googleapis.com/envoy.admin.v3.';

export interface DumpIdentity {
  nodeId: string;
  name: string;
  namespace: string;
  clusterId: string;
  istioVersion: string;
  /** istiod push version, `RFC3339/counter`. */
  version: string;
  lastUpdated: string;
  /** Workload labels; `app: <name>` when absent. */
  labels?: Record<string, string>;
}

export interface DumpSecrets {
  /** Leaf + root PEMs for `default`. */
  chainPem: string;
  rootPem: string;
}

let cached: { waypoint: Json[]; eds: Json; listeners: Json } | undefined;
function fixtures(): { waypoint: Json[]; eds: Json; listeners: Json } {
  cached ??= {
    waypoint: (JSON.parse(WAYPOINT_CONFIG_DUMP_JSON) as { configs: Json[] }).configs,
    eds: (JSON.parse(SIDECAR_EDS_CONFIG_DUMP_JSON) as { configs: Json[] }).configs[0],
    listeners: (JSON.parse(SIDECAR_LISTENERS_CONFIG_DUMP_JSON) as { configs: Json[] }).configs[0],
  };
  return cached;
}

const clone = <V>(v: V): V => structuredClone(v);
const section = (type: string): Json => clone(fixtures().waypoint.find((c) => c['@type'] === T + type) ?? { '@type': T + type });

/** `extra`: the namespace's own services (see meshProfiles), served as EDS clusters too. */
export function buildConfigDump(id: DumpIdentity, secrets: DumpSecrets, extra: ProfileCluster[] = []): { configs: Json[] } {
  const bootstrap = section('BootstrapConfigDump');
  const node = (bootstrap.bootstrap as { node: Json }).node;
  node.id = id.nodeId;
  node.cluster = `${id.name}.${id.namespace}`;
  node.metadata = {
    ...(node.metadata as Json),
    CLUSTER_ID: id.clusterId, ISTIO_VERSION: id.istioVersion, NAMESPACE: id.namespace,
    MESH_ID: 'cluster.local', NETWORK: 'vm-network', WORKLOAD_NAME: id.name,
    LABELS: id.labels ?? { app: id.name, 'service.istio.io/canonical-name': id.name },
  };
  node.user_agent_name = 'envoy';
  node.user_agent_build_version = {
    version: { major_number: 1, minor_number: 32, patch: 2 },
    metadata: { 'build.type': 'RELEASE', 'revision.sha': 'ee85c5f28702f00621aed895915fca565796b9e4', 'revision.status': 'Clean', 'ssl.version': 'BoringSSL' },
  };
  bootstrap.last_updated = id.lastUpdated;

  const eds = clone(fixtures().eds);
  eds.dynamic_endpoint_configs = [...(eds.dynamic_endpoint_configs as Json[]), ...extra.map(loadAssignment)];
  const drOf = new Map(extra.map((c) => [c.name, c.destinationRule]));
  const clusters = section('ClustersConfigDump');
  clusters.version_info = id.version;
  clusters.dynamic_active_clusters = (eds.dynamic_endpoint_configs as Json[]).map((e) => ({
    version_info: id.version,
    cluster: synthCluster(String((e.endpoint_config as Json).cluster_name), drOf),
    last_updated: id.lastUpdated,
  }));

  // Static listeners (15021 health, 15090 metrics) from the full capture, dynamic ones from a sidecar.
  const listeners = section('ListenersConfigDump');
  const sidecarListeners = clone(fixtures().listeners.dynamic_listeners as Json[]);
  for (const l of sidecarListeners) {
    const active = l.active_state as Json | undefined;
    if (active) { active.version_info = id.version; active.last_updated = id.lastUpdated; }
  }
  listeners.version_info = id.version;
  listeners.dynamic_listeners = sidecarListeners;
  const routes = section('RoutesConfigDump');
  const clusterNames = (eds.dynamic_endpoint_configs as Json[]).map((e) => String((e.endpoint_config as Json).cluster_name));
  routes.dynamic_route_configs = routeConfigsFor(listenerRouteNames(sidecarListeners), clusterNames, id.version, id.lastUpdated);
  const secretsDump = {
    '@type': T + 'SecretsConfigDump',
    dynamic_active_secrets: [
      { name: 'default', version_info: id.lastUpdated, last_updated: id.lastUpdated, secret: {
        '@type': 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret', name: 'default',
        tls_certificate: { certificate_chain: { inline_bytes: b64(secrets.chainPem) }, private_key: { inline_bytes: b64('[redacted]') } },
      } },
      { name: 'ROOTCA', version_info: id.lastUpdated, last_updated: id.lastUpdated, secret: {
        '@type': 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret', name: 'ROOTCA',
        validation_context: { trusted_ca: { inline_bytes: b64(secrets.rootPem) } },
      } },
    ],
  };
  return { configs: [bootstrap, clusters, eds, listeners, section('ScopedRoutesConfigDump'), routes, secretsDump] };
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

function synthCluster(name: string, drOf: Map<string, string | undefined>): Json {
  const base: Json = { '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', name };
  if (name === 'BlackHoleCluster') return { ...base, type: 'STATIC', connect_timeout: '10s' };
  if (name.startsWith('Passthrough') || name.startsWith('InboundPassthrough')) {
    return { ...base, type: 'ORIGINAL_DST', connect_timeout: '10s', lb_policy: 'CLUSTER_PROVIDED' };
  }
  if (name.startsWith('inbound|')) return { ...base, type: 'STATIC', connect_timeout: '10s' };
  const [, , , host] = name.split('|');
  const cluster: Json = {
    ...base, type: 'EDS', connect_timeout: '10s',
    eds_cluster_config: { eds_config: { ads: {}, initial_fetch_timeout: '0s', resource_api_version: 'V3' }, service_name: name },
    circuit_breakers: { thresholds: [{ max_connections: 4294967295, max_pending_requests: 4294967295, max_requests: 4294967295, max_retries: 4294967295 }] },
    metadata: { filter_metadata: { istio: { services: [{ host, name: host?.split('.')[0], namespace: host?.split('.')[1] }] } } },
  };
  const dr = host?.startsWith('reviews.') ? '/apis/networking.istio.io/v1/namespaces/default/destination-rule/reviews' : drOf.get(name);
  if (dr) (cluster.metadata as { filter_metadata: { istio: Json } }).filter_metadata.istio.config = dr;
  return cluster;
}
