// A quick health check of one proxy for the tree: readiness, sync state and the workload
// certificate's expiry. Uses the fleet scanner for live proxies; saved dumps are read from disk.
import { parseConfigDump, parseSyncz, secretRows, type SyncRow, type SyncState } from '../../../server/src/core/proxy';
import { getJson, jsonOf, scanFleet, type Limits } from '../../../server/src/proxy';
import { istiodProxyId } from './load';
import type { ProxyTarget } from './targets';

export type ProxyState = 'ready' | 'not-ready' | 'unreachable' | 'saved' | 'istiod-only' | 'unknown';

export interface WorkloadCert {
  /** Epoch ms. */
  notAfter: number;
  serial: string;
}

export interface ProxyStatus {
  state: ProxyState;
  sync?: SyncState;
  cert?: WorkloadCert;
  /** One-line reason when unreachable or partly read. */
  error?: string;
  /** Envoy server state (LIVE, INITIALIZING...) when not ready. */
  detail?: string;
  checkedAt: number;
}

const SYNC_ORDER: SyncState[] = ['ERROR', 'STALE', 'NOT SENT', 'UNKNOWN', 'IGNORED', 'SYNCED'];
export function worstSync(row: SyncRow): SyncState {
  const states = [row.cds, row.lds, row.eds, row.rds];
  return SYNC_ORDER.find((s) => states.includes(s)) ?? 'UNKNOWN';
}

async function istiodSync(target: ProxyTarget, limits: Partial<Limits>): Promise<SyncRow | undefined> {
  if (!target.openIstiod) return undefined;
  const { conn, proxyId } = await target.openIstiod(limits);
  try {
    return istiodProxyId(parseSyncz(await getJson(conn, '/debug/syncz')), proxyId);
  } finally {
    await conn.close().catch(() => undefined);
  }
}

async function probeDump(target: ProxyTarget, now: number): Promise<ProxyStatus> {
  const conn = await target.openAdmin!();
  try {
    const res = await conn.get('/config_dump');
    const rows = secretRows(parseConfigDump(jsonOf(res)), { now });
    return { state: 'saved', checkedAt: now, ...certOf(rows) };
  } catch (e) {
    return { state: 'unreachable', error: message(e), checkedAt: now };
  } finally {
    await conn.close().catch(() => undefined);
  }
}

/** Soonest-expiring workload certificate (Cert Chain) among secret rows. */
export function certOf(rows: { type: string; notAfter: string; serialNumber: string }[]): { cert?: WorkloadCert } {
  const times = rows.filter((r) => r.type === 'Cert Chain' && r.notAfter)
    .map((r) => ({ notAfter: Date.parse(r.notAfter), serial: r.serialNumber }))
    .filter((c) => Number.isFinite(c.notAfter))
    .sort((a, b) => a.notAfter - b.notAfter);
  return times[0] ? { cert: times[0] } : {};
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');

export async function probeTarget(target: ProxyTarget, now: number, limits: Partial<Limits>): Promise<ProxyStatus> {
  if (target.source === 'dump') return probeDump(target, now);
  let sync: SyncRow | undefined;
  let syncError: string | undefined;
  try { sync = await istiodSync(target, limits); } catch (e) { syncError = message(e); }
  if (!target.openAdmin) {
    if (!sync) return { state: 'unreachable', error: syncError ?? 'istiod does not know this proxy', checkedAt: now };
    return { state: 'istiod-only', sync: worstSync(sync), checkedAt: now };
  }
  const open = target.openAdmin;
  const [row] = await scanFleet([{ label: target.label, open: (l) => open(l) }], { concurrency: 1, now, limits, ...(sync ? { sync: [sync] } : {}) });
  if (!row || row.error) return { state: 'unreachable', error: row?.error ?? 'no answer', checkedAt: now, ...(sync ? { sync: worstSync(sync) } : {}) };
  const status: ProxyStatus = {
    state: row.ready ? 'ready' : 'not-ready',
    checkedAt: now,
    ...(row.sync ? { sync: row.sync } : {}),
    ...(row.certNotAfter ? { cert: { notAfter: Date.parse(row.certNotAfter), serial: '' } } : {}),
    ...(row.ready ? {} : { detail: row.state || 'not ready' }),
    ...(syncError ? { error: `istiod: ${syncError}` } : {}),
  };
  return status;
}
