// Turns proxy rows into the text tables the webview shows (istioctl's columns), with the
// workspace resource each row came from, so a click can reveal it. Pure: no vscode, no I/O.
import type { BootstrapInfo, ClusterRow, EndpointRow, ListenerRow, RouteRow, SecretRow } from '../../../server/src/core/proxy';
import type { CertThresholds } from '../../../server/src/protocol/proxySettings';
import type { ProxyInfo, ResourceRef, Row, Snapshot, TableData, TableTab } from '../../../server/src/protocol/webviewProtocol';
import { certTone, formatTimeLeft } from '../certs/timeLeft';

export interface ProxyRows {
  cluster: ClusterRow[];
  listener: ListenerRow[];
  route: RouteRow[];
  endpoint: EndpointRow[];
  secret: SecretRow[];
  bootstrap?: BootstrapInfo;
}

/** Raw tab preview limit; the full dump opens as a read-only document. */
export const RAW_PREVIEW_CHARS = 256 * 1024;

/** `name.namespace` (istio config metadata, workload labels) -> ref; namespaces have no dots. */
function splitNameNs(text: string): { name: string; namespace: string } | undefined {
  const i = text.lastIndexOf('.');
  if (i <= 0 || i === text.length - 1) return undefined;
  return { name: text.slice(0, i), namespace: text.slice(i + 1) };
}

export function clusterRef(r: ClusterRow): ResourceRef | undefined {
  const dr = r.destinationRule && r.destinationRule !== '<unknown>' ? splitNameNs(r.destinationRule) : undefined;
  if (dr) return { kind: 'DestinationRule', ...dr, ...(r.subset && r.subset !== '-' ? { subset: r.subset } : {}) };
  if (r.fqdn && r.fqdn !== '-' && r.direction === 'outbound') return { kind: 'ServiceEntry', namespace: '', name: r.fqdn };
  return undefined;
}

export function endpointRef(r: EndpointRow, clusters: Map<string, ClusterRow>): ResourceRef | undefined {
  const w = r.workload ? splitNameNs(r.workload) : undefined;
  if (w) return { kind: 'WorkloadEntry', ...w };
  const c = clusters.get(r.cluster);
  return c ? clusterRef(c) : undefined;
}

function table(columns: TableData['columns'], rows: Row[]): TableData {
  return { columns, rows };
}

export function buildTables(rows: ProxyRows, now: number, t: CertThresholds): Record<TableTab, TableData> {
  const byName = new Map(rows.cluster.map((c) => [c.name, c]));
  return {
    clusters: table(
      [{ id: 'fqdn', title: 'SERVICE FQDN' }, { id: 'port', title: 'PORT', numeric: true }, { id: 'subset', title: 'SUBSET' },
        { id: 'direction', title: 'DIRECTION' }, { id: 'type', title: 'TYPE' }, { id: 'destinationRule', title: 'DESTINATION RULE' }, { id: 'state', title: 'STATE' }],
      rows.cluster.map((r) => ({
        cells: [r.fqdn, r.port === '-' ? '-' : Number(r.port), r.subset, r.direction, r.type, r.destinationRule, r.state],
        ...optRef(clusterRef(r)), ...(r.state === 'error' ? { tone: 'error' as const } : r.state === 'warming' ? { tone: 'warning' as const } : {}),
      }))),
    listeners: table(
      [{ id: 'name', title: 'NAME' }, { id: 'addresses', title: 'ADDRESSES' }, { id: 'port', title: 'PORT', numeric: true },
        { id: 'match', title: 'MATCH' }, { id: 'destination', title: 'DESTINATION' }, { id: 'type', title: 'TYPE' }, { id: 'state', title: 'STATE' }],
      rows.listener.map((r) => ({ cells: [r.name, r.addresses, r.port, r.match, r.destination, r.type, r.state], ...(r.state === 'error' ? { tone: 'error' as const } : {}) }))),
    routes: table(
      [{ id: 'name', title: 'NAME' }, { id: 'vhost', title: 'VHOST NAME' }, { id: 'domains', title: 'DOMAINS' }, { id: 'match', title: 'MATCH' }, { id: 'virtualService', title: 'VIRTUAL SERVICE' }],
      rows.route.map((r) => ({ cells: [r.name, r.vhost, r.domains, r.match, r.virtualService] }))),
    endpoints: table(
      [{ id: 'endpoint', title: 'ENDPOINT' }, { id: 'status', title: 'STATUS' }, { id: 'outlierCheck', title: 'OUTLIER CHECK' }, { id: 'cluster', title: 'CLUSTER' }, { id: 'workload', title: 'WORKLOAD' }],
      rows.endpoint.map((r) => ({
        cells: [r.endpoint, r.status, r.outlierCheck, r.cluster, r.workload ?? ''],
        ...optRef(endpointRef(r, byName)),
        ...(r.status === 'UNHEALTHY' || r.outlierCheck === 'FAILED' ? { tone: 'error' as const } : r.status !== 'HEALTHY' ? { tone: 'warning' as const } : {}),
      }))),
    secrets: table(
      [{ id: 'name', title: 'RESOURCE NAME' }, { id: 'type', title: 'TYPE' }, { id: 'status', title: 'STATUS' }, { id: 'validCert', title: 'VALID CERT' },
        { id: 'serialNumber', title: 'SERIAL NUMBER' }, { id: 'notAfter', title: 'NOT AFTER' }, { id: 'notBefore', title: 'NOT BEFORE' },
        { id: 'timeLeft', title: 'TIME LEFT' }, { id: 'trustDomain', title: 'TRUST DOMAIN' }, { id: 'identity', title: 'IDENTITY' }],
      rows.secret.map((r) => secretRow(r, now, t))),
  };
}

function optRef(ref: ResourceRef | undefined): { ref?: ResourceRef } {
  return ref ? { ref } : {};
}

function secretRow(r: SecretRow, _now: number, t: CertThresholds): Row {
  const left = r.timeLeftSeconds;
  const cells = [r.name, r.type, r.status, String(r.validCert), r.serialNumber, r.notAfter, r.notBefore,
    left === null ? (r.error ?? '') : formatTimeLeft(left), r.trustDomain, r.identity];
  if (left === null) return { cells, ...(r.error ? { tone: 'error' as const } : {}) };
  const tone = certTone(left, t);
  return { cells, ...(tone === 'ok' ? {} : { tone }) };
}

export function bootstrapPairs(b: BootstrapInfo | undefined): [string, string][] {
  if (!b) return [['bootstrap', 'not in this dump']];
  const pairs: [string, string][] = [
    ['Node ID', b.nodeId], ['Proxy type', b.proxyType], ['IP address', b.ipAddress], ['Pod / workload', b.podName || b.workloadName],
    ['Namespace', b.namespace], ['Istio version', b.istioVersion], ['Istio proxy SHA', b.istioProxySha], ['Envoy version', b.envoyVersion],
    ['Cluster ID', b.clusterId], ['Network', b.network], ['Mesh ID', b.meshId], ['Platform', b.platform],
  ];
  for (const [k, v] of Object.entries(b.labels).sort(([a], [c]) => a.localeCompare(c))) pairs.push([`label ${k}`, v]);
  return pairs.filter(([, v]) => v !== '');
}

export function rawPreview(rawJson: string): { raw: string; rawTruncated: boolean } {
  return rawJson.length > RAW_PREVIEW_CHARS ? { raw: rawJson.slice(0, RAW_PREVIEW_CHARS), rawTruncated: true } : { raw: rawJson, rawTruncated: false };
}

export function buildSnapshot(input: { proxy: ProxyInfo; rows: ProxyRows; rawJson: string; now: number; thresholds: CertThresholds; notes?: string[] }): Snapshot {
  return {
    proxy: input.proxy,
    fetchedAt: new Date(input.now).toISOString(),
    tables: buildTables(input.rows, input.now, input.thresholds),
    bootstrap: bootstrapPairs(input.rows.bootstrap),
    ...rawPreview(input.rawJson),
    notes: input.notes ?? [],
  };
}

/** Clusters that istiod sends but the proxy does not have, and the other way round. */
export function diffClusters(admin: readonly string[], istiod: readonly string[]): { onlyAdmin: string[]; onlyIstiod: string[] } {
  const a = new Set(admin);
  const i = new Set(istiod);
  return { onlyAdmin: [...a].filter((n) => !i.has(n)).sort(), onlyIstiod: [...i].filter((n) => !a.has(n)).sort() };
}

export function diffNotes(d: { onlyAdmin: string[]; onlyIstiod: string[] }): string[] {
  const list = (xs: string[]): string => (xs.length > 5 ? `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more` : xs.join(', '));
  if (d.onlyAdmin.length === 0 && d.onlyIstiod.length === 0) return ['istiod and the proxy agree on the cluster list.'];
  const out: string[] = [];
  if (d.onlyIstiod.length) out.push(`${d.onlyIstiod.length} cluster(s) istiod sends but the proxy does not have: ${list(d.onlyIstiod)}`);
  if (d.onlyAdmin.length) out.push(`${d.onlyAdmin.length} cluster(s) on the proxy that istiod does not send: ${list(d.onlyAdmin)}`);
  return out;
}
