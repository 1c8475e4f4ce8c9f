// The workspace index: every resource of every indexed file, with namespaces resolved and the
// lookups the analyzers and navigation need (workloads by selector, services by host,
// DestinationRules by host, gateways, service accounts, namespaces, networks, mesh config).
// Pure: files come in as already-parsed resources through update/remove.
// Every answer is filed under a node that is also its topic (topic.ts): a lookup given a sink
// records what it read as it reads it, so the engine knows which checks a change must redo.
import { parse as parseYaml } from 'yaml';
import type { Resource } from '../model/resource';
import type { Finding } from '../diagnostics/finding';
import { selects, type Labels } from './labels';
import { toFqdn, twoLabelForm, wildcardCovers } from './hosts';
import { obj, serviceOf, str, virtualServiceHostKeys, workloadsOf, type ServiceInfo, type Workload } from './facts';
import { Bag, NO_RECORDING, Presence, Topic, type TopicSink } from './topic';
import { ByLabel, HostNode, KindNode, Space, groupFiling } from './indexNodes';
import { SourceSpans } from './sourceSpans';

export interface IndexOptions {
  /** Namespace of resources that name none (what `kubectl apply` without -n would use). */
  defaultNamespace?: string;
  /** Istio root namespace (mesh config, mesh-wide policies). */
  rootNamespace?: string;
}

export interface Entry {
  resource: Resource;
  namespace: string;
  /** Canonical JSON of the value (computed on first comparison): tells an edited resource from one that only moved. */
  json: string | undefined;
  workloads: Workload[];
  service: ServiceInfo | null;
  /** False once the entry has left the index (a check still queued for it is dropped). */
  indexed: boolean;
  /** The engine's last check of this entry: its findings and the ids of the topics it read (see engine.ts). */
  result: { findings: Finding[]; topics: readonly number[] } | null;
}

/** What an update did: entries kept as they were (moved by `delta`), added, and removed. */
export interface FileUpdate {
  kept: Array<{ entry: Entry; delta: number }>;
  added: Entry[];
  removed: Entry[];
}

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'Node', 'PersistentVolume', 'StorageClass', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);

export class WorkspaceIndex {
  readonly defaultNamespace: string;
  readonly rootNamespace: string;
  /** Where findings' spans come from (file texts when given, else the Documents). */
  readonly sources = new SourceSpans();
  private readonly files = new Map<string, Entry[]>();
  /** `file:uri`, read by checks that link into a file (a file's every change wakes them). */
  private readonly fileTopics = new Map<string, Topic>();
  private readonly kinds = new Map<string, KindNode>();
  private readonly spaces = new Map<string, Space>();
  private readonly hostNodes = new Map<string, HostNode>();
  /**
   * ServiceEntries with a wildcard host (`host:*`). Also the topic of "the set of hosts": checks
   * that found no service, or list every host for a did-you-mean, depend on it.
   */
  private readonly wildcards = new Bag<ServiceInfo>('host', '*');
  /**
   * `key=value` -> how many workloads anywhere carry that label (`lv:k=v`). Made on first
   * question (rare: empty DestinationRule subsets behind VMs that may still register) from the
   * namespaces' label bags, which keep it counted from then on.
   */
  private readonly labelValues = new ByLabel((k, v) => new Presence('lv', k, '', v, null));
  private readonly networks = new Map<string, Presence>();
  private readonly allNamespaces = new Topic('ns', '*');
  private readonly allServiceAccounts = new Topic('sa', '*');
  private readonly allNetworks = new Topic('net', '*');
  /** Mesh config and meshNetworks (the `istio` ConfigMap of the root namespace). */
  readonly meshTopic = new Topic('mesh');
  /** Presences counted since the last drain (each once), with their level before. */
  private toggled: Presence[] = [];
  private drainSerial = 0;
  /** Off while no check result exists (a cold start): then no flip can matter to anybody. */
  trackToggles = true;

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
    const old = this.files.get(uri);
    // Within one file a resource is known by its place (docIndex).
    const prev = old && old.length > 0 ? new Map(old.map((e) => [e.resource.docIndex, e])) : undefined;
    const kept: Array<{ entry: Entry; delta: number }> = [];
    const added: Entry[] = [];
    const list = resources.map((r) => {
      const p = prev?.get(r.docIndex);
      // The very same value object means the parser reused the document's text unchanged: keep
      // the entry (and all it contributed to the index) and only point it at the new Resource.
      if (p && p.resource.value === r.value && p.namespace === this.namespaceOf(r)) {
        prev!.delete(r.docIndex);
        kept.push({ entry: p, delta: r.span.start - p.resource.span.start });
        this.rebind(p, r);
        return p;
      }
      const e = this.makeEntry(r);
      added.push(e);
      return e;
    });
    const removed = prev ? [...prev.values()] : [];
    for (let i = 0; i < removed.length; i++) this.file(removed[i], -1);
    this.files.set(uri, list);
    for (let i = 0; i < added.length; i++) this.file(added[i], 1);
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
    for (const e of old) this.file(e, -1);
    this.files.delete(uri);
    return old;
  }

  /** Presence topics whose answer flipped since the last call, with their families' "any member" topics. */
  drainToggled(): Topic[] {
    const out = new Set<Topic>();
    for (const p of this.toggled) {
      if (p.level() === p.before) continue;
      out.add(p);
      if (p.all) out.add(p.all);
    }
    this.toggled = [];
    this.drainSerial++;
    return [...out];
  }

  uris(): IterableIterator<string> {
    return this.files.keys();
  }

  entriesOf(uri: string): readonly Entry[] {
    return this.files.get(uri) ?? [];
  }

  entryOf(r: Resource): Entry | undefined {
    // Looked up through its file rather than kept in a map of every resource (rarely asked).
    for (const e of this.files.get(r.uri) ?? []) if (e.resource === r) return e;
    return undefined;
  }

  // ---- lookups: each records the topics its answer depends on in `sink` ----

  ofKind(kind: string, namespace?: string, sink: TopicSink = NO_RECORDING): ReadonlySet<Entry> {
    const node = this.kindNode(kind);
    const bag = namespace === undefined ? node.all : node.inNs(namespace);
    sink.add(bag);
    return bag.items;
  }

  workloadsIn(namespace: string, sink: TopicSink = NO_RECORDING): ReadonlySet<Workload> {
    const bag = this.space(namespace).workloads;
    sink.add(bag);
    return bag.items;
  }

  /** WorkloadGroups of `namespace` with labels, all of which `labels` carries (possibly listed twice). */
  groupsCarriedBy(namespace: string, labels: Labels, sink: TopicSink = NO_RECORDING): Workload[] {
    const space = this.space(namespace);
    const out: Workload[] = [];
    for (const k in labels) {
      const bag = space.groupBag(k, labels[k]);
      sink.add(bag);
      for (let i = 0; i < bag.items.length; i++) if (selects(bag.items[i].labels, labels)) out.push(bag.items[i]);
    }
    return out;
  }

  /** Workloads of `namespace` whose labels carry every selector label. */
  selectWorkloads(namespace: string, selector: Labels, sink: TopicSink = NO_RECORDING): readonly Workload[] {
    const space = this.space(namespace);
    let smallest: readonly Workload[] | undefined;
    let keys = 0;
    for (const k in selector) {
      const bag = space.labelBag(k, selector[k]);
      sink.add(bag);
      keys++;
      if (!smallest || bag.items.length < smallest.length) smallest = bag.items;
    }
    if (!smallest) {
      sink.add(space.workloads);
      return [...space.workloads.items];
    }
    // One label: its posting list is the answer (read-only, as every answer of the index).
    return keys === 1 ? smallest : smallest.filter((w) => selects(selector, w.labels));
  }

  /** Services and ServiceEntries of `namespace` whose (non-empty) selector selects `labels`. */
  servicesSelecting(namespace: string, labels: Labels, sink: TopicSink = NO_RECORDING): ServiceInfo[] {
    const space = this.space(namespace);
    let out: ServiceInfo[] | undefined;
    for (const k in labels) {
      const bag = space.selectorBag(k, labels[k]);
      sink.add(bag);
      for (const s of bag.items) {
        if (s.selector && selects(s.selector, labels) && !out?.includes(s)) (out ??= []).push(s);
      }
    }
    return out ?? [];
  }

  /**
   * Resolves a host as written in a resource of `namespace` (short, `name.ns` or FQDN). The
   * services are the index's own list when the host is known exactly: read-only, copy to sort.
   */
  resolveHost(host: string, namespace: string, sink: TopicSink = NO_RECORDING): { fqdn: string; services: readonly ServiceInfo[] } {
    const fqdn = toFqdn(host, namespace);
    const exact = this.hostNode(fqdn).services;
    let res: { fqdn: string; services: readonly ServiceInfo[] } = { fqdn, services: this.servicesForHost(fqdn) };
    const two = res.services.length === 0 ? twoLabelForm(host) : undefined;
    if (two) {
      const alt = this.servicesForHost(two);
      if (alt.length > 0) res = { fqdn: two, services: alt };
    }
    if (host.includes('*')) res.services = [...this.wildcards.items, ...this.allServices()].filter((s) => s.hosts.some((h) => wildcardCovers(host, h)));
    sink.add(this.hostNode(res.fqdn).services);
    if (res.fqdn !== host) sink.add(this.hostNode(host).services);
    // Without an exact answer the result depends on the wildcard ServiceEntries (and on new hosts).
    if (exact.items.length === 0 || host.includes('*')) sink.add(this.wildcards);
    return res;
  }

  /** Services answering for a fully qualified host: exact hosts first, then wildcard ServiceEntries. */
  private servicesForHost(fqdn: string): readonly ServiceInfo[] {
    const exact = this.hostNodes.get(fqdn)?.services.items;
    if (exact && exact.length > 0) return exact;
    return this.wildcards.items.filter((s) => s.hosts.some((h) => wildcardCovers(h, fqdn)));
  }

  private *allServices(): Iterable<ServiceInfo> {
    for (const e of this.ofKind('Service')) if (e.service) yield e.service;
    for (const e of this.ofKind('ServiceEntry')) if (e.service) yield e.service;
  }

  /** Every known (non-wildcard) host. */
  hosts(sink: TopicSink = NO_RECORDING): string[] {
    sink.add(this.wildcards);
    const out: string[] = [];
    for (const [h, n] of this.hostNodes) if (n.known.n > 0) out.push(h);
    return out;
  }

  destinationRulesFor(fqdn: string, sink: TopicSink = NO_RECORDING): readonly Entry[] {
    const bag = this.hostNode(fqdn).drs;
    sink.add(bag);
    return bag.items;
  }

  /** VirtualServices declaring `fqdn` (a host key as virtualServiceHostKeys makes it). */
  virtualServicesFor(fqdn: string, sink: TopicSink = NO_RECORDING): readonly Entry[] {
    const bag = this.hostNode(fqdn).vss;
    sink.add(bag);
    return bag.items;
  }

  gateway(namespace: string, name: string, sink: TopicSink = NO_RECORDING): Entry | undefined {
    for (const e of this.ofKind('Gateway', namespace, sink)) if (e.resource.name === name) return e;
    return undefined;
  }

  /** A service account exists when declared, or used by a workload; `default` exists in every namespace. */
  serviceAccountExists(namespace: string, name: string, sink: TopicSink = NO_RECORDING): boolean {
    const space = this.space(namespace);
    const sa = space.serviceAccount(name);
    sink.add(sa);
    sink.add(space.presence);
    return (name === 'default' && space.presence.n > 0) || sa.n > 0;
  }

  /** `namespace/name` of every service account. */
  serviceAccountKeys(sink: TopicSink = NO_RECORDING): string[] {
    sink.add(this.allServiceAccounts);
    const out: string[] = [];
    for (const [ns, space] of this.spaces) for (const [name, p] of space.serviceAccounts) if (p.n > 0) out.push(`${ns}/${name}`);
    return out;
  }

  namespaceExists(namespace: string, sink: TopicSink = NO_RECORDING): boolean {
    const p = this.space(namespace).presence;
    sink.add(p);
    return p.n > 0;
  }

  namespaces(sink: TopicSink = NO_RECORDING): string[] {
    sink.add(this.allNamespaces);
    const out: string[] = [];
    for (const [ns, space] of this.spaces) if (space.presence.n > 0) out.push(ns);
    return out;
  }

  /** Whether any workload of the workspace carries the label `key: value`. */
  labelValueUsed(key: string, value: string, sink: TopicSink = NO_RECORDING): boolean {
    const p = this.labelValue(key, value);
    sink.add(p);
    return p.n > 0;
  }

  networkNames(sink: TopicSink = NO_RECORDING): string[] {
    sink.add(this.allNetworks);
    const out: string[] = [];
    for (const [name, p] of this.networks) if (p.n > 0) out.push(name);
    return out;
  }

  /** Whether more than one workload uses `network`. */
  networkShared(network: string, sink: TopicSink = NO_RECORDING): boolean {
    const p = this.network(network);
    sink.add(p);
    return p.n >= 2;
  }

  /** The `file:uri` topic (read by checks whose findings link into that file). */
  fileTopic(uri: string): Topic {
    let t = this.fileTopics.get(uri);
    if (!t) this.fileTopics.set(uri, (t = new Topic('file', uri)));
    return t;
  }

  /** Network names from meshNetworks in the `istio` ConfigMap of the root namespace, or null without one. */
  meshNetworks(sink: TopicSink = NO_RECORDING): Set<string> | null {
    sink.add(this.meshTopic);
    if (this.meshCache === undefined) this.meshCache = this.readMeshNetworks();
    return this.meshCache;
  }

  private meshCache: Set<string> | null | undefined;

  private readMeshNetworks(): Set<string> | null {
    for (const e of this.ofKind('ConfigMap', this.rootNamespace)) {
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
    return { resource: r, namespace, json: undefined, workloads, service: serviceOf(r, namespace, workloads), indexed: false, result: null };
  }

  // ---- nodes (created on first use: a lookup of something absent still needs its topic) ----

  kindNode(kind: string): KindNode {
    let n = this.kinds.get(kind);
    if (!n) this.kinds.set(kind, (n = new KindNode(kind)));
    return n;
  }

  space(namespace: string): Space {
    let s = this.spaces.get(namespace);
    if (!s) this.spaces.set(namespace, (s = new Space(namespace, this.allNamespaces, this.allServiceAccounts, this.countedLabel)));
    return s;
  }

  hostNode(fqdn: string): HostNode {
    let n = this.hostNodes.get(fqdn);
    if (!n) this.hostNodes.set(fqdn, (n = new HostNode(fqdn, this.wildcards)));
    return n;
  }

  /** The topic of "the set of hosts and the wildcard ServiceEntries" (see `wildcards`). */
  get hostsTopic(): Topic {
    return this.wildcards;
  }

  labelValue(k: string, v: string): Presence {
    const known = this.labelValues.existing(k, v);
    if (known) return known;
    const p = this.labelValues.at(k, v);
    for (const space of this.spaces.values()) {
      const bag = space.existingLabelBag(k, v);
      if (!bag) continue;
      bag.lv = p;
      p.n += bag.items.length;
    }
    return p;
  }

  private countedLabel = (k: string, v: string): Presence | undefined => this.labelValues.existing(k, v);

  private network(name: string): Presence {
    let p = this.networks.get(name);
    // Two levels: a network matters when it appears or vanishes and when it becomes shared.
    if (!p) this.networks.set(name, (p = new Presence('net', name, '', '', this.allNetworks, 2)));
    return p;
  }

  /** Counts `p` up or down, noting its level first when flips are tracked. */
  private bump(p: Presence, by: 1 | -1): void {
    if (this.trackToggles && p.noted !== this.drainSerial) {
      p.noted = this.drainSerial;
      p.before = p.level();
      this.toggled.push(p);
    }
    p.n += by;
  }

  /** Files `e` under (by 1) or out of (by -1) every node it contributes to. */
  private file(e: Entry, by: 1 | -1): void {
    const r = e.resource;
    const ns = e.namespace;
    const add = by > 0;
    e.indexed = add;
    const kind = this.kindNode(r.kind);
    if (add) {
      kind.all.add(e);
      kind.inNs(ns).add(e);
    } else {
      kind.all.delete(e);
      kind.inNs(ns).delete(e);
    }
    if (r.kind === 'ConfigMap') this.meshCache = undefined;
    const space = ns ? this.space(ns) : undefined;
    if (space) this.bump(space.presence, by);
    const workloads = e.workloads;
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i];
      const ws = space && w.namespace === ns ? space : this.space(w.namespace);
      if (add) ws.workloads.add(w);
      else ws.workloads.delete(w);
      const labels = w.labels;
      for (const k in labels) {
        const bag = ws.labelBag(k, labels[k]);
        if (bag.lv) this.bump(bag.lv, by);
        if (add) bag.add(w);
        else bag.delete(w);
      }
      const filing = w.kind === 'WorkloadGroup' ? groupFiling(w.labels) : undefined;
      if (filing !== undefined) {
        const bag = ws.groupBag(filing, w.labels[filing]);
        if (add) bag.add(w);
        else bag.delete(w);
      }
      if (w.serviceAccount) this.bump(ws.serviceAccount(w.serviceAccount), by);
      if (w.network) this.bump(this.network(w.network), by);
    }
    if (space && r.kind === 'ServiceAccount' && r.group === '') this.bump(space.serviceAccount(r.name), by);
    const svc = e.service;
    if (svc) {
      const selector = svc.selector;
      if (selector && space) {
        for (const k in selector) {
          const bag = space.selectorBag(k, selector[k]);
          if (add) bag.add(svc);
          else bag.delete(svc);
        }
      }
      // A host listed twice is filed once (a Set only when there are several: nearly always one).
      const hosts = svc.hosts.length > 1 ? [...new Set(svc.hosts)] : svc.hosts;
      for (let i = 0; i < hosts.length; i++) {
        const h = hosts[i];
        const node = h.includes('*') ? undefined : this.hostNode(h);
        const bag = node ? node.services : this.wildcards;
        if (add) bag.add(svc);
        else bag.delete(svc);
        if (node) this.bump(node.known, by);
      }
    }
    if (r.kind === 'DestinationRule' && r.group === 'networking.istio.io') {
      const host = str(obj(r.value.spec).host);
      if (host) {
        const bag = this.hostNode(this.drHostKey(host, ns)).drs;
        if (add) bag.add(e);
        else bag.delete(e);
      }
    }
    if (r.kind === 'VirtualService' && r.group === 'networking.istio.io') {
      const keys = virtualServiceHostKeys(r, ns);
      const hosts = keys.length > 1 ? [...new Set(keys)] : keys;
      for (let i = 0; i < hosts.length; i++) {
        const bag = this.hostNode(hosts[i]).vss;
        if (add) bag.add(e);
        else bag.delete(e);
      }
    }
  }

  /** The key a DestinationRule host is filed under (its FQDN in the rule's namespace). */
  drHostKey(host: string, namespace: string): string {
    return toFqdn(host, namespace);
  }
}
