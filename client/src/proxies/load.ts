// Reads everything the panel shows for one proxy: the config_dump (with EDS), endpoint health
// from /clusters, and, for a VM known to istiod, istiod's view and the cluster differences.
// No vscode; the connection is closed whatever happens.
import {
  bootstrapInfo, clusterRows, endpointRows, listenerRows, parseClustersJson, parseConfigDump, parseSyncz,
  routeRows, secretRows, type ConfigDump, type SyncRow,
} from '../../../server/src/core/proxy';
import { parseBody, ProxyConnectionError, verifySignature, type Limits, type ProxyConnection } from '../../../server/src/proxy';
import { diffClusters, diffNotes, type ProxyRows } from '../panel/snapshot';
import type { ProxyTarget } from './targets';

export interface Inspection {
  rows: ProxyRows;
  /** The config_dump text as served (admin's, else istiod's). */
  rawJson: string;
  notes: string[];
}

async function withConn<T>(open: () => Promise<ProxyConnection>, use: (c: ProxyConnection) => Promise<T>): Promise<T> {
  const conn = await open();
  try {
    return await use(conn);
  } finally {
    await conn.close().catch(() => undefined);
  }
}

/** The `name.namespace` istiod knows a proxy by, found in /debug/syncz. */
export function istiodProxyId(rows: SyncRow[], hint: string): SyncRow | undefined {
  const idOf = (r: SyncRow): string => r.proxy.split('~')[2] ?? r.proxy;
  return rows.find((r) => idOf(r) === hint) ?? rows.find((r) => idOf(r).startsWith(hint.endsWith('.') ? hint : `${hint}.`));
}

interface IstiodView { dump: ConfigDump; raw: string; sync?: SyncRow }

async function readIstiod(target: ProxyTarget, limits: Partial<Limits>): Promise<IstiodView> {
  const { conn, proxyId } = await target.openIstiod!(limits);
  return withConn(async () => conn, async (c) => {
    const syncRes = await c.get('/debug/syncz');
    const sync = istiodProxyId(parseBody(syncRes, parseSyncz), proxyId);
    if (!sync) throw new ProxyConnectionError(syncRes.endpoint, 'usage', `istiod does not know a proxy '${proxyId}' (not connected to this istiod?)`);
    const id = sync.proxy.split('~')[2] ?? proxyId;
    const res = await c.get(`/debug/config_dump?proxyID=${encodeURIComponent(id)}&include_eds=true`);
    return { dump: parseBody(res, parseConfigDump), raw: res.body, sync };
  });
}

function rowsOf(dump: ConfigDump, now: number): Omit<ProxyRows, 'endpoint'> {
  return {
    cluster: clusterRows(dump),
    listener: listenerRows(dump),
    route: routeRows(dump),
    secret: secretRows(dump, { now, verify: verifySignature }),
    bootstrap: dump.bootstrap ? bootstrapInfo(dump) : undefined,
  };
}

export async function loadInspection(target: ProxyTarget, now: number, limits: Partial<Limits> = {}): Promise<Inspection> {
  const notes: string[] = [];
  let istiod: IstiodView | undefined;
  let istiodError: string | undefined;
  if (target.openIstiod) {
    try { istiod = await readIstiod(target, limits); } catch (e) { istiodError = e instanceof Error ? e.message : String(e); }
  }
  if (!target.openAdmin) {
    if (!istiod) throw new Error(istiodError ?? 'no way to reach this proxy');
    notes.push('istiod\'s view: what istiod sends this proxy (its own admin API is not reachable from here, so there are no secrets or live endpoint health).');
    if (istiod.sync) notes.push(`Sync: CDS ${istiod.sync.cds}, LDS ${istiod.sync.lds}, EDS ${istiod.sync.eds}, RDS ${istiod.sync.rds}`);
    return { rows: { ...rowsOf(istiod.dump, now), endpoint: endpointRows(istiod.dump) }, rawJson: istiod.raw, notes };
  }
  const admin = await withConn(() => target.openAdmin!(limits), async (c) => {
    const res = await c.get('/config_dump?include_eds=true');
    const dump = parseBody(res, parseConfigDump);
    let endpoint = endpointRows(dump);
    try {
      const cres = await c.get('/clusters?format=json');
      endpoint = endpointRows(parseBody(cres, parseClustersJson), dump);
    } catch (e) {
      // A single saved config_dump has no /clusters: its EDS section is all there is.
      if (target.source !== 'dump') notes.push(`Endpoint health unavailable (${e instanceof Error ? e.message : String(e)}); showing EDS from the config_dump.`);
    }
    return { dump, raw: res.body, endpoint };
  });
  if (istiod) {
    notes.push(...diffNotes(diffClusters(clusterRows(admin.dump).map((r) => r.name), clusterRows(istiod.dump).map((r) => r.name))));
    if (istiod.sync) notes.push(`istiod sync: CDS ${istiod.sync.cds}, LDS ${istiod.sync.lds}, EDS ${istiod.sync.eds}, RDS ${istiod.sync.rds}`);
  } else if (istiodError) {
    notes.push(`istiod's view unavailable: ${istiodError}`);
  }
  return { rows: { ...rowsOf(admin.dump, now), endpoint: admin.endpoint }, rawJson: admin.raw, notes };
}
