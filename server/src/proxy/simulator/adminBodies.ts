// The other admin bodies (/clusters?format=json, /certs, /server_info, /stats, prometheus),
// derived from the same config_dump so every endpoint of one simulated sidecar agrees.
import * as crypto from 'node:crypto';

type Json = Record<string, unknown>;

export interface HostOverride { status?: string; outlierFailed?: boolean }

const HOST_STATS = [
  { name: 'cx_connect_fail' }, { name: 'cx_total' }, { name: 'rq_error' }, { name: 'rq_success' },
  { name: 'rq_timeout' }, { name: 'rq_total' }, { type: 'GAUGE', name: 'cx_active' }, { type: 'GAUGE', name: 'rq_active' },
];
const ISTIO_LIMIT = { max_connections: 4294967295, max_pending_requests: 4294967295, max_requests: 4294967295, max_retries: 4294967295 };
const ENVOY_HIGH = { priority: 'HIGH', max_connections: 1024, max_pending_requests: 1024, max_requests: 1024, max_retries: 3 };

/** `/clusters?format=json` from the EDS section; `overrides` keys are `cluster/ip:port`. */
export function clustersJson(dump: { configs: Json[] }, overrides: Map<string, HostOverride>): Json {
  const eds = dump.configs.find((c) => String(c['@type']).endsWith('EndpointsConfigDump')) ?? {};
  const all = [...(eds.dynamic_endpoint_configs as Json[] ?? []), ...(eds.static_endpoint_configs as Json[] ?? [])];
  const cluster_statuses = all.map((e) => {
    const cla = e.endpoint_config as { cluster_name: string; endpoints?: { locality?: Json; lb_endpoints?: Json[] }[] };
    const host_statuses = (cla.endpoints ?? []).flatMap((group) => (group.lb_endpoints ?? []).map((lb) => {
      const address = (lb.endpoint as { address: Json }).address;
      const sock = address.socket_address as { address: string; port_value?: number } | undefined;
      const o = sock ? overrides.get(`${cla.cluster_name}/${sock.address}:${sock.port_value ?? 0}`) : undefined;
      const health: Json = { eds_health_status: o?.status ?? (lb.health_status as string | undefined) ?? 'HEALTHY' };
      if (o?.outlierFailed) health.failed_outlier_check = true;
      return { address, stats: HOST_STATS, health_status: health, weight: lb.load_balancing_weight ?? 1, locality: group.locality ?? {} };
    }));
    const status: Json = { name: cla.cluster_name, host_statuses };
    if (cla.cluster_name.includes('|')) {
      status.added_via_api = true;
      status.circuit_breakers = { thresholds: [ISTIO_LIMIT, ENVOY_HIGH] };
    }
    return status;
  });
  return { cluster_statuses };
}

/** `/certs`: one entry per TLS context, repeated as Envoy does, with expiry from the PEM. */
export function certsJson(chainPem: string, rootPem: string, contexts: number, now: number): Json {
  const details = (pem: string): Json => {
    const c = new crypto.X509Certificate(pem);
    const notAfter = new Date(c.validTo);
    const days = Math.max(0, Math.floor((notAfter.getTime() - now) / 86_400_000));
    return {
      path: '<inline>',
      serial_number: c.serialNumber.toLowerCase().replace(/^(00)+/, ''),
      subject_alt_names: c.subjectAltName ? c.subjectAltName.split(', ').filter((s) => s.startsWith('URI:')).map((s) => ({ uri: s.slice(4) })) : [],
      days_until_expiration: String(days),
      valid_from: rfc3339(new Date(c.validFrom)),
      expiration_time: rfc3339(notAfter),
    };
  };
  const leaf = details(firstPem(chainPem));
  const root = details(rootPem);
  return { certificates: Array.from({ length: contexts }, () => ({ ca_cert: [root], cert_chain: [leaf] })) };
}

const rfc3339 = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const firstPem = (chain: string): string => chain.slice(0, chain.indexOf('-----END CERTIFICATE-----') + 25) + '\n';

export function serverInfo(node: Json, state: string, uptimeSeconds: number): Json {
  return {
    version: 'ee85c5f28702f00621aed895915fca565796b9e4/1.29.0-dev/Clean/RELEASE/BoringSSL',
    state,
    hot_restart_version: 'disabled',
    command_line_options: {
      base_id: '0', concurrency: 2, config_path: 'etc/istio/proxy/envoy-rev.json', log_level: 'warning',
      service_cluster: String(node.cluster ?? ''), service_node: String(node.id ?? ''), service_zone: '',
      mode: 'Serve', disable_hot_restart: true, restart_epoch: 0, disabled_extensions: [],
      drain_time: '45s', parent_shutdown_time: '60s', file_flush_interval: '10s',
    },
    uptime_current_epoch: `${uptimeSeconds}s`,
    uptime_all_epochs: `${uptimeSeconds}s`,
    node,
  };
}

export interface StatCounters {
  serverState: number;
  workersStarted: number;
  cdsSuccess: number; cdsRejected: number;
  ldsSuccess: number; ldsRejected: number;
}

export function statsText(s: StatCounters, filter: string | null): string {
  const lines: [string, number][] = [
    ['cluster_manager.cds.update_rejected', s.cdsRejected],
    ['cluster_manager.cds.update_success', s.cdsSuccess],
    ['listener_manager.lds.update_rejected', s.ldsRejected],
    ['listener_manager.lds.update_success', s.ldsSuccess],
    ['listener_manager.workers_started', s.workersStarted],
    ['server.state', s.serverState],
  ];
  let re: RegExp | undefined;
  try { re = filter ? new RegExp(filter) : undefined; } catch { re = /$^/; }
  return lines.filter(([n]) => !re || re.test(n)).map(([n, v]) => `${n}: ${v}\n`).join('');
}

export function prometheusText(s: StatCounters, clusterNames: string[]): string {
  const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  const out = [
    '# TYPE envoy_cluster_manager_cds_update_rejected counter', `envoy_cluster_manager_cds_update_rejected{} ${s.cdsRejected}`,
    '# TYPE envoy_cluster_manager_cds_update_success counter', `envoy_cluster_manager_cds_update_success{} ${s.cdsSuccess}`,
    '# TYPE envoy_listener_manager_lds_update_rejected counter', `envoy_listener_manager_lds_update_rejected{} ${s.ldsRejected}`,
    '# TYPE envoy_listener_manager_lds_update_success counter', `envoy_listener_manager_lds_update_success{} ${s.ldsSuccess}`,
    '# TYPE envoy_server_state gauge', `envoy_server_state{} ${s.serverState}`,
    '# TYPE envoy_cluster_upstream_cx_total counter',
    ...clusterNames.map((c) => `envoy_cluster_upstream_cx_total{cluster_name="${esc(c)}"} 0`),
  ];
  return out.join('\n') + '\n';
}
