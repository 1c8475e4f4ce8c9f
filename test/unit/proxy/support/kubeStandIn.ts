// A small local stand-in for the Kubernetes API endpoints the proxy layer calls: list pods,
// list WorkloadEntries, and the pod port-forward WebSocket (portforward.k8s.io over the
// v4.channel.k8s.io framing client-node speaks). Pod ports map to local TCP ports.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Duplex } from 'node:stream';

export interface StandInPod {
  name: string; namespace: string; containers: string[]; labels?: Record<string, string>;
  /** pod port -> local 127.0.0.1 port that plays it. */
  ports: Record<number, number>;
  phase?: string;
}
export interface StandInWorkloadEntry { name: string; namespace: string; address: string; network?: string }

export interface KubeStandIn {
  url: string;
  kubeconfig: string;
  /** Request paths seen, for assertions. */
  requests: string[];
  close(): Promise<void>;
}

const TOKEN = 'stand-in-token';

export async function startKubeStandIn(pods: StandInPod[], entries: StandInWorkloadEntry[]): Promise<KubeStandIn> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(res, 401, status(401, 'Unauthorized'));
    const url = new URL(req.url ?? '/', 'http://x');
    const ns = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/.exec(url.pathname)?.[1];
    if (url.pathname === '/api/v1/pods' || ns) {
      const sel = url.searchParams.get('labelSelector')?.split('=');
      const items = pods.filter((p) => (!ns || p.namespace === ns) && (!sel || p.labels?.[sel[0]] === sel[1])).map(podJson);
      return send(res, 200, { kind: 'PodList', apiVersion: 'v1', metadata: {}, items });
    }
    const weNs = /^\/apis\/networking\.istio\.io\/v1\/(?:namespaces\/([^/]+)\/)?workloadentries$/.exec(url.pathname);
    if (weNs) {
      const items = entries.filter((w) => !weNs[1] || w.namespace === weNs[1]).map((w) => ({
        apiVersion: 'networking.istio.io/v1', kind: 'WorkloadEntry', metadata: { name: w.name, namespace: w.namespace }, spec: { address: w.address, network: w.network },
      }));
      return send(res, 200, { apiVersion: 'networking.istio.io/v1', kind: 'WorkloadEntryList', metadata: {}, items });
    }
    return send(res, 404, status(404, `the server could not find the requested resource (${url.pathname})`));
  });
  server.on('upgrade', (req, socket: Duplex) => {
    requests.push(`UPGRADE ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward$/.exec(url.pathname);
    const pod = m && pods.find((p) => p.namespace === m[1] && p.name === m[2]);
    const protocols = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
    if (req.headers.authorization !== `Bearer ${TOKEN}` || !pod || !protocols.includes('v4.channel.k8s.io')) {
      socket.end(`HTTP/1.1 ${pod ? 403 : 404} Denied\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const accept = crypto.createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: v4.channel.k8s.io\r\n\r\n`);
    portForward(socket, Number(url.searchParams.get('ports')), pod);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-kube-'));
  const kubeconfig = path.join(dir, 'config');
  fs.writeFileSync(kubeconfig, [
    'apiVersion: v1', 'kind: Config', 'current-context: stand-in',
    'clusters:', '- name: local', '  cluster:', `    server: ${url}`, '    insecure-skip-tls-verify: true',
    'users:', '- name: tester', '  user:', `    token: ${TOKEN}`,
    'contexts:', '- name: stand-in', '  context: {cluster: local, user: tester}',
    '- name: other', '  context: {cluster: local, user: tester, namespace: default}', '',
  ].join('\n'));
  return {
    url, kubeconfig, requests,
    close: () => new Promise<void>((resolve) => {
      fs.rmSync(dir, { recursive: true, force: true });
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function podJson(p: StandInPod): unknown {
  return {
    metadata: { name: p.name, namespace: p.namespace, labels: p.labels ?? {} },
    spec: { containers: p.containers.map((name) => ({ name, image: `example/${name}` })) },
    status: { phase: p.phase ?? 'Running', podIP: '10.244.0.9' },
  };
}

const status = (code: number, message: string): unknown => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, code });
function send(res: http.ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Channel 0 carries data, channel 1 errors; each starts with the port as 2 bytes little-endian. */
function portForward(ws: Duplex, podPort: number, pod: StandInPod): void {
  const portBytes = Buffer.from([podPort & 0xff, podPort >> 8]);
  sendFrame(ws, Buffer.concat([Buffer.from([0]), portBytes]));
  sendFrame(ws, Buffer.concat([Buffer.from([1]), portBytes]));
  const local = pod.ports[podPort];
  const upstream = net.connect({ host: '127.0.0.1', port: local ?? 1 });
  let pending: Buffer[] | null = [];
  upstream.on('connect', () => { for (const b of pending ?? []) upstream.write(b); pending = null; });
  upstream.on('data', (d: Buffer) => sendFrame(ws, Buffer.concat([Buffer.from([0]), d])));
  upstream.on('error', (e: NodeJS.ErrnoException) => {
    sendFrame(ws, Buffer.concat([Buffer.from([1]), Buffer.from(`error forwarding port ${podPort} to pod ${pod.name}: dial tcp4 127.0.0.1:${podPort}: connect: ${e.code === 'ECONNREFUSED' ? 'connection refused' : e.message}`)]));
    closeWs(ws);
  });
  upstream.on('end', () => closeWs(ws));
  readFrames(ws, (opcode, payload) => {
    if (opcode === 8) { upstream.destroy(); closeWs(ws); return; }
    if (opcode === 9) { sendFrame(ws, payload, 0xa); return; }
    if (opcode !== 2 || payload.length < 1 || payload[0] !== 0) return;
    const data = payload.subarray(1);
    if (pending) pending.push(data); else upstream.write(data);
  });
  ws.on('close', () => upstream.destroy());
  ws.on('error', () => upstream.destroy());
}

function sendFrame(ws: Duplex, payload: Buffer, opcode = 2): void {
  if (ws.destroyed) return;
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x80 | opcode, n])
    : n < 65536 ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 0xff])
      : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; })()]);
  ws.write(Buffer.concat([head, payload]));
}

function closeWs(ws: Duplex): void {
  if (ws.destroyed) return;
  sendFrame(ws, Buffer.from([0x03, 0xe8]), 8);
  ws.end();
}

function readFrames(ws: Duplex, onFrame: (opcode: number, payload: Buffer) => void): void {
  let buf = Buffer.alloc(0);
  ws.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf.length < 2) return;
      const opcode = buf[0] & 0x0f;
      const masked = (buf[1] & 0x80) !== 0;
      let len = buf[1] & 0x7f;
      let off = 2;
      if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
      else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
      const maskKey = masked ? buf.subarray(off, off + 4) : undefined;
      if (masked) off += 4;
      if (buf.length < off + len) return;
      const payload = Buffer.from(buf.subarray(off, off + len));
      if (maskKey) for (let i = 0; i < payload.length; i++) payload[i] ^= maskKey[i % 4];
      buf = buf.subarray(off + len);
      onFrame(opcode, payload);
    }
  });
}
