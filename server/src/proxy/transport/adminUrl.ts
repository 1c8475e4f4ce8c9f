// Direct admin URL: `http://host:15000` (a tunnel the user already has, or the simulator).
// The istio-agent port (15020) defaults to the same host with port 15020.
import type { AdminPort } from '../allowlist';
import { authorize, DEFAULT_LIMITS, limitsOf, type AdminPath, type AdminResponse, type GetOptions, type Limits, type ProxyConnection } from '../connection';
import { ProxyConnectionError } from '../errors';
import { httpGet } from '../http/httpGet';

export interface AdminUrlOptions {
  adminUrl: string;
  /** istio-agent status server; defaults to the admin host on port 15020. */
  agentUrl?: string;
  /** istiod debug server (only for istiod connections). */
  istiodUrl?: string;
  limits?: Partial<Limits>;
  label?: string;
}

export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    throw new ProxyConnectionError(raw, 'usage', `'${raw}' is not a URL (expected http://host:port)`);
  }
  if (url.protocol !== 'http:') throw new ProxyConnectionError(raw, 'usage', `only http:// admin URLs are supported, got ${url.protocol}`);
  return `${url.protocol}//${url.host}`;
}

export class AdminUrlConnection implements ProxyConnection {
  private readonly bases: Partial<Record<AdminPort, string>>;
  private readonly limits: Limits;

  constructor(private readonly opts: AdminUrlOptions) {
    const admin = normalizeBaseUrl(opts.adminUrl);
    const agent = opts.agentUrl ? normalizeBaseUrl(opts.agentUrl) : withPort(admin, 15020);
    this.bases = { admin, agent, istiod: opts.istiodUrl ? normalizeBaseUrl(opts.istiodUrl) : undefined };
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
  }

  describe(): string {
    return this.opts.label ?? this.bases.admin ?? '';
  }

  async get(path: AdminPath, opts?: GetOptions): Promise<AdminResponse> {
    const base = this.bases.admin as string;
    const { port, method } = await authorize(base, path, opts);
    const target = this.bases[port];
    if (!target) throw new ProxyConnectionError(`${base}${path}`, 'usage', `no ${port} address configured for this connection`);
    return httpGet({ url: `${target}${path}`, method, limits: limitsOf(opts, this.limits) });
  }

  async close(): Promise<void> { /* nothing held open */ }
}

function withPort(base: string, port: number): string {
  const url = new URL(base);
  url.port = String(port);
  return `${url.protocol}//${url.host}`;
}
