// What an analyzer sees of the workspace. Every lookup records the topic it depends on, so the
// engine knows which findings to recompute when a resource changes (see topics.ts for the
// topics a changed resource emits; the two must agree).
import type { Path, Resource } from '../model/resource';
import { refOf } from '../model/resource';
import { finding, type FindingInit, type RelatedInfo } from '../diagnostics/finding';
import type { ArgsOf, CatalogName } from '../diagnostics/catalog';
import type { Finding } from '../diagnostics/finding';
import type { Span } from '../text/span';
import type { Labels } from './labels';
import type { ServiceInfo, Workload } from './facts';
import type { Entry, WorkspaceIndex } from './workspaceIndex';

/** Where a check's lookups are recorded: the engine's TopicIds, or a plain Set in tests and navigation. */
export interface TopicSink {
  add(topic: string): unknown;
}

export class AnalysisContext {
  constructor(readonly index: WorkspaceIndex, private readonly topics: TopicSink) {}

  private use(topic: string): void {
    this.topics.add(topic);
  }

  selectWorkloads(namespace: string, selector: Labels): Workload[] {
    const keys = Object.keys(selector);
    if (keys.length === 0) this.use(`wl:${namespace}`);
    for (const k of keys) this.use(`wl:${namespace}:${k}=${selector[k]}`);
    return this.index.selectWorkloads(namespace, selector);
  }

  labelValueUsed(key: string, value: string): boolean {
    this.use(`lv:${key}=${value}`);
    return this.index.labelValueUsed(key, value);
  }

  /** All workloads of a namespace (near-miss searches); depends on any workload change there. */
  workloadsIn(namespace: string): ReadonlySet<Workload> {
    this.use(`wl:${namespace}`);
    return this.index.workloadsIn(namespace);
  }

  /** Services/ServiceEntries whose selector selects `labels` (the reverse of selectWorkloads). */
  servicesSelecting(namespace: string, labels: Labels): ServiceInfo[] {
    for (const k in labels) this.use(`sel:${namespace}:${k}=${labels[k]}`);
    return this.index.servicesSelecting(namespace, labels);
  }

  resolveHost(host: string, namespace: string): { fqdn: string; services: ServiceInfo[] } {
    const res = this.index.resolveHost(host, namespace);
    this.use(`host:${res.fqdn}`);
    if (res.fqdn !== host) this.use(`host:${host}`);
    if (res.services.length === 0 || host.includes('*')) this.use('host:*');
    return res;
  }

  /** Every known (non-wildcard) host; for did-you-mean and completion. */
  allHosts(): string[] {
    this.use('host:*');
    return [...this.index.hosts()];
  }

  destinationRulesFor(fqdn: string): ReadonlySet<Entry> {
    this.use(`dr:${fqdn}`);
    return this.index.destinationRulesFor(fqdn);
  }

  /** VirtualServices declaring `fqdn` (a host key as virtualServiceHostKeys makes it). */
  virtualServicesForHost(fqdn: string): ReadonlySet<Entry> {
    this.use(`vsh:${fqdn}`);
    return this.index.virtualServicesFor(fqdn);
  }

  ofKind(kind: string, namespace?: string): ReadonlySet<Entry> {
    this.use(namespace === undefined ? `kind:${kind}` : `kind:${kind}:${namespace}`);
    return this.index.ofKind(kind, namespace);
  }

  gateway(namespace: string, name: string): Entry | undefined {
    this.use(`kind:Gateway:${namespace}`);
    return this.index.gateway(namespace, name);
  }

  serviceAccountExists(namespace: string, name: string): boolean {
    this.use(`sa:${namespace}/${name}`);
    this.use(`ns:${namespace}`);
    return this.index.serviceAccountExists(namespace, name);
  }

  serviceAccounts(): string[] {
    this.use('sa:*');
    return [...this.index.serviceAccountKeys()];
  }

  namespaceExists(namespace: string): boolean {
    this.use(`ns:${namespace}`);
    return this.index.namespaceExists(namespace);
  }

  namespaces(): string[] {
    this.use('ns:*');
    return [...this.index.namespaces()];
  }

  networkShared(network: string): boolean {
    this.use(`net:${network}`);
    return this.index.networkShared(network);
  }

  networkNames(): string[] {
    this.use('net:*');
    return [...this.index.networkNames()];
  }

  meshNetworks(): Set<string> | null {
    this.use('mesh');
    return this.index.meshNetworks();
  }

  /** A related-information link to `r` at `path` (the document head when path is empty). */
  related(r: Resource, message: string, path: Path = []): RelatedInfo {
    this.use(`file:${r.uri}`);
    return { uri: r.uri, span: this.index.sources.span(r, path), message };
  }

  /** Source range of `path` in `r` (see pointer.ts spanOfPath), for quick-fix data. */
  span(r: Resource, path: Path, part: 'key' | 'value' = 'value'): Span {
    return this.index.sources.span(r, path, part);
  }

  /** First key of the mapping at `path` in `r` (a one-line anchor for a whole rule). */
  headOf(r: Resource, path: Path): Span {
    return this.index.sources.headOf(r, path);
  }

  /** Whether `path` is written in the source of `r`. */
  hasPath(r: Resource, path: Path): boolean {
    return this.index.sources.has(r, path);
  }

  /** A finding on `subject` at `path` (value part unless `part` says key). */
  report<N extends CatalogName>(name: N, args: ArgsOf<N>, subject: Entry, path: Path, extra: Partial<FindingInit> & { part?: 'key' | 'value' } = {}): Finding {
    const r = subject.resource;
    const span: Span = extra.span ?? this.index.sources.span(r, path, extra.part ?? 'value');
    return finding(name, args, { uri: r.uri, span, docIndex: r.docIndex, resource: refOf(r, subject.namespace),
      ...(extra.related?.length ? { related: extra.related } : {}), ...(extra.data ? { data: extra.data } : {}) });
  }
}

/** `Kind ns/name`, the way messages and related links name resources. */
export function nameOf(e: { resource: Resource; namespace: string }): string {
  return `${e.resource.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.resource.name}`;
}
