// A stand-in for istiod's debug server (:15014) that knows the simulated sidecars: /debug/syncz,
// /debug/config_dump?proxyID= (camelCase, as istiod sends it) and /debug/connections.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatedSidecar } from './sidecar';

export interface RunningIstiod { url: string; close(): Promise<void> }

export function istiodRoute(sidecars: SimulatedSidecar[], rawUrl: string): { status: number; body: string } {
  const url = new URL(rawUrl, 'http://127.0.0.1');
  const ok = (v: unknown): { status: number; body: string } => ({ status: 200, body: JSON.stringify(v) });
  switch (url.pathname) {
    case '/debug/syncz': {
      const ns = url.searchParams.get('namespace');
      return ok(sidecars.filter((s) => !ns || s.namespace === ns).map((s) => s.syncz));
    }
    case '/debug/connections':
      return ok({ totalClients: sidecars.length, clients: sidecars.map((s, i) => ({ connectionId: `${s.nodeId}-${i + 1}`, connectedAt: new Date().toISOString(), address: `10.128.0.${(i % 250) + 2}:4${i % 10}123` })) });
    case '/debug/config_dump': {
      const id = url.searchParams.get('proxyID');
      if (!id) return { status: 400, body: 'You must provide a proxyID in the query string\n' };
      const s = sidecars.find((x) => x.nodeId.includes(id));
      if (!s) return { status: 404, body: 'Proxy not connected to this Pilot instance. It may be connected to another instance.\n' };
      const dump = { configs: s.dump.configs.filter((c) => !/Bootstrap|Secrets/.test(String(c['@type'])) && (url.searchParams.has('include_eds') || !/Endpoints/.test(String(c['@type'])))) };
      return ok(camel(dump));
    }
    default: return { status: 404, body: '404 page not found\n' };
  }
}

function camel(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camel);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.startsWith('@') ? k : k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), camel(x)]));
}

export function serveIstiod(sidecars: SimulatedSidecar[], port = 0): Promise<RunningIstiod> {
  const server = http.createServer((req, res) => {
    const r = istiodRoute(sidecars, req.url ?? '/');
    res.writeHead(r.status, { 'content-type': r.status === 200 ? 'application/json' : 'text/plain; charset=utf-8' });
    res.end(r.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise<void>((done) => { server.close(() => done()); server.closeAllConnections(); }),
    }));
  });
}
