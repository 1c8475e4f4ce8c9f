// A single HTTP request with the limits every proxy call needs: connect and total timeouts, a
// body size cap, and one-line errors that say what went wrong (refused, reset, truncated...).
import * as http from 'node:http';
import { ProxyConnectionError } from '../errors';
import type { AdminResponse, Limits } from '../connection';

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  limits: Limits;
}

const NETWORK_CAUSES: Record<string, [ProxyConnectionError['cause'], string]> = {
  ECONNREFUSED: ['refused', 'connection refused'],
  ECONNRESET: ['reset', 'connection reset by peer'],
  EPIPE: ['reset', 'connection reset by peer'],
  EHOSTUNREACH: ['unreachable', 'host unreachable'],
  ENETUNREACH: ['unreachable', 'network unreachable'],
  ENOTFOUND: ['unreachable', 'host name not found'],
  EAI_AGAIN: ['unreachable', 'host name lookup failed'],
  EADDRNOTAVAIL: ['unreachable', 'address not available'],
};

export function httpGet(req: HttpRequest): Promise<AdminResponse> {
  const { url, limits } = req;
  return new Promise<AdminResponse>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (err: ProxyConnectionError | null, res?: AdminResponse): void => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      if (err) { request.destroy(); reject(err); } else resolve(res as AdminResponse);
    };
    const fail = (cause: ProxyConnectionError['cause'], detail: string): void =>
      finish(new ProxyConnectionError(url, cause, detail));

    const request = http.request(url, {
      method: req.method ?? 'GET', agent: false, headers: { connection: 'close', accept: '*/*' },
    });
    timers.push(setTimeout(() => fail('timeout', `no answer within ${limits.totalTimeoutMs} ms`), limits.totalTimeoutMs));
    request.on('socket', (socket) => {
      const connectTimer = setTimeout(() => fail('timeout', `could not connect within ${limits.connectTimeoutMs} ms`), limits.connectTimeoutMs);
      timers.push(connectTimer);
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    request.on('error', (e: NodeJS.ErrnoException) => {
      const known = e.code ? NETWORK_CAUSES[e.code] : undefined;
      if (known) fail(known[0], known[1]);
      else if (/socket hang up/.test(e.message)) fail('reset', 'connection closed before any response (socket hang up)');
      else fail('transport', e.message);
    });
    request.on('response', (res) => {
      const declared = res.headers['content-length'] !== undefined ? Number(res.headers['content-length']) : undefined;
      if (declared !== undefined && declared > limits.maxBytes) {
        fail('oversized', `response of ${declared} bytes exceeds the ${limits.maxBytes}-byte cap (maxBytes)`);
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limits.maxBytes) {
          fail('oversized', `response exceeds the ${limits.maxBytes}-byte cap (maxBytes) after ${received} bytes`);
          return;
        }
        chunks.push(chunk);
      });
      const cut = (): void => {
        if (declared !== undefined) fail('truncated', `truncated body: got ${received} of ${declared} bytes`);
        else fail('reset', `connection closed after ${received} bytes, before the body was complete`);
      };
      res.on('aborted', cut);
      res.on('error', cut);
      res.on('end', () => {
        if (!res.complete || (declared !== undefined && received < declared)) { cut(); return; }
        finish(null, {
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
          endpoint: url,
        });
      });
    });
    request.end();
  });
}
