// `hybrid-mesh proxy-status`: sync state of every proxy istiod knows (VMs included), from
// istiod's /debug/syncz; with --certs, a fleet scan of sidecars (cert expiry, readiness, sync).
import type { CliCommand, CliIO } from './command';
import { int, parseFlags, str, UsageError, type ParsedArgs } from './proxyArgs';
import { limitsFrom } from './proxyTarget';
import { describeFailure } from './proxyErrors';
import { AdminUrlConnection } from '../proxy/transport/adminUrl';
import type { ProxyConnection } from '../proxy/connection';
import { parsed } from '../proxy/fetchProxyData';
import { fleetTargetsFrom, renderFleet, scanFleet } from '../proxy/fleet';
import { parseSyncz, renderTable, toJson, toYaml, type SyncRow } from '../core/proxy';

const HELP = `usage: hybrid-mesh proxy-status [--istiod URL | --k8s CONTEXT] [--kubeconfig FILE] [--verbose] [-o table|json|yaml]
       hybrid-mesh proxy-status --certs (--admin URL ... | --fleet FILE | --k8s CONTEXT) [--istiod URL] [--concurrency N] [--warn-hours H (default 12)]
--fleet FILE: one target per line (admin URL, or ssh:[user@]host), or a JSON array of them.`;

export const proxyStatusCommand: CliCommand = {
  async run(args: string[], io: CliIO): Promise<number> {
    let p: ParsedArgs;
    try {
      p = parseFlags(args, {
        istiod: 'string', k8s: 'string', kubeconfig: 'string', certs: 'boolean', admin: 'list', fleet: 'string',
        concurrency: 'string', 'warn-hours': 'string', verbose: 'boolean', output: 'string', help: 'boolean',
        timeout: 'string', 'connect-timeout': 'string', 'max-bytes': 'string', 'ssh-config': 'string',
      }, { o: 'output', h: 'help', v: 'verbose' });
      if (p.flags.help) { io.stdout.write(HELP + '\n'); return 0; }
    } catch (e) {
      io.stderr.write(`hybrid-mesh proxy-status: ${(e as Error).message}\n`);
      return 2;
    }
    let istiod: ProxyConnection | undefined;
    try {
      const output = str(p, 'output') ?? 'table';
      if (!['table', 'json', 'yaml'].includes(output)) throw new UsageError(`-o must be table, json or yaml, got '${output}'`);
      if (p.positional.length) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
      istiod = await openIstiod(p);
      const sync = istiod ? await parsed(istiod, '/debug/syncz', (b) => parseSyncz(b, { istiod: istiod?.describe() })) : undefined;
      if (p.flags.certs) {
        const targets = fleetTargetsFrom((p.flags.admin as string[] | undefined) ?? [], str(p, 'fleet'), { sshConfig: str(p, 'ssh-config') });
        if (str(p, 'k8s') !== undefined) {
          const { kubeFleetTargets } = await import('../proxy/kube/fleet');
          targets.push(...await kubeFleetTargets({ kubeconfig: str(p, 'kubeconfig'), context: str(p, 'k8s') || undefined }));
        }
        if (targets.length === 0) throw new UsageError('--certs needs proxies to scan: --admin URL (repeatable), --fleet FILE or --k8s CONTEXT');
        const t0 = Date.now();
        const rows = await scanFleet(targets, {
          concurrency: int(p, 'concurrency', 1, 1000) ?? 32, now: Date.now(), limits: limitsFrom(p),
          warnSeconds: (int(p, 'warn-hours', 0, 100_000) ?? 12) * 3600, sync,
        });
        io.stdout.write(renderFleet(rows, output, Date.now() - t0));
        return 0;
      }
      if (!sync) throw new UsageError('give --istiod URL or --k8s CONTEXT (or --certs with --admin/--fleet)');
      io.stdout.write(output === 'json' ? toJson('status', sync) : output === 'yaml' ? toYaml('status', sync) : renderTable('status', sync as SyncRow[], { verbose: !!p.flags.verbose }));
      return 0;
    } catch (e) {
      io.stderr.write(`hybrid-mesh proxy-status: ${describeFailure(e)}\n`);
      return 2;
    } finally {
      await istiod?.close().catch(() => undefined);
    }
  },
};

async function openIstiod(p: ParsedArgs): Promise<ProxyConnection | undefined> {
  const url = str(p, 'istiod');
  const context = str(p, 'k8s');
  if (url !== undefined && context !== undefined) throw new UsageError('give --istiod URL or --k8s CONTEXT, not both');
  if (url !== undefined) return new AdminUrlConnection({ adminUrl: url, istiodUrl: url, limits: limitsFrom(p) });
  if (context === undefined) return undefined;
  const { KubeForwardConnection } = await import('../proxy/kube/podConnection');
  return KubeForwardConnection.istiod({ kubeconfig: str(p, 'kubeconfig'), context: context || undefined, limits: limitsFrom(p) });
}
