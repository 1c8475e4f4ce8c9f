// IST0110 ConflictingSidecarWorkloadSelectors and IST0111 MultipleSidecarsWithoutWorkloadSelectors:
// at most one Sidecar may apply to a workload (pod or VM) and at most one per namespace may
// have no selector.
import type { Analyzer } from '../analyzer';
import { byPlace, policySelectorOf } from '../facts';
import { nameOf } from '../context';
import { selects } from '../labels';

export const sidecarConflicts: Analyzer = {
  name: 'sidecarConflicts',
  subjects: ['Sidecar'],
  reads: ['Sidecar', 'WorkloadEntry', 'WorkloadGroup', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
  check(e, ctx) {
    const mine = policySelectorOf(e.resource);
    const others = [...ctx.ofKind('Sidecar', e.namespace)].filter((o) => o !== e).sort(byPlace);
    if (!mine || Object.keys(mine.labels).length === 0) {
      const alike = others.filter((o) => { const s = policySelectorOf(o.resource); return !s || Object.keys(s.labels).length === 0; });
      if (alike.length === 0) return [];
      const names = [e, ...alike].map((o) => o.resource.name).sort();
      return [ctx.report('MultipleSidecarsWithoutWorkloadSelectors', { conflictingSidecars: names.join(', '), namespace: e.namespace }, e, [], {
        related: alike.map((o) => ctx.related(o.resource, `${nameOf(o)} has no workload selector`)),
      })];
    }
    for (const w of [...ctx.selectWorkloads(e.namespace, mine.labels)].sort(byPlace)) {
      const clash = others.filter((o) => { const s = policySelectorOf(o.resource); return s && Object.keys(s.labels).length > 0 && selects(s.labels, w.labels); });
      if (clash.length === 0) continue;
      const names = [e, ...clash].map((o) => o.resource.name).sort();
      return [ctx.report('ConflictingSidecarWorkloadSelectors', { conflictingSidecars: names.join(', '), namespace: e.namespace, workloadPod: `${w.kind} ${w.resource.name}` }, e, mine.path, {
        part: 'key', related: clash.map((o) => ctx.related(o.resource, `${nameOf(o)} also selects ${nameOf(w)}`, policySelectorOf(o.resource)?.path ?? [])),
      })];
    }
    return [];
  },
};
