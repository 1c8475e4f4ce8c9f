// The state of one simulated VM sidecar: every admin body it serves, built once at start-up from
// the fixture captures plus its scenario, with certificates issued relative to now.
import { clustersJson, certsJson, serverInfo, type HostOverride, type StatCounters } from './adminBodies';
import { HOSTILE, SCENARIO_SPECS, type ScenarioName, type ScenarioSpec } from './scenarios';
import { profileFor } from './meshProfiles';
import { buildConfigDump } from './sidecarDump';
import { issueCertificate, type Issued } from './x509';

type Json = Record<string, unknown>;

export interface SidecarOptions {
  name?: string;
  namespace?: string;
  ip?: string;
  scenario?: ScenarioName;
  /** Mesh root; one is issued per call when absent (share one across a fleet). */
  ca?: Issued;
  now?: number;
  trustDomain?: string;
}

export interface SynczEntry {
  cluster_id: string; proxy: string; proxy_type: string; istio_version: string;
  [key: string]: unknown;
}

export interface SimulatedSidecar {
  name: string; namespace: string; nodeId: string; scenario: ScenarioName; spec: ScenarioSpec;
  dump: { configs: Json[] };
  clusters: Json;
  certs: Json;
  serverInfo: Json;
  stats: StatCounters;
  syncz: SynczEntry;
  leafSerial: string;
}

const LISTENER = 'type.googleapis.com/envoy.config.listener.v3.Listener';
const TYPES = ['cluster.v3.Cluster', 'listener.v3.Listener', 'route.v3.RouteConfiguration', 'endpoint.v3.ClusterLoadAssignment']
  .map((t) => `type.googleapis.com/envoy.config.${t}`);

export function createMeshRoot(trustDomain = 'cluster.local', now = Date.now()): Issued {
  return issueCertificate({ notBefore: new Date(now - 86_400_000), notAfter: new Date(now + 3650 * 86_400_000), organization: trustDomain, isCA: true });
}

export function buildSidecar(opts: SidecarOptions = {}): SimulatedSidecar {
  const scenario = opts.scenario ?? 'healthy';
  const spec = SCENARIO_SPECS[scenario];
  const now = opts.now ?? Date.now();
  const name = opts.name ?? 'vm-1';
  const namespace = opts.namespace ?? 'vm-ns';
  const trustDomain = opts.trustDomain ?? 'cluster.local';
  const ca = opts.ca ?? createMeshRoot(trustDomain, now);
  const profile = profileFor(namespace);
  const leaf = issueCertificate({
    notBefore: new Date(now + spec.certNotBefore), notAfter: new Date(now + spec.certNotAfter),
    spiffeId: `spiffe://${trustDomain}/ns/${namespace}/sa/${profile?.serviceAccount ?? name}`, isCA: false,
  }, spec.foreignIssuer ? createMeshRoot('other.example', now) : ca);
  const nodeId = `sidecar~${opts.ip ?? profile?.addresses[name] ?? '10.128.0.15'}~${name}.${namespace}~${namespace}.svc.cluster.local`;
  const stamp = new Date(now - 600_000).toISOString();
  const version = `${stamp.slice(0, 19)}Z/7`;
  const dump = buildConfigDump(
    { nodeId, name, namespace, clusterId: 'Kubernetes', istioVersion: '1.24.0', version, lastUpdated: stamp, labels: profile?.labels },
    { chainPem: leaf.pem + ca.pem, rootPem: ca.pem },
    profile?.clusters,
  );
  if (spec.hostileNames) renameForHostileTest(dump);
  const overrides = new Map<string, HostOverride>();
  if (spec.unhealthyHosts) {
    overrides.set('outbound|9080||reviews.default.svc.cluster.local/10.244.0.192:9080', { status: 'UNHEALTHY' });
    overrides.set('outbound|9080||ratings.default.svc.cluster.local/10.244.0.191:9080', { status: 'HEALTHY', outlierFailed: true });
    overrides.set('outbound|8000||httpbin.default.svc.cluster.local/10.244.0.178:80', { status: 'UNHEALTHY', outlierFailed: true });
    for (const [key, o] of profile?.unhealthy ?? []) overrides.set(key, o);
    markEdsHealth(dump, overrides);
  }
  if (spec.nack) markNack(dump, now);
  const node = (dump.configs[0].bootstrap as { node: Json }).node;
  return {
    name, namespace, nodeId, scenario, spec, dump,
    clusters: clustersJson(dump, overrides),
    certs: certsJson(leaf.pem + ca.pem, ca.pem, 3, now),
    serverInfo: serverInfo(node, spec.live ? 'LIVE' : 'INITIALIZING', 600),
    stats: {
      serverState: spec.live ? 0 : 3, workersStarted: spec.live ? 1 : 0,
      cdsSuccess: 7, cdsRejected: 0, ldsSuccess: spec.nack ? 6 : 7, ldsRejected: spec.nack ? 1 : 0,
    },
    syncz: syncEntry(nodeId, version, spec.nack, now),
    leafSerial: leaf.serialHex,
  };
}

/** istiod sends a failing host's health in EDS too; outlier ejection is Envoy's own and stays out. */
function markEdsHealth(dump: { configs: Json[] }, overrides: Map<string, HostOverride>): void {
  const eds = dump.configs.find((c) => String(c['@type']).endsWith('EndpointsConfigDump'));
  for (const e of (eds?.dynamic_endpoint_configs as Json[] | undefined) ?? []) {
    const cla = e.endpoint_config as { cluster_name: string; endpoints?: { lb_endpoints?: Json[] }[] };
    for (const lb of (cla.endpoints ?? []).flatMap((g) => g.lb_endpoints ?? [])) {
      const sock = ((lb.endpoint as { address?: Json }).address?.socket_address) as { address: string; port_value?: number } | undefined;
      const status = sock && overrides.get(`${cla.cluster_name}/${sock.address}:${sock.port_value ?? 0}`)?.status;
      if (status) lb.health_status = status;
    }
  }
}

const NACK_MESSAGE = 'Error adding/updating listener(s) virtualInbound: duplicate listener name virtualInbound';

function markNack(dump: { configs: Json[] }, now: number): void {
  const listeners = dump.configs.find((c) => String(c['@type']).endsWith('ListenersConfigDump'));
  const all = (listeners?.dynamic_listeners as Json[] | undefined) ?? [];
  const first = all.find((l) => l.name === 'virtualInbound') ?? all[0];
  if (!first) return;
  first.error_state = { details: NACK_MESSAGE, last_update_attempt: new Date(now - 60_000).toISOString() };
  first.client_status = 'NACKED';
}

function syncEntry(nodeId: string, version: string, nack: boolean, now: number): SynczEntry {
  const nonce = (i: number): string => `${version.split('/')[0]}/${(0x17b1c6e9a0 + i).toString(16)}-5d3f-4a7e-9c1b-2f8e6d4a3c2${i}`;
  const sentTime = new Date(now - 590_000).toISOString();
  const resources: Json = {};
  const entry: SynczEntry = { cluster_id: 'Kubernetes', proxy: nodeId, proxy_type: 'sidecar', istio_version: '1.24.0' };
  const short = ['cluster', 'listener', 'route', 'endpoint'];
  TYPES.forEach((type, i) => {
    const sent = nonce(i);
    const acked = nack && type === LISTENER ? nonce(9) : sent;
    entry[`${short[i]}_sent`] = sent;
    entry[`${short[i]}_acked`] = acked;
    resources[type] = { sent, acked, sentTime, ...(nack && type === LISTENER ? { lastError: NACK_MESSAGE } : {}) };
  });
  entry.resources = resources;
  return entry;
}

function renameForHostileTest(dump: { configs: Json[] }): void {
  const from = 'outbound|9080||ratings.default.svc.cluster.local';
  const to = `outbound|9080||${HOSTILE}.default.svc.cluster.local`;
  const text = JSON.stringify(dump).split(JSON.stringify(from).slice(1, -1)).join(JSON.stringify(to).slice(1, -1));
  Object.assign(dump, JSON.parse(text));
}
