// The one interface every transport implements (direct admin URL, SSH tunnel, Kubernetes
// port-forward, saved files). Callers never learn which one they hold.
import { checkPath, type AdminPort } from './allowlist';
import { ProxyConnectionError } from './errors';

/** A path plus query string, e.g. `/config_dump?resource=dynamic_active_clusters`. */
export type AdminPath = string;

export interface AdminResponse {
  status: number;
  contentType: string;
  body: string;
  /** Full URL (or file) the body came from; used in error messages. */
  endpoint: string;
}

export interface Limits {
  /** Time to establish the TCP connection (or tunnel). */
  connectTimeoutMs: number;
  /** Time for the whole request, headers and body. */
  totalTimeoutMs: number;
  /** Largest body accepted; bigger ones fail with a message naming the cap. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 30_000,
  maxBytes: 256 * 1024 * 1024,
};

export interface GetOptions extends Partial<Limits> {
  /**
   * Required to call a mutating endpoint: asked with a description of the call, it must return
   * true (the editor asks a person; the CLI never passes one).
   */
  confirmMutation?: (what: string) => boolean | Promise<boolean>;
}

export interface ProxyConnection {
  /** Human-readable target, e.g. `ssh vm-1 -> 127.0.0.1:15000`. */
  describe(): string;
  get(path: AdminPath, opts?: GetOptions): Promise<AdminResponse>;
  close(): Promise<void>;
}

/** Shared guard: validates the path and, for mutating calls, asks for confirmation. */
export async function authorize(target: string, path: AdminPath, opts: GetOptions | undefined):
  Promise<{ port: AdminPort; method: 'GET' | 'POST' }> {
  const check = checkPath(path);
  if (!check.ok) throw new ProxyConnectionError(`${target}${path}`, 'not-allowed', check.reason);
  if (!check.mutating) return { port: check.entry.port, method: 'GET' };
  const what = `POST ${path} on ${target}`;
  const confirmed = opts?.confirmMutation ? await opts.confirmMutation(what) : false;
  if (!confirmed) {
    throw new ProxyConnectionError(`${target}${path}`, 'not-allowed',
      `refused ${new URL(path, 'http://x').pathname}: it changes the proxy and was not confirmed`);
  }
  return { port: check.entry.port, method: 'POST' };
}

export function limitsOf(opts: GetOptions | undefined, base: Limits = DEFAULT_LIMITS): Limits {
  return {
    connectTimeoutMs: opts?.connectTimeoutMs ?? base.connectTimeoutMs,
    totalTimeoutMs: opts?.totalTimeoutMs ?? base.totalTimeoutMs,
    maxBytes: opts?.maxBytes ?? base.maxBytes,
  };
}
