// Fleet scan: for many sidecars at once, with bounded concurrency, the three things that break
// VMs quietly: workload certificate expiry, readiness, and whether the last xDS push was accepted.
import type { Limits, ProxyConnection } from '../connection';
import { ProxyConnectionError } from '../errors';
import { getOk, jsonOf } from '../fetchBody';
import { parseCerts, parseServerInfo, parseStats, ProxyDataError, type SyncRow, type SyncState } from '../../core/proxy';

export interface FleetTarget {
  label: string;
  open(limits: Partial<Limits>): Promise<ProxyConnection>;
  /** A proxy whose admin API is out of reach (a VM seen through Kubernetes): only istiod's view. */
  adminUnreachable?: { proxyIdFragment: string; note: string };
}

export type CertStatus = 'OK' | 'EXPIRING' | 'EXPIRED' | 'NONE';

export interface FleetRow {
  target: string;
  /** Envoy node id ('' when the proxy could not be read). */
  proxy: string;
  ready: boolean | null;
  state: string;
  certStatus: CertStatus | null;
  certNotAfter: string | null;
  certTimeLeftSeconds: number | null;
  sync: SyncState | null;
  /** Where `sync` came from: istiod's syncz, or the proxy's own CDS/LDS counters. */
  syncSource: 'istiod' | 'stats' | null;
  error?: string;
  /** Why some columns are empty although nothing failed. */
  note?: string;
}

export interface ScanOptions {
  concurrency: number;
  now: number;
  limits?: Partial<Limits>;
  /** Certificates with less time left are EXPIRING (default 12 h: istio-agent renews at half of a 24 h lifetime). */
  warnSeconds?: number;
  /** istiod's view, matched by node id; preferred over the proxy's counters. */
  sync?: SyncRow[];
}

const STATS = '/stats?usedonly&filter=' + encodeURIComponent('^(server\\.state|listener_manager\\.workers_started|(cluster_manager\\.cds|listener_manager\\.lds)\\.(update_success|update_rejected))$');
const SEVERITY: SyncState[] = ['ERROR', 'STALE', 'NOT SENT', 'UNKNOWN', 'IGNORED', 'SYNCED'];

export async function scanFleet(targets: FleetTarget[], opts: ScanOptions): Promise<FleetRow[]> {
  const rows: FleetRow[] = new Array(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const i = next++;
      rows[i] = await scanOne(targets[i], opts);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, targets.length)) }, worker));
  return rows;
}

async function scanOne(t: FleetTarget, opts: ScanOptions): Promise<FleetRow> {
  const row: FleetRow = { target: t.label, proxy: '', ready: null, state: '', certStatus: null, certNotAfter: null, certTimeLeftSeconds: null, sync: null, syncSource: null };
  if (t.adminUnreachable) {
    const { proxyIdFragment, note } = t.adminUnreachable;
    const known = opts.sync?.find((s) => s.proxy.includes(`~${proxyIdFragment}~`));
    return { ...row, proxy: known?.proxy ?? '', note, ...(known ? { sync: worst([known.cds, known.lds, known.eds, known.rds]), syncSource: 'istiod' as const } : {}) };
  }
  let conn: ProxyConnection | undefined;
  try {
    conn = await t.open(opts.limits ?? {});
    const c = conn;
    const [infoRes, certsRes, statsBody] = await Promise.all([c.get('/server_info'), c.get('/certs'), getOk(c, STATS)]);
    const info = parse(infoRes.endpoint, () => parseServerInfo(jsonOf(infoRes)));
    const certs = parse(certsRes.endpoint, () => parseCerts(jsonOf(certsRes)));
    const stats = parse(`${t.label}${STATS}`, () => parseStats(statsBody));
    row.proxy = String(info.node?.id ?? '');
    row.state = info.state;
    const n = (k: string): number => Number(stats.get(k) ?? 0);
    row.ready = info.state === 'LIVE' && n('listener_manager.workers_started') === 1
      && n('cluster_manager.cds.update_success') > 0 && n('listener_manager.lds.update_success') > 0;
    Object.assign(row, certSummary(certs.contexts.flatMap((x) => x.certChain), opts));
    const fromIstiod = opts.sync?.find((s) => s.proxy === row.proxy);
    if (fromIstiod) {
      row.sync = worst([fromIstiod.cds, fromIstiod.lds, fromIstiod.eds, fromIstiod.rds]);
      row.syncSource = 'istiod';
    } else {
      const rejected = n('cluster_manager.cds.update_rejected') + n('listener_manager.lds.update_rejected');
      row.sync = rejected > 0 ? 'ERROR' : n('cluster_manager.cds.update_success') > 0 ? 'SYNCED' : 'NOT SENT';
      row.syncSource = 'stats';
    }
  } catch (e) {
    row.error = e instanceof Error ? e.message.replace(/\s+/g, ' ') : String(e);
  } finally {
    await conn?.close().catch(() => undefined);
  }
  return row;
}

function parse<T>(endpoint: string, f: () => T): T {
  try { return f(); } catch (e) {
    if (e instanceof ProxyDataError) throw new ProxyConnectionError(endpoint, 'garbage', e.message);
    throw e;
  }
}

function certSummary(chain: { serialNumber: string; expirationTime: string }[], opts: ScanOptions): Partial<FleetRow> {
  const seen = new Map<string, number>();
  for (const c of chain) {
    const t = Date.parse(c.expirationTime);
    if (!Number.isNaN(t)) seen.set(c.serialNumber, t);
  }
  if (seen.size === 0) return { certStatus: 'NONE' };
  const notAfter = Math.min(...seen.values());
  const left = Math.floor((notAfter - opts.now) / 1000);
  const status: CertStatus = left <= 0 ? 'EXPIRED' : left < (opts.warnSeconds ?? 43_200) ? 'EXPIRING' : 'OK';
  return { certStatus: status, certNotAfter: new Date(notAfter).toISOString().replace(/\.\d{3}Z$/, 'Z'), certTimeLeftSeconds: left };
}

function worst(states: SyncState[]): SyncState {
  return SEVERITY.find((s) => states.includes(s)) ?? 'UNKNOWN';
}
