// A real HTTP server on 127.0.0.1 that answers like a VM's Envoy admin (15000) and istio-agent
// (15020): both on one port, with an optional second port for the agent paths only.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { prometheusText, statsText } from './adminBodies';
import { queryConfigDump } from './configDumpQuery';
import type { SimulatedSidecar } from './sidecar';

export interface ServeOptions {
  port?: number;
  agentPort?: number;
  /** Delay for the `slow` scenario. */
  delayMs?: number;
}

export interface RunningSidecar {
  sidecar: SimulatedSidecar;
  adminUrl: string;
  agentUrl: string;
  /** POSTs the server accepted (only reachable after a confirmed mutation). */
  mutations: string[];
  close(): Promise<void>;
}

interface Reply { status: number; type: string; body: string }

const MUTATING = new Set(['/logging', '/quitquitquit', '/healthcheck/fail', '/healthcheck/ok', '/reset_counters', '/drain_listeners', '/drain']);

export function route(sidecar: SimulatedSidecar, method: string, rawUrl: string, agentOnly: boolean): Reply {
  const url = new URL(rawUrl, 'http://127.0.0.1');
  const json = (body: unknown, status = 200): Reply => ({ status, type: 'application/json', body: JSON.stringify(body, null, 1) });
  const text = (body: string, status = 200): Reply => ({ status, type: 'text/plain; charset=UTF-8', body });
  const live = sidecar.spec.live;
  if (url.pathname === '/healthz/ready') return text('', live ? 200 : 503);
  if (agentOnly) return text('404 page not found\n', 404);
  if (MUTATING.has(url.pathname)) return method === 'POST' ? text('OK\n') : text('This endpoint requires POST\n', 405);
  switch (url.pathname) {
    case '/config_dump': {
      const r = queryConfigDump(sidecar.dump, url.searchParams);
      return r.status === 200 ? json(r.body) : text(r.text, r.status);
    }
    case '/clusters': return url.searchParams.get('format') === 'json' ? json(sidecar.clusters) : text(clustersText(sidecar));
    case '/listeners': return url.searchParams.get('format') === 'json' ? json(listenersJson(sidecar)) : text(listenerNames(sidecar).map((n) => `${n}::0.0.0.0:0\n`).join(''));
    case '/certs': return json(sidecar.certs);
    case '/server_info': return json(sidecar.serverInfo);
    case '/ready': return text(`${live ? 'LIVE' : 'INITIALIZING'}\n`, live ? 200 : 503);
    case '/stats': return text(statsText(sidecar.stats, url.searchParams.get('filter')));
    case '/stats/prometheus': return text(prometheusText(sidecar.stats, clusterNames(sidecar)));
    default: return text(`invalid path. admin commands are:\n  /certs\n  /clusters\n  /config_dump\n  /ready\n  /server_info\n  /stats\n`, 404);
  }
}

function listenerNames(s: SimulatedSidecar): string[] {
  const section = s.dump.configs.find((c) => String(c['@type']).endsWith('ListenersConfigDump')) ?? {};
  return [...(section.static_listeners as { listener: { name: string } }[] ?? []).map((l) => l.listener.name),
    ...(section.dynamic_listeners as { name: string }[] ?? []).map((l) => l.name)];
}

/** `/listeners?format=json`: names and local addresses (Envoy's ListenerStatus). */
function listenersJson(s: SimulatedSidecar): unknown {
  const section = s.dump.configs.find((c) => String(c['@type']).endsWith('ListenersConfigDump')) ?? {};
  const all = [...(section.static_listeners as { listener: Record<string, unknown> }[] ?? []).map((l) => l.listener),
    ...(section.dynamic_listeners as { active_state?: { listener: Record<string, unknown> } }[] ?? []).map((l) => l.active_state?.listener).filter((l): l is Record<string, unknown> => !!l)];
  return { listener_statuses: all.map((l) => ({ name: l.name, local_address: l.address ?? {} })) };
}

const clusterNames = (s: SimulatedSidecar): string[] =>
  (s.clusters.cluster_statuses as { name: string }[]).map((c) => c.name);

function clustersText(s: SimulatedSidecar): string {
  return clusterNames(s).map((n) => `${n}::added_via_api::true\n`).join('');
}

export async function serveSidecar(sidecar: SimulatedSidecar, opts: ServeOptions = {}): Promise<RunningSidecar> {
  const mutations: string[] = [];
  const handler = (agentOnly: boolean) => (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const reply = route(sidecar, req.method ?? 'GET', req.url ?? '/', agentOnly);
    if (req.method === 'POST' && reply.status === 200) mutations.push(new URL(req.url ?? '/', 'http://x').pathname);
    misbehave(sidecar.spec.wire, reply, req, res, opts.delayMs ?? 2000);
  };
  const admin = await listen(http.createServer(handler(false)), opts.port ?? 0);
  const agent = opts.agentPort !== undefined ? await listen(http.createServer(handler(true)), opts.agentPort) : undefined;
  const portOf = (s: http.Server): number => (s.address() as AddressInfo).port;
  return {
    sidecar, mutations,
    adminUrl: `http://127.0.0.1:${portOf(admin)}`,
    agentUrl: `http://127.0.0.1:${portOf(agent ?? admin)}`,
    close: async () => { await Promise.all([admin, agent].filter((s): s is http.Server => !!s).map(closeServer)); },
  };
}

function misbehave(wire: SimulatedSidecar['spec']['wire'], reply: Reply, req: http.IncomingMessage, res: http.ServerResponse, delayMs: number): void {
  const send = (): void => {
    if (res.destroyed) return;
    res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  };
  switch (wire) {
    case 'normal': return send();
    case 'slow': { const t = setTimeout(send, delayMs); res.on('close', () => clearTimeout(t)); return; }
    case 'reset': req.socket.destroy(); return;
    case 'garbage':
      res.writeHead(200, { 'content-type': reply.type });
      res.end(Buffer.from([0x00, 0xff, 0xfe, 0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e, 0x7b, 0x7b, 0x7b, 0x0a]));
      return;
    case 'truncated': {
      const body = Buffer.from(reply.body);
      res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': body.length });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    case 'oversized': return streamForever(res);
  }
}

/** Chunked body that never ends (bounded at 4 GiB), honouring backpressure, stopped when the client leaves. */
function streamForever(res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  res.write('{"configs":[');
  const pump = (): void => {
    while (!res.destroyed && sent < 4 * 1024 ** 3) {
      sent += chunk.length;
      if (!res.write(chunk)) { res.once('drain', pump); return; }
    }
    if (!res.destroyed) res.end(']}');
  };
  pump();
}

function listen(server: http.Server, port: number): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
