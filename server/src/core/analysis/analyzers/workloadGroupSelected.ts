// HM4002 WorkloadGroupNotSelected: a WorkloadGroup whose labels no ServiceEntry workloadSelector
// and no Service selector of its namespace selects, so its VMs receive no traffic.
import type { Analyzer } from '../analyzer';
import { nameOf } from '../context';
import { byPlace } from '../facts';
import { formatSelector, isNearMiss } from '../labels';
import type { RelatedInfo } from '../../diagnostics/finding';

export const workloadGroupSelected: Analyzer = {
  name: 'workloadGroupSelected',
  subjects: ['WorkloadGroup'],
  reads: ['ServiceEntry', 'Service'],
  check(e, ctx) {
    const w = e.workloads[0];
    if (!w || Object.keys(w.labels).length === 0) return [];
    if (ctx.servicesSelecting(e.namespace, w.labels).length > 0) return [];
    const near: RelatedInfo[] = [];
    for (const kind of ['ServiceEntry', 'Service']) {
      for (const s of [...ctx.ofKind(kind, e.namespace)].sort(byPlace)) {
        const sel = s.service?.selector;
        if (!sel || Object.keys(sel).length === 0) continue;
        // A selector off by one near-miss value is probably the one meant to select this group.
        const off = Object.keys(sel).filter((k) => w.labels[k] !== sel[k]);
        if (off.length === 1 && w.labels[off[0]] !== undefined && isNearMiss(sel[off[0]], w.labels[off[0]])) {
          near.push(ctx.related(s.resource, `${nameOf(s)} selects ${off[0]}: ${sel[off[0]]}`, [...s.service!.selectorPath, off[0]]));
        }
      }
    }
    return [ctx.report('WorkloadGroupNotSelected', { name: e.resource.name, labels: formatSelector(w.labels), namespace: e.namespace }, e, w.labelsPath, { part: 'key', related: near })];
  },
};
