// Client-only proxy settings (`hybridMesh.proxies`, `hybridMesh.proxyDumpFiles`,
// `hybridMesh.certificates.*`, `hybridMesh.proxy.refreshIntervalSeconds`), typed once and
// normalized by pure functions: bad entries become one-line problems, never exceptions.

/** A configured VM sidecar. At least one of adminUrl, ssh or istiodUrl is set. */
export interface ProxySpec {
  readonly name: string;
  /** Envoy admin, e.g. http://127.0.0.1:15000 (a tunnel or the simulator). */
  readonly adminUrl?: string;
  /** istio-agent status server; defaults to the admin host on 15020. */
  readonly agentUrl?: string;
  /** `[user@]host` reached with the system ssh client. */
  readonly ssh?: string;
  /** ssh_config file passed as `-F`. */
  readonly sshConfig?: string;
  /** istiod debug server (15014): shows what istiod sends this VM. */
  readonly istiodUrl?: string;
  /** Fragment of the Envoy node id istiod knows the VM by (default `<name>.`). */
  readonly proxyId?: string;
  /** The VM's address, matched against WorkloadEntry spec.address for the code lens. */
  readonly address?: string;
}

export interface CertThresholds {
  readonly warningHours: number;
  readonly errorHours: number;
}

// Istio workload certificates last 24 h and istio-agent renews them at half their lifetime, so
// under 12 h left means a renewal is overdue; under 4 h the VM is about to lose mTLS.
export const DEFAULT_THRESHOLDS: CertThresholds = { warningHours: 12, errorHours: 4 };
export const DEFAULT_REFRESH_SECONDS = 10;

const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

const SSH_TARGET = /^[A-Za-z0-9_.%-]+(@[A-Za-z0-9_.%:[\]-]+)?$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,252}$/;

/** `hybridMesh.proxies`: keeps the valid entries and explains the others. */
export function normalizeProxies(raw: unknown): { proxies: ProxySpec[]; problems: string[] } {
  const proxies: ProxySpec[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { proxies, problems };
  if (!Array.isArray(raw)) return { proxies, problems: ['hybridMesh.proxies must be an array of {name, adminUrl} or {name, ssh}'] };
  raw.forEach((item, i) => {
    const o = record(item);
    const where = `hybridMesh.proxies[${i}]`;
    if (!o) { problems.push(`${where}: expected an object`); return; }
    const name = text(o.name);
    if (!name || !NAME.test(name)) { problems.push(`${where}: 'name' must be a non-empty name (letters, digits, . _ : -)`); return; }
    if (proxies.some((p) => p.name === name)) { problems.push(`${where}: duplicate name '${name}'`); return; }
    const spec: Record<string, string> = { name };
    for (const key of ['adminUrl', 'agentUrl', 'istiodUrl', 'sshConfig', 'proxyId', 'address'] as const) {
      const v = text(o[key]);
      if (v !== undefined) spec[key] = v;
    }
    for (const key of ['adminUrl', 'agentUrl', 'istiodUrl'] as const) {
      if (spec[key] !== undefined && !/^(https?:\/\/)?[^\s/]+(:\d+)?\/?$/.test(spec[key]!)) {
        problems.push(`${where}: '${key}' is not a URL like http://host:port`);
        return;
      }
    }
    const ssh = text(o.ssh);
    if (ssh !== undefined) {
      if (!SSH_TARGET.test(ssh) || ssh.startsWith('-')) { problems.push(`${where}: 'ssh' must be [user@]host`); return; }
      spec.ssh = ssh;
    }
    if (!spec.adminUrl && !spec.ssh && !spec.istiodUrl) { problems.push(`${where} (${name}): needs 'adminUrl', 'ssh' or 'istiodUrl'`); return; }
    proxies.push(spec as unknown as ProxySpec);
  });
  return { proxies, problems };
}

/** `hybridMesh.proxyDumpFiles`: a list of paths. */
export function normalizeDumpFiles(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()))];
}

const num = (v: unknown, fallback: number, min: number, max: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;

export function normalizeThresholds(warningHours: unknown, errorHours: unknown): CertThresholds {
  const warning = num(warningHours, DEFAULT_THRESHOLDS.warningHours, 0, 24 * 365);
  const error = num(errorHours, DEFAULT_THRESHOLDS.errorHours, 0, 24 * 365);
  // An error threshold above the warning one would never show a warning: keep them ordered.
  return { warningHours: Math.max(warning, error), errorHours: error };
}

export function normalizeRefreshSeconds(v: unknown): number {
  return Math.round(num(v, DEFAULT_REFRESH_SECONDS, 0, 3600));
}

/** Host part of the admin URL or ssh target, used to match WorkloadEntry addresses. */
export function addressOf(p: ProxySpec): string | undefined {
  if (p.address) return p.address;
  if (p.ssh) return p.ssh.replace(/^[^@]*@/, '');
  const m = /^(?:https?:\/\/)?([^/:\s]+)/.exec(p.adminUrl ?? '');
  return m?.[1];
}

/**
 * The value a proxy setting has for the extension. In an untrusted workspace only the user's own
 * (global) value counts: a cloned repository must not choose hosts, ssh targets or files.
 */
export function effectiveSetting(merged: unknown, inspection: { globalValue?: unknown } | undefined, trusted: boolean): unknown {
  return trusted ? merged : inspection?.globalValue;
}
