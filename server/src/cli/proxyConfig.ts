// `hybrid-mesh proxy-config <kind> (--admin URL | --ssh [user@]host | --k8s [ctx/]ns/pod | --file PATH)`:
// istioctl's proxy-config tables (and our -o json contract) for a VM or pod sidecar.
import type { CliCommand, CliIO } from './command';
import { int, parseFlags, str, UsageError, type ParsedArgs } from './proxyArgs';
import { openTarget, TARGET_FLAGS } from './proxyTarget';
import { describeFailure } from './proxyErrors';
import { fetchProxyData, KINDS, type Kind } from '../proxy/fetchProxyData';
import { renderTable, toDocument, toJson, toYaml, type RowKind, type RowsByKind } from '../core/proxy';
import { stringify } from 'yaml';

const HELP = `usage: hybrid-mesh proxy-config <${KINDS.join('|')}>
         (--admin URL | --ssh [user@]host | --k8s [context/]namespace/pod | --file PATH) [-o table|json|yaml]
filters: cluster --fqdn --port --direction --subset; endpoint --address --port --status --cluster;
         listener --address --port --type; route --name
ssh:     --ssh-config FILE --remote-admin-port N --remote-agent-port N
k8s:     --kubeconfig FILE --context NAME (a WorkloadEntry name is read through istiod)
limits:  --timeout MS --connect-timeout MS --max-bytes N`;

export const proxyConfigCommand: CliCommand = {
  async run(args: string[], io: CliIO): Promise<number> {
    let p: ParsedArgs;
    try {
      p = parseFlags(args, {
        ...TARGET_FLAGS, output: 'string', fqdn: 'string', port: 'string', direction: 'string', subset: 'string',
        address: 'string', status: 'string', cluster: 'string', type: 'string', name: 'string', help: 'boolean',
      }, { o: 'output', h: 'help' });
      if (p.flags.help) { io.stdout.write(HELP + '\n'); return 0; }
    } catch (e) {
      io.stderr.write(`hybrid-mesh proxy-config: ${(e as Error).message}\n`);
      return 2;
    }
    let close: (() => Promise<void>) | undefined;
    try {
      const [kind, ...extra] = p.positional;
      if (!kind || !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`expected one of ${KINDS.join(', ')}${kind ? `, got '${kind}'` : ''}`);
      if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
      const output = str(p, 'output') ?? 'table';
      if (!['table', 'json', 'yaml'].includes(output)) throw new UsageError(`-o must be table, json or yaml, got '${output}'`);
      const port = int(p, 'port', 0, 65535);
      const opened = await openTarget(p);
      close = () => opened.conn.close();
      const data = await fetchProxyData(opened.conn, kind as Kind, {
        istiodProxyId: opened.istiodProxyId, now: Date.now(),
        cluster: { fqdn: str(p, 'fqdn'), port, direction: str(p, 'direction'), subset: str(p, 'subset') },
        endpoint: { address: str(p, 'address'), port, status: str(p, 'status'), cluster: str(p, 'cluster') },
        listener: { address: str(p, 'address'), port, type: str(p, 'type') },
        route: { name: str(p, 'name') },
      });
      io.stdout.write(render(data, output));
      return 0;
    } catch (e) {
      io.stderr.write(`hybrid-mesh proxy-config: ${describeFailure(e)}\n`);
      return 2;
    } finally {
      await close?.().catch(() => undefined);
    }
  },
};

type Rendered = Partial<{ [K in RowKind]: RowsByKind[K] }>;

function render(data: Rendered, output: string): string {
  const kinds = Object.keys(data) as RowKind[];
  if (kinds.length === 1) {
    const k = kinds[0];
    const rows = data[k] as RowsByKind[typeof k];
    if (output === 'json') return toJson(k, rows);
    if (output === 'yaml') return toYaml(k, rows);
    return renderTable(k, rows);
  }
  if (output !== 'table') {
    const doc = Object.assign({}, ...kinds.map((k) => toDocument(k, data[k] as RowsByKind[typeof k])));
    return output === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc, { lineWidth: 0 });
  }
  return kinds.map((k) => renderTable(k, data[k] as RowsByKind[typeof k], { includeConfigType: k !== 'bootstrap' && k !== 'secret' })).join('\n');
}
