// The nodes the workspace index files resources under. Each posting list is also a topic
// (topic.ts): the answer a lookup reads and the dependency it records are the same object.
import type { Labels } from './labels';
import type { ServiceInfo, Workload } from './facts';
import { Bag, Presence, SetBag, type Topic } from './topic';
import type { Entry } from './workspaceIndex';

/** Resources of one kind: all of them (`kind:K`) and per namespace (`kind:K:ns`). */
export class KindNode {
  readonly all: SetBag<Entry>;
  readonly byNs = new Map<string, SetBag<Entry>>();
  constructor(readonly kind: string) {
    this.all = new SetBag('kind', kind);
  }
  inNs(ns: string): SetBag<Entry> {
    let b = this.byNs.get(ns);
    if (!b) this.byNs.set(ns, (b = new SetBag('kind', this.kind, ns)));
    return b;
  }
}

/** What answers for one fully qualified host: services (`host:`), DestinationRules (`dr:`), VirtualServices (`vsh:`). */
export class HostNode {
  readonly services: Bag<ServiceInfo>;
  readonly drs: Bag<Entry>;
  readonly vss: Bag<Entry>;
  /** Whether some service answers for it: a flip changes the set of hosts (`all`, see `wildcards`). */
  readonly known: Presence;
  constructor(fqdn: string, hosts: Topic) {
    this.known = new Presence('known-host', fqdn, '', '', hosts);
    this.services = new Bag('host', fqdn);
    this.drs = new Bag('dr', fqdn);
    this.vss = new Bag('vsh', fqdn);
  }
}

/** Workloads of a namespace carrying one label, linked to the label's workspace-wide count once anybody asked for it. */
export class LabelBag extends Bag<Workload> {
  lv: Presence | null = null;
}

/** The label a WorkloadGroup is filed under (see Space.groups); undefined without labels. */
export function groupFiling(labels: Labels): string | undefined {
  let first: string | undefined;
  for (const k in labels) if (first === undefined || k < first) first = k;
  return first;
}

/** label key -> value -> a node, made on first use (a lookup of an absent label still needs its topic). */
export class ByLabel<T> {
  private readonly m = new Map<string, Map<string, T>>();
  constructor(private readonly make: (k: string, v: string) => T) {}

  at(k: string, v: string): T {
    let inner = this.m.get(k);
    if (!inner) this.m.set(k, (inner = new Map()));
    let t = inner.get(v);
    if (!t) inner.set(v, (t = this.make(k, v)));
    return t;
  }

  existing(k: string, v: string): T | undefined {
    return this.m.get(k)?.get(v);
  }
}

/** Everything filed under one namespace. */
export class Space {
  /** Every workload of the namespace (`wl:ns`). */
  readonly workloads: SetBag<Workload>;
  /** Whether any resource lives in it (`ns:ns`). */
  readonly presence: Presence;
  /** label key -> value -> workloads carrying it (`wl:ns:k=v`). */
  private readonly byLabel: ByLabel<LabelBag>;
  /**
   * WorkloadGroups, each filed under one of its labels (the first key in code-unit order): a
   * group whose labels a workload carries is filed under one of that workload's labels
   * (`grp:ns:k=v`), and a value shared by many workloads (`version: v1`) files few groups.
   */
  private readonly groups: ByLabel<Bag<Workload>>;
  /** label key -> value -> Services/ServiceEntries whose selector asks for it (`sel:ns:k=v`). */
  private readonly selecting: ByLabel<Bag<ServiceInfo>>;
  /** Declared or used service accounts (`sa:ns:name`). */
  readonly serviceAccounts = new Map<string, Presence>();

  constructor(readonly name: string, allNamespaces: Topic, private readonly allServiceAccounts: Topic,
    countedLabel: (k: string, v: string) => Presence | undefined) {
    this.workloads = new SetBag('wl', name);
    this.presence = new Presence('ns', name, '', '', allNamespaces);
    this.byLabel = new ByLabel((k, v) => {
      const b = new LabelBag('wl', name, k, v);
      b.lv = countedLabel(k, v) ?? null;
      return b;
    });
    this.groups = new ByLabel((k, v) => new Bag('grp', name, k, v));
    this.selecting = new ByLabel((k, v) => new Bag('sel', name, k, v));
  }

  labelBag(k: string, v: string): LabelBag {
    return this.byLabel.at(k, v);
  }

  /** The bag of `k: v` if one was ever made (no new node). */
  existingLabelBag(k: string, v: string): LabelBag | undefined {
    return this.byLabel.existing(k, v);
  }

  groupBag(k: string, v: string): Bag<Workload> {
    return this.groups.at(k, v);
  }

  selectorBag(k: string, v: string): Bag<ServiceInfo> {
    return this.selecting.at(k, v);
  }

  serviceAccount(name: string): Presence {
    let p = this.serviceAccounts.get(name);
    if (!p) this.serviceAccounts.set(name, (p = new Presence('sa', this.name, name, '', this.allServiceAccounts)));
    return p;
  }
}
