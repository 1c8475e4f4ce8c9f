// Fleet scans: targets from flags or a fleet file, the scan itself, and its output.
import * as fs from 'node:fs';
import { stringify } from 'yaml';
import { ProxyConnectionError } from '../errors';
import { AdminUrlConnection } from '../transport/adminUrl';
import { SshConnection } from '../transport/ssh';
import type { FleetRow, FleetTarget } from './scan';
import { formatTimeLeft, tabwrite } from '../../core/proxy';

export { scanFleet, type FleetRow, type FleetTarget, type ScanOptions, type CertStatus } from './scan';

/** `http://host:port` (admin URL) or `ssh:[user@]host`. */
export function fleetTarget(spec: string, opts: { sshConfig?: string } = {}): FleetTarget {
  if (spec.startsWith('ssh:')) {
    const host = spec.slice(4);
    return { label: spec, open: (limits) => SshConnection.open({ target: host, sshArgs: opts.sshConfig ? ['-F', opts.sshConfig] : [], limits }) };
  }
  const probe = new AdminUrlConnection({ adminUrl: spec });
  return { label: probe.describe(), open: async (limits) => new AdminUrlConnection({ adminUrl: spec, limits }) };
}

export function fleetTargetsFrom(admins: string[], fleetFile: string | undefined, opts: { sshConfig?: string } = {}): FleetTarget[] {
  const specs = [...admins];
  if (fleetFile !== undefined) {
    let text: string;
    try { text = fs.readFileSync(fleetFile, 'utf8'); } catch (e) {
      throw new ProxyConnectionError(fleetFile, 'usage', `cannot read fleet file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (text.trimStart().startsWith('[')) {
      let list: unknown;
      try { list = JSON.parse(text); } catch (e) { throw new ProxyConnectionError(fleetFile, 'usage', `not valid JSON: ${(e as Error).message}`); }
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) throw new ProxyConnectionError(fleetFile, 'usage', 'expected a JSON array of strings');
      specs.push(...(list as string[]));
    } else {
      specs.push(...text.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean));
    }
  }
  return specs.map((s) => fleetTarget(s, opts));
}

export function renderFleet(rows: FleetRow[], output: string, elapsedMs: number): string {
  const summary = {
    proxies: rows.length,
    adminUnreachable: rows.filter((r) => r.note).length,
    unreachable: rows.filter((r) => r.error).length,
    notReady: rows.filter((r) => r.ready === false).length,
    certExpired: rows.filter((r) => r.certStatus === 'EXPIRED').length,
    certExpiring: rows.filter((r) => r.certStatus === 'EXPIRING').length,
    syncErrors: rows.filter((r) => r.sync === 'ERROR' || r.sync === 'STALE').length,
    elapsedMs,
  };
  if (output === 'json') return `${JSON.stringify({ summary, proxies: rows }, null, 2)}\n`;
  if (output === 'yaml') return stringify({ summary, proxies: rows }, { lineWidth: 0 });
  const left = (s: number | null): string => s === null ? '-' : formatTimeLeft(s);
  const lines = rows.map((r) => r.error || r.note
    ? `${r.target}\t${r.proxy || '-'}\t${r.error ? 'ERROR' : '-'}\t-\t-\t${r.sync ?? '-'}\t${r.error ?? r.note}`
    : `${r.target}\t${r.proxy}\t${r.ready ? 'READY' : `NOT READY (${r.state})`}\t${r.certStatus ?? '-'}\t${left(r.certTimeLeftSeconds)}\t${r.sync ?? '-'}\t`);
  const table = tabwrite(`${['TARGET\tPROXY\tREADY\tCERT\tCERT EXPIRES IN\tSYNC\tNOTE', ...lines].join('\n')}\n`, { padding: 3 });
  return `${table}\n${summary.proxies} proxies in ${elapsedMs} ms: ${summary.unreachable} unreachable, ${summary.notReady} not ready, `
    + `${summary.certExpired} expired and ${summary.certExpiring} expiring certificates, ${summary.syncErrors} with sync errors`
    + `${summary.adminUnreachable ? `, ${summary.adminUnreachable} VMs seen only through istiod` : ''}\n`;
}
