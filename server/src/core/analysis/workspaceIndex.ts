// The workspace index: every resource of every indexed file, with namespaces resolved and the
// lookups the analyzers and navigation need (workloads by selector, services by host,
// DestinationRules by host, gateways, service accounts, namespaces, networks, mesh config).
// Pure: files come in as already-parsed resources through update/remove.
import { parse as parseYaml } from 'yaml';
import type { Resource } from '../model/resource';
import type { Finding } from '../diagnostics/finding';
import { selects, type Labels } from './labels';
import { toFqdn, twoLabelForm, wildcardCovers } from './hosts';
import { obj, serviceOf, str, virtualServiceHostKeys, workloadsOf, type ServiceInfo, type Workload } from './facts';
import { Counter, MultiMap, MultiMap2 } from './multimap';
import { SourceSpans } from './sourceSpans';

export interface IndexOptions {
  /** Namespace of resources that name none (what `kubectl apply` without -n would use). */
  defaultNamespace?: string;
  /** Istio root namespace (mesh config, mesh-wide policies). */
  rootNamespace?: string;
}

export interface Entry {
  key: string;
  resource: Resource;
  namespace: string;
  /** Canonical JSON of the value (computed on first comparison): tells an edited resource from one that only moved. */
  json?: string;
  workloads: Workload[];
  service: ServiceInfo | null;
  /** The engine's last check of this entry: its findings and the ids of the topics it read (see engine.ts). */
  result: { findings: Finding[]; topics: readonly number[] } | null;
}

/** What an update did: entries kept as they were (moved by `delta`), added, and removed. */
export interface FileUpdate {
  kept: Array<{ entry: Entry; delta: number }>;
  added: Entry[];
  removed: Entry[];
}

export const keyOf = (r: Resource): string => `${r.uri}#${r.docIndex}`;
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'Node', 'PersistentVolume', 'StorageClass', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);

export class WorkspaceIndex {
  readonly defaultNamespace: string;
  readonly rootNamespace: string;
  /** Where findings' spans come from (file texts when given, else the Documents). */
  readonly sources = new SourceSpans();
  private readonly files = new Map<string, Entry[]>();
  private readonly entries = new Map<string, Entry>();
  private readonly byKind = new MultiMap<string, Entry>();
  private readonly byKindNs = new MultiMap2<string, string, Entry>();
  /** namespace -> `key=value` -> workloads carrying that label. */
  private readonly workloadsByLabel = new MultiMap2<string, string, Workload>();
  private readonly workloadsByNs = new MultiMap<string, Workload>();
  private readonly servicesByHost = new MultiMap<string, ServiceInfo>();
  private readonly wildcardServices = new Set<ServiceInfo>();
  private readonly drsByHost = new MultiMap<string, Entry>();
  /** VirtualService host (FQDN in the VirtualService's namespace) -> VirtualServices declaring it. */
  private readonly vsByHost = new MultiMap<string, Entry>();
  private readonly servicesBySelector = new MultiMap2<string, string, ServiceInfo>();
  private readonly serviceAccounts = new Counter<string>();
  private readonly namespaceCounts = new Counter<string>();
  private readonly networks = new Counter<string>();
  /** `key=value` -> number of workloads anywhere carrying that label. */
  private readonly labelValues = new Counter<string>();
  /**
   * Presence topics touched since the last drain, with their state before the first touch: a
   * file re-indexed as it was (every entry removed, then added back) flips nothing in the end.
   */
  private toggled = new Map<string, { before: boolean; now: () => boolean }>();
  /** Off while no check result exists (a cold start): then no flip can matter to anybody. */
  trackToggles = true;

  private note(topic: string, before: boolean, now: () => boolean): void {
    if (!this.toggled.has(topic)) this.toggled.set(topic, { before, now });
  }

  constructor(options: IndexOptions = {}) {
    this.defaultNamespace = options.defaultNamespace ?? 'default';
    this.rootNamespace = options.rootNamespace ?? 'istio-system';
  }

  namespaceOf(r: Resource): string {
    if (r.kind === 'Namespace' && r.group === '') return r.name;
    return CLUSTER_SCOPED.has(r.kind) ? '' : r.namespace ?? this.defaultNamespace;
  }

  /** Replaces everything indexed for `uri` (parsed from `text`, when given); see FileUpdate. */
  update(uri: string, resources: readonly Resource[], text?: string): FileUpdate {
    this.sources.setText(uri, text);
    const prev = new Map((this.files.get(uri) ?? []).map((e) => [e.key, e]));
    const kept: Array<{ entry: Entry; delta: number }> = [];
    const added: Entry[] = [];
    const list = resources.map((r) => {
      const p = prev.size > 0 ? prev.get(keyOf(r)) : undefined;
      // The very same value object means the parser reused the document's text unchanged: keep
      // the entry (and all it contributed to the index) and only point it at the new Resource.
      if (p && p.resource.value === r.value && p.namespace === this.namespaceOf(r)) {
        prev.delete(p.key);
        kept.push({ entry: p, delta: r.span.start - p.resource.span.start });
        this.rebind(p, r);
        return p;
      }
      const e = this.makeEntry(r);
      added.push(e);
      return e;
    });
    const removed = [...prev.values()];
    for (const e of removed) this.retract(e);
    this.files.set(uri, list);
    for (const e of added) this.add(e);
    return { kept, added, removed };
  }

  private rebind(e: Entry, r: Resource): void {
    e.resource = r;
    for (const w of e.workloads) w.resource = r;
    if (e.service) e.service.resource = r;
  }

  remove(uri: string): Entry[] {
    this.sources.setText(uri, undefined);
    const old = this.files.get(uri) ?? [];
    for (const e of old) this.retract(e);
    this.files.delete(uri);
    return old;
  }

  /** Topics toggled since the last call (see topics.ts). */
  drainToggled(): string[] {
    const out = new Set<string>();
    for (const [topic, t] of this.toggled) {
      if (t.now() === t.before) continue;
      out.add(topic);
      // Lookups over the whole set (did-you-mean candidates) depend on any member flipping.
      const family = /^(ns|sa|net):/.exec(topic);
      if (family) out.add(`${family[1]}:*`);
    }
    this.toggled = new Map();
    return [...out];
  }

  uris(): IterableIterator<string> {
    return this.files.keys();
  }

  entriesOf(uri: string): readonly Entry[] {
    return this.files.get(uri) ?? [];
  }

  entry(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  entryOf(r: Resource): Entry | undefined {
    // Looked up through its file rather than kept in a map of every resource (rarely asked).
    for (const e of this.files.get(r.uri) ?? []) if (e.resource === r) return e;
    return undefined;
  }

  ofKind(kind: string, namespace?: string): ReadonlySet<Entry> {
    return namespace === undefined ? this.byKind.get(kind) : this.byKindNs.get(kind, namespace);
  }

  workloadsIn(namespace: string): ReadonlySet<Workload> {
    return this.workloadsByNs.get(namespace);
  }

  /** Workloads of `namespace` whose labels carry every selector label. */
  selectWorkloads(namespace: string, selector: Labels): Workload[] {
    const keys = Object.keys(selector);
    if (keys.length === 0) return [...this.workloadsByNs.get(namespace)];
    let smallest: ReadonlySet<Workload> | undefined;
    for (const k of keys) {
      const s = this.workloadsByLabel.get(namespace, `${k}=${selector[k]}`);
      if (!smallest || s.size < smallest.size) smallest = s;
    }
    return [...(smallest ?? [])].filter((w) => selects(selector, w.labels));
  }

  /** Services and ServiceEntries of `namespace` whose (non-empty) selector selects `labels`. */
  servicesSelecting(namespace: string, labels: Labels): ServiceInfo[] {
    const out = new Set<ServiceInfo>();
    for (const k in labels) {
      for (const s of this.servicesBySelector.get(namespace, `${k}=${labels[k]}`)) if (s.selector && selects(s.selector, labels)) out.add(s);
    }
    return [...out];
  }

  /** Services answering for a fully qualified host: exact hosts first, then wildcard ServiceEntries. */
  servicesForHost(fqdn: string): ServiceInfo[] {
    const exact = this.servicesByHost.get(fqdn);
    if (exact.size > 0) return [...exact];
    return [...this.wildcardServices].filter((s) => s.hosts.some((h) => wildcardCovers(h, fqdn)));
  }

  /** Resolves a host as written in a resource of `namespace` (short, `name.ns` or FQDN). */
  resolveHost(host: string, namespace: string): { fqdn: string; services: ServiceInfo[] } {
    const fqdn = toFqdn(host, namespace);
    let services = this.servicesForHost(fqdn);
    const two = services.length === 0 ? twoLabelForm(host) : undefined;
    if (two) {
      const alt = this.servicesForHost(two);
      if (alt.length > 0) return { fqdn: two, services: alt };
    }
    if (host.includes('*')) services = [...this.wildcardServices, ...this.allServices()].filter((s) => s.hosts.some((h) => wildcardCovers(host, h)));
    return { fqdn, services };
  }

  private *allServices(): Iterable<ServiceInfo> {
    for (const e of this.byKind.get('Service')) if (e.service) yield e.service;
    for (const e of this.byKind.get('ServiceEntry')) if (e.service) yield e.service;
  }

  hosts(): IterableIterator<string> {
    return this.servicesByHost.keys();
  }

  destinationRulesFor(fqdn: string): ReadonlySet<Entry> {
    return this.drsByHost.get(fqdn);
  }

  virtualServicesFor(fqdn: string): ReadonlySet<Entry> {
    return this.vsByHost.get(fqdn);
  }

  gateway(namespace: string, name: string): Entry | undefined {
    for (const e of this.byKindNs.get('Gateway', namespace)) if (e.resource.name === name) return e;
    return undefined;
  }

  /** A service account exists when declared, or used by a workload; `default` exists in every namespace. */
  serviceAccountExists(namespace: string, name: string): boolean {
    return (name === 'default' && this.namespaceExists(namespace)) || this.serviceAccounts.get(`${namespace}/${name}`) > 0;
  }

  serviceAccountKeys(): IterableIterator<string> {
    return this.serviceAccounts.keys();
  }

  namespaceExists(namespace: string): boolean {
    return this.namespaceCounts.get(namespace) > 0;
  }

  namespaces(): IterableIterator<string> {
    return this.namespaceCounts.keys();
  }

  /** Whether any workload of the workspace carries the label `key: value`. */
  labelValueUsed(key: string, value: string): boolean {
    return this.labelValues.get(`${key}=${value}`) > 0;
  }

  networkNames(): IterableIterator<string> {
    return this.networks.keys();
  }

  /** Whether more than one workload uses `network`. */
  networkShared(network: string): boolean {
    return this.networks.get(network) >= 2;
  }

  /** Network names from meshNetworks in the `istio` ConfigMap of the root namespace, or null without one. */
  meshNetworks(): Set<string> | null {
    if (this.meshCache === undefined) this.meshCache = this.readMeshNetworks();
    return this.meshCache;
  }

  private meshCache: Set<string> | null | undefined;

  private readMeshNetworks(): Set<string> | null {
    for (const e of this.byKindNs.get('ConfigMap', this.rootNamespace)) {
      if (e.resource.name !== 'istio') continue;
      const text = str(obj(e.resource.value.data).meshNetworks);
      if (text === null) return new Set();
      try {
        const parsed = obj(parseYaml(text));
        return new Set(Object.keys(obj(parsed.networks ?? parsed)));
      } catch {
        return new Set();
      }
    }
    return null;
  }

  private makeEntry(r: Resource): Entry {
    const namespace = this.namespaceOf(r);
    const workloads = workloadsOf(r, namespace);
    return { key: keyOf(r), resource: r, namespace, workloads, service: serviceOf(r, namespace, workloads), result: null };
  }

  private add(e: Entry): void {
    this.apply(e, 1);
  }

  private retract(e: Entry): void {
    this.apply(e, -1);
  }

  private apply(e: Entry, by: 1 | -1): void {
    const put = <K, V>(m: MultiMap<K, V>, k: K, v: V) => (by > 0 ? m.add(k, v) : m.delete(k, v));
    const r = e.resource;
    if (by > 0) this.entries.set(e.key, e);
    else this.entries.delete(e.key);
    put(this.byKind, r.kind, e);
    if (r.kind === 'ConfigMap') this.meshCache = undefined;
    if (by > 0) this.byKindNs.add(r.kind, e.namespace, e);
    else this.byKindNs.delete(r.kind, e.namespace, e);
    if (this.trackToggles && e.namespace && this.namespaceCounts.get(e.namespace) === (by > 0 ? 0 : 1)) {
      const ns = e.namespace;
      this.note(`ns:${ns}`, by < 0, () => this.namespaceCounts.get(ns) > 0);
    }
    if (e.namespace) this.namespaceCounts.bump(e.namespace, by);
    for (const w of e.workloads) {
      put(this.workloadsByNs, w.namespace, w);
      for (const k in w.labels) {
        const lv = `${k}=${w.labels[k]}`;
        if (this.trackToggles && this.labelValues.get(lv) === (by > 0 ? 0 : 1)) this.note(`lv:${lv}`, by < 0, () => this.labelValues.get(lv) > 0);
        this.labelValues.bump(lv, by);
        if (by > 0) this.workloadsByLabel.add(w.namespace, lv, w);
        else this.workloadsByLabel.delete(w.namespace, lv, w);
      }
      if (w.serviceAccount) this.bumpServiceAccount(`${w.namespace}/${w.serviceAccount}`, by);
      if (w.network) this.bumpNetwork(w.network, by);
    }
    if (r.kind === 'ServiceAccount' && r.group === '') this.bumpServiceAccount(`${e.namespace}/${r.name}`, by);
    if (e.service) {
      for (const [k, v] of Object.entries(e.service.selector ?? {})) {
        if (by > 0) this.servicesBySelector.add(e.namespace, `${k}=${v}`, e.service);
        else this.servicesBySelector.delete(e.namespace, `${k}=${v}`, e.service);
      }
      for (const h of e.service.hosts) {
        if (h.includes('*')) {
          if (by > 0) this.wildcardServices.add(e.service);
          else this.wildcardServices.delete(e.service);
        } else put(this.servicesByHost, h, e.service);
      }
    }
    if (r.kind === 'DestinationRule' && r.group === 'networking.istio.io') {
      const host = str(obj(r.value.spec).host);
      if (host) put(this.drsByHost, this.drHostKey(host, e.namespace), e);
    }
    if (r.kind === 'VirtualService' && r.group === 'networking.istio.io') {
      for (const h of new Set(virtualServiceHostKeys(r, e.namespace))) put(this.vsByHost, h, e);
    }
  }

  /** Networks matter when they appear or vanish and when they go from one user to shared. */
  private bumpNetwork(network: string, by: 1 | -1): void {
    if (this.trackToggles) {
      const state = (c: number) => `${c > 0}/${c >= 2}`;
      const before = state(this.networks.get(network));
      this.note(`net:${network}`, true, () => state(this.networks.get(network)) === before);
    }
    this.networks.bump(network, by);
  }

  private bumpServiceAccount(key: string, by: 1 | -1): void {
    if (this.trackToggles && this.serviceAccounts.get(key) === (by > 0 ? 0 : 1)) {
      this.note(`sa:${key}`, by < 0, () => this.serviceAccounts.get(key) > 0);
    }
    this.serviceAccounts.bump(key, by);
  }

  /** The key a DestinationRule host is filed under (its FQDN in the rule's namespace). */
  drHostKey(host: string, namespace: string): string {
    return toFqdn(host, namespace);
  }
}
