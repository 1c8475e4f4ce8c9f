// A compact health summary of one config_dump: what a fleet scan or a status bar needs.
import { bootstrapInfo } from './bootstrap';
import { secretRows } from './secrets';
import type { BootstrapInfo, ConfigDump, SecretRow } from './types';

export interface DumpSummary {
  readonly bootstrap?: BootstrapInfo;
  readonly counts: { clusters: number; listeners: number; routes: number; secrets: number; endpoints: number; ecds: number; raw: number };
  readonly warming: { clusters: number; listeners: number; secrets: number };
  /** Resources Envoy rejected (error_state), with the NACK text. */
  readonly rejected: { kind: string; name: string; error: string }[];
  /** Workload certificate (secret `default`) if present. */
  readonly workloadCert?: SecretRow;
  /** Earliest notAfter among certificates, RFC 3339, and seconds left from `now`. */
  readonly earliestExpiry?: { name: string; notAfter: string; timeLeftSeconds: number };
  /** Workload certs that do not chain to ROOTCA. */
  readonly unchained: string[];
}

export function summarizeDump(dump: ConfigDump, now: number): DumpSummary {
  const count = (xs: readonly { state: string }[], s: string): number => xs.reduce((n, x) => n + (x.state === s ? 1 : 0), 0);
  const secrets = secretRows(dump, { now });
  const dated = secrets.filter((s) => s.timeLeftSeconds !== null);
  const earliest = dated.reduce<SecretRow | undefined>((a, s) => (!a || s.timeLeftSeconds! < a.timeLeftSeconds! ? s : a), undefined);
  const rejected = (['clusters', 'listeners', 'routes', 'secrets'] as const).flatMap((k) =>
    dump[k].filter((e) => e.error !== undefined).map((e) => ({ kind: k, name: e.name, error: e.error! })));
  return {
    ...(dump.bootstrap ? { bootstrap: bootstrapInfo(dump) } : {}),
    counts: {
      clusters: dump.clusters.length, listeners: dump.listeners.length, routes: dump.routes.length, secrets: dump.secrets.length,
      endpoints: dump.endpoints.length, ecds: dump.ecds.length, raw: dump.raw.length,
    },
    warming: { clusters: count(dump.clusters, 'warming'), listeners: count(dump.listeners, 'warming'), secrets: count(dump.secrets, 'warming') },
    rejected,
    ...(secrets.find((s) => s.name === 'default' && s.type === 'Cert Chain') ? { workloadCert: secrets.find((s) => s.name === 'default' && s.type === 'Cert Chain') } : {}),
    ...(earliest ? { earliestExpiry: { name: earliest.name, notAfter: earliest.notAfter, timeLeftSeconds: earliest.timeLeftSeconds! } } : {}),
    unchained: secrets.filter((s) => s.chainsToRoot === false).map((s) => s.name),
  };
}
