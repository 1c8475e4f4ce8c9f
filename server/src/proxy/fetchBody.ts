// Typed reads on top of a ProxyConnection: non-2xx answers and unparseable bodies become
// one-line ProxyConnectionErrors that name the endpoint.
import type { AdminPath, AdminResponse, GetOptions, ProxyConnection } from './connection';
import { oneLine, ProxyConnectionError } from './errors';

export async function getOk(conn: ProxyConnection, path: AdminPath, opts?: GetOptions): Promise<string> {
  const res = await conn.get(path, opts);
  if (res.status < 200 || res.status >= 300) {
    const first = oneLine(res.body).slice(0, 200);
    throw new ProxyConnectionError(res.endpoint, 'http-status', `HTTP ${res.status}${first ? `: ${first}` : ''}`);
  }
  return res.body;
}

export async function getJson(conn: ProxyConnection, path: AdminPath, opts?: GetOptions): Promise<unknown> {
  return jsonOf(await conn.get(path, opts));
}

/** The JSON body of a 2xx response, or a one-line error naming the endpoint. */
export function jsonOf(res: AdminResponse): unknown {
  if (res.status < 200 || res.status >= 300) {
    throw new ProxyConnectionError(res.endpoint, 'http-status', `HTTP ${res.status}${res.body.trim() ? `: ${oneLine(res.body).slice(0, 200)}` : ''}`);
  }
  try {
    return JSON.parse(res.body);
  } catch (e) {
    const printable = res.body.slice(0, 24).replace(/[^\x20-\x7e]/g, '.');
    throw new ProxyConnectionError(res.endpoint, 'garbage', `response is not valid JSON (${(e as Error).message}); it starts with "${printable}"`);
  }
}
