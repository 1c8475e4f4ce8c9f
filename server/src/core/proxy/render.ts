// Table / JSON / YAML output of proxy rows. Tables follow istioctl's writers (same headers,
// same tabwriter settings); JSON and YAML follow our `-o json` contract.
import { stringify } from 'yaml';
import { tabwrite } from './tabwriter';
import type { BootstrapInfo, ClusterRow, EcdsRow, EdsRow, EndpointRow, ListenerRow, RouteRow, SecretRow, SyncRow } from './types';
import { versionSummary } from './bootstrap';

export interface RowsByKind {
  cluster: ClusterRow[];
  listener: ListenerRow[];
  route: RouteRow[];
  endpoint: EndpointRow[];
  eds: EdsRow[];
  secret: SecretRow[];
  status: SyncRow[];
  ecds: EcdsRow[];
  bootstrap: BootstrapInfo;
}
export type RowKind = keyof RowsByKind;

export interface TableOptions {
  /** istioctl `all`: a first NAME column holding `cluster/<name>`, `listener/<name>`, ... */
  readonly includeConfigType?: boolean;
  /** Long tables (istioctl default true for listener/route; proxy-status default false). */
  readonly verbose?: boolean;
}

const P5 = { padding: 5 };

/** Renders rows as istioctl's text table (ends with a newline). */
export function renderTable<K extends RowKind>(kind: K, rows: RowsByKind[K], opts: TableOptions = {}): string {
  const t = opts.includeConfigType ?? false;
  switch (kind) {
    case 'cluster': {
      const lines = (rows as ClusterRow[]).map((r) => {
        const fqdn = r.direction === '-' && t ? `cluster/${r.name}` : r.fqdn;
        return `${t ? `cluster/${r.name}\t` : ''}${fqdn}\t${r.port}\t${r.subset}\t${r.direction}\t${r.type}\t${r.destinationRule}`;
      });
      return tab([`${t ? 'NAME\t' : ''}SERVICE FQDN\tPORT\tSUBSET\tDIRECTION\tTYPE\tDESTINATION RULE`, ...lines], P5);
    }
    case 'listener': {
      const rs = rows as ListenerRow[];
      const pre = (r: ListenerRow): string => (t ? `listener/${r.name}\t` : '');
      if (opts.verbose === false) {
        const seen = new Set<string>();
        const once = rs.filter((r) => { const k = `${r.name}\u0000${r.addresses}\u0000${r.port}`; if (seen.has(k)) return false; seen.add(k); return true; });
        return tab([`${t ? 'NAME\t' : ''}ADDRESSES\tPORT\tTYPE`, ...once.map((r) => `${pre(r)}${r.addresses}\t${r.port}\t${r.type}`)], { padding: 1 });
      }
      return tab([`${t ? 'NAME\t' : ''}ADDRESSES\tPORT\tMATCH\tDESTINATION`, ...rs.map((r) => `${pre(r)}${r.addresses}\t${r.port}\t${r.match}\t${r.destination}`)], { padding: 1 });
    }
    case 'route': {
      const rs = rows as RouteRow[];
      const name = (r: RouteRow): string => (t ? `route/${r.name}` : r.name);
      if (opts.verbose === false) {
        const vhosts = new Map<string, Set<string>>();
        for (const r of rs) (vhosts.get(r.name) ?? vhosts.set(r.name, new Set()).get(r.name)!).add(r.vhost);
        return tab(['NAME\tVIRTUAL HOSTS', ...[...vhosts].map(([n, v]) => `${t ? `route/${n}` : n}\t${v.size}`)], P5);
      }
      return tab(['NAME\tVHOST NAME\tDOMAINS\tMATCH\tVIRTUAL SERVICE', ...rs.map((r) => `${name(r)}\t${r.vhost}\t${r.domains}\t${r.match}\t${r.virtualService}`)], P5);
    }
    case 'endpoint':
      return tab(['ENDPOINT\tSTATUS\tOUTLIER CHECK\tCLUSTER', ...(rows as EndpointRow[]).map((r) => `${r.endpoint}\t${r.status}\t${r.outlierCheck}\t${r.cluster}`)], P5);
    case 'eds':
      return tab(['NAME\tSTATUS\tLOCALITY\tCLUSTER', ...(rows as EdsRow[]).map((r) => `${t ? 'endpoint/' : ''}${r.endpoint}\t${r.status}\t${r.locality}\t${r.cluster}`)], P5);
    case 'secret':
      return secretTable(rows as SecretRow[], t);
    case 'status':
      return statusTable(rows as SyncRow[], opts.verbose ?? false);
    case 'ecds':
      return tab(['ECDS NAME\tTYPE', ...(rows as EcdsRow[]).map((r) => `${t ? `ecds/${r.name}` : r.name}\t${r.type}`)], P5);
    case 'bootstrap':
      return versionSummary(rows as BootstrapInfo);
    default:
      throw new Error(`unknown table kind ${String(kind)}`);
  }
}

function tab(lines: string[], o: { padding: number }): string {
  return tabwrite(`${lines.join('\n')}\n`, o);
}

function secretTable(rows: SecretRow[], t: boolean): string {
  if (rows.length === 0) return 'No active or warming secrets found.\n';
  const td = rows.every((r) => r.trustDomain !== '');
  const head = `RESOURCE NAME\tTYPE\tSTATUS\tVALID CERT\tSERIAL NUMBER\tNOT AFTER\tNOT BEFORE${td ? '\tTRUST DOMAIN' : ''}`;
  const lines = rows.map((r) => `${t ? 'secret/' : ''}${r.name}\t${r.type}\t${r.status}\t${r.validCert}\t${r.serialNumber}\t${r.notAfter}\t${r.notBefore}${td ? `\t${r.trustDomain}` : ''}`);
  return tabwrite(`${[head, ...lines].join('\n')}\n`, { minwidth: 0, padding: 5 });
}

function statusTable(rows: SyncRow[], verbose: boolean): string {
  if (!verbose) {
    const lines = rows.map((r) => `${r.proxy}\t${r.clusterId}\t${r.istiod}\t${r.version}\t${r.subscribedTypes.length ? `${r.subscribedTypes.length} (${r.subscribedTypes.join(',')})` : '0'}`);
    return tab(['NAME\tCLUSTER\tISTIOD\tVERSION\tSUBSCRIBED TYPES', ...lines], P5);
  }
  const types = [...new Set(rows.flatMap((r) => Object.keys(r.states)))].sort();
  const lines = rows.map((r) => [r.proxy, r.clusterId, ...types.map((x) => r.states[x] ?? 'NOT SENT'), r.istiod, r.version].join('\t'));
  return tab([['NAME', 'CLUSTER', ...types, 'ISTIOD', 'VERSION'].join('\t'), ...lines], P5);
}

/**
 * The object behind `-o json` / `-o yaml`. Contract: `{"secrets":[...]}`, `{"endpoints":[...]}`,
 * `{"clusters":[...]}` with the field names and order below. Clusters: `port` is a number, or null
 * for names that are not `direction|port|subset|fqdn`; `subset` / `direction` are '' where the
 * table prints '-'. Times are RFC 3339 strings.
 */
export function toDocument<K extends RowKind>(kind: K, rows: RowsByKind[K]): Record<string, unknown> {
  switch (kind) {
    case 'cluster':
      return { clusters: (rows as ClusterRow[]).map((r) => ({
        fqdn: r.fqdn, port: r.port === '-' ? null : Number(r.port), subset: r.subset === '-' ? '' : r.subset,
        direction: r.direction === '-' ? '' : r.direction, type: r.type, destinationRule: r.destinationRule, name: r.name, state: r.state,
      })) };
    case 'endpoint':
      return { endpoints: (rows as EndpointRow[]).map((r) => ({
        endpoint: r.endpoint, status: r.status, outlierCheck: r.outlierCheck, cluster: r.cluster,
        ...(r.workload !== undefined ? { workload: r.workload } : {}), address: r.address, port: r.port,
        ...(r.locality ? { locality: r.locality } : {}), ...(r.weight !== undefined ? { weight: r.weight } : {}),
        ...(r.failedActiveHealthCheck ? { failedActiveHealthCheck: true } : {}),
      })) };
    case 'secret':
      return { secrets: (rows as SecretRow[]).map((r) => ({
        name: r.name, type: r.type, status: r.status, validCert: r.validCert, serialNumber: r.serialNumber,
        notBefore: r.notBefore, notAfter: r.notAfter, trustDomain: r.trustDomain, identity: r.identity,
        timeLeftSeconds: r.timeLeftSeconds, chainsToRoot: r.chainsToRoot, chainLength: r.chainLength,
        ...(r.versionInfo ? { versionInfo: r.versionInfo } : {}), ...(r.lastUpdated ? { lastUpdated: r.lastUpdated } : {}),
        ...(r.error ? { error: r.error } : {}),
      })) };
    case 'listener': return { listeners: rows };
    case 'route': return { routes: rows };
    case 'eds': return { eds: rows };
    case 'status': return { proxies: rows };
    case 'ecds': return { ecds: rows };
    case 'bootstrap': return { bootstrap: rows };
    default: throw new Error(`unknown kind ${String(kind)}`);
  }
}

/** `-o json`: 2-space indented, trailing newline. */
export function toJson<K extends RowKind>(kind: K, rows: RowsByKind[K]): string {
  return `${JSON.stringify(toDocument(kind, rows), null, 2)}\n`;
}

/** `-o yaml`. */
export function toYaml<K extends RowKind>(kind: K, rows: RowsByKind[K]): string {
  return stringify(toDocument(kind, rows), { lineWidth: 0 });
}
