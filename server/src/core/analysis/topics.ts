// Topics a changed resource emits. Each is a node a lookup records (context.ts, through the
// index): a check that looked something up is redone when a resource emitting the same topic is
// added, edited or removed. Presence topics (namespaces, service accounts, networks, label
// values, the set of hosts) come from WorkspaceIndex.drainToggled instead: only a flip changes
// their answer.
import { obj, virtualServiceHostKeys } from './facts';
import type { Topic } from './topic';
import { groupFiling } from './indexNodes';
import type { Entry, WorkspaceIndex } from './workspaceIndex';

export function topicsOf(e: Entry, index: WorkspaceIndex): Topic[] {
  const r = e.resource;
  const kind = index.kindNode(r.kind);
  const out: Topic[] = [kind.all, kind.inNs(e.namespace), index.fileTopic(r.uri)];
  for (const w of e.workloads) {
    const space = index.space(w.namespace);
    out.push(space.workloads);
    for (const k in w.labels) out.push(space.labelBag(k, w.labels[k]));
    const filing = w.kind === 'WorkloadGroup' ? groupFiling(w.labels) : undefined;
    if (filing !== undefined) out.push(space.groupBag(filing, w.labels[filing]));
  }
  const svc = e.service;
  if (svc) {
    const space = index.space(e.namespace);
    for (const k in svc.selector ?? {}) out.push(space.selectorBag(k, svc.selector![k]));
    for (const h of svc.hosts) out.push(h.includes('*') ? index.hostsTopic : index.hostNode(h).services);
  }
  if (r.kind === 'DestinationRule' && r.group === 'networking.istio.io') {
    const host = obj(r.value.spec).host;
    if (typeof host === 'string') out.push(index.hostNode(index.drHostKey(host, e.namespace)).drs);
  }
  if (r.kind === 'VirtualService' && r.group === 'networking.istio.io') for (const h of virtualServiceHostKeys(r, e.namespace)) out.push(index.hostNode(h).vss);
  if (r.kind === 'ConfigMap' && r.name === 'istio' && e.namespace === index.rootNamespace) out.push(index.meshTopic);
  return out;
}
