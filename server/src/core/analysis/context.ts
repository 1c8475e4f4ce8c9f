// What an analyzer sees of the workspace. Every lookup records the topics it depends on (the
// index's nodes, see topic.ts), so the engine knows which findings to recompute when a resource
// changes (topics.ts lists the topics a changed resource emits; the two must agree).
import type { Path, Resource } from '../model/resource';
import { refOf } from '../model/resource';
import { finding, type FindingInit, type RelatedInfo } from '../diagnostics/finding';
import type { ArgsOf, CatalogName } from '../diagnostics/catalog';
import type { Finding } from '../diagnostics/finding';
import type { Span } from '../text/span';
import type { Labels } from './labels';
import type { ServiceInfo, Workload } from './facts';
import type { Entry, WorkspaceIndex } from './workspaceIndex';
import type { TopicSink } from './topic';

export class AnalysisContext {
  constructor(readonly index: WorkspaceIndex, private readonly topics: TopicSink) {}

  selectWorkloads(namespace: string, selector: Labels): readonly Workload[] {
    return this.index.selectWorkloads(namespace, selector, this.topics);
  }

  /** WorkloadGroups of `namespace` with labels, all of which `labels` carries (possibly listed twice). */
  groupsCarriedBy(namespace: string, labels: Labels): readonly Workload[] {
    return this.index.groupsCarriedBy(namespace, labels, this.topics);
  }

  labelValueUsed(key: string, value: string): boolean {
    return this.index.labelValueUsed(key, value, this.topics);
  }

  /** All workloads of a namespace (near-miss searches); depends on any workload change there. */
  workloadsIn(namespace: string): ReadonlySet<Workload> {
    return this.index.workloadsIn(namespace, this.topics);
  }

  /** Services/ServiceEntries whose selector selects `labels` (the reverse of selectWorkloads). */
  servicesSelecting(namespace: string, labels: Labels): ServiceInfo[] {
    return this.index.servicesSelecting(namespace, labels, this.topics);
  }

  resolveHost(host: string, namespace: string): { fqdn: string; services: readonly ServiceInfo[] } {
    return this.index.resolveHost(host, namespace, this.topics);
  }

  /** Every known (non-wildcard) host; for did-you-mean and completion. */
  allHosts(): string[] {
    return this.index.hosts(this.topics);
  }

  destinationRulesFor(fqdn: string): readonly Entry[] {
    return this.index.destinationRulesFor(fqdn, this.topics);
  }

  /** VirtualServices declaring `fqdn` (a host key as virtualServiceHostKeys makes it). */
  virtualServicesForHost(fqdn: string): readonly Entry[] {
    return this.index.virtualServicesFor(fqdn, this.topics);
  }

  ofKind(kind: string, namespace?: string): ReadonlySet<Entry> {
    return this.index.ofKind(kind, namespace, this.topics);
  }

  gateway(namespace: string, name: string): Entry | undefined {
    return this.index.gateway(namespace, name, this.topics);
  }

  serviceAccountExists(namespace: string, name: string): boolean {
    return this.index.serviceAccountExists(namespace, name, this.topics);
  }

  serviceAccounts(): string[] {
    return this.index.serviceAccountKeys(this.topics);
  }

  namespaceExists(namespace: string): boolean {
    return this.index.namespaceExists(namespace, this.topics);
  }

  namespaces(): string[] {
    return this.index.namespaces(this.topics);
  }

  networkShared(network: string): boolean {
    return this.index.networkShared(network, this.topics);
  }

  networkNames(): string[] {
    return this.index.networkNames(this.topics);
  }

  meshNetworks(): Set<string> | null {
    return this.index.meshNetworks(this.topics);
  }

  /** A related-information link to `r` at `path` (the document head when path is empty). */
  related(r: Resource, message: string, path: Path = []): RelatedInfo {
    this.topics.add(this.index.fileTopic(r.uri));
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
