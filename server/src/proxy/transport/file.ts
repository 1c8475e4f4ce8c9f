// Saved proxy data: a config_dump JSON file, or a directory of saved endpoint bodies
// (config_dump.json, clusters.json, certs.json, server_info.json, ready.txt, stats.txt,
// stats_prometheus.txt, syncz.json). Bodies are served as saved: queries are not re-applied.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { authorize, DEFAULT_LIMITS, limitsOf, type AdminPath, type AdminResponse, type GetOptions, type Limits, type ProxyConnection } from '../connection';
import { ProxyConnectionError } from '../errors';

const FILES: Record<string, string[]> = {
  '/config_dump': ['config_dump.json'],
  '/clusters': ['clusters.json'],
  '/listeners': ['listeners.json'],
  '/certs': ['certs.json'],
  '/server_info': ['server_info.json'],
  '/ready': ['ready.txt'],
  '/stats': ['stats.txt'],
  '/stats/prometheus': ['stats_prometheus.txt', 'prometheus.txt'],
  '/debug/syncz': ['syncz.json'],
};

export class FileConnection implements ProxyConnection {
  private readonly limits: Limits;
  constructor(private readonly target: string, limits?: Partial<Limits>) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  describe(): string { return `file ${this.target}`; }

  async get(adminPath: AdminPath, opts?: GetOptions): Promise<AdminResponse> {
    const { method } = await authorize(this.target, adminPath, opts);
    if (method !== 'GET') throw new ProxyConnectionError(`${this.target}${adminPath}`, 'not-allowed', 'saved files cannot be changed through the admin API');
    const pathname = new URL(adminPath, 'http://x').pathname;
    const file = this.fileFor(pathname);
    const limits = limitsOf(opts, this.limits);
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ProxyConnectionError(file, 'unreachable', code === 'ENOENT' ? `no such file (needed for ${pathname})` : (e as Error).message);
    }
    // A named pipe would block the read forever; a device or socket is no saved dump either.
    if (!st.isFile()) throw new ProxyConnectionError(file, 'unreachable', `not a regular file (needed for ${pathname})`);
    const size = st.size;
    if (size > limits.maxBytes) throw new ProxyConnectionError(file, 'oversized', `file of ${size} bytes exceeds the ${limits.maxBytes}-byte cap (maxBytes)`);
    return { status: 200, contentType: file.endsWith('.json') ? 'application/json' : 'text/plain', body: fs.readFileSync(file, 'utf8'), endpoint: file };
  }

  async close(): Promise<void> { /* nothing to release */ }

  isDirectory(): boolean {
    try { return fs.statSync(this.target).isDirectory(); } catch { return false; }
  }

  private fileFor(pathname: string): string {
    let isDir = false;
    try { isDir = fs.statSync(this.target).isDirectory(); } catch { /* reported when read */ }
    if (!isDir) {
      if (pathname === '/config_dump') return this.target;
      throw new ProxyConnectionError(`${this.target}`, 'usage', `a saved config_dump has no ${pathname} data; save a directory with ${(FILES[pathname] ?? ['?'])[0]} instead`);
    }
    const names = FILES[pathname] ?? [];
    const found = names.map((n) => path.join(this.target, n)).find((p) => fs.existsSync(p));
    return found ?? path.join(this.target, names[0] ?? pathname.slice(1).replace(/\//g, '_'));
  }
}
