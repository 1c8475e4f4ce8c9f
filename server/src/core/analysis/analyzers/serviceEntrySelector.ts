// HM4001 ServiceEntrySelectsNoWorkload: a ServiceEntry workloadSelector that selects no
// WorkloadGroup, WorkloadEntry or pod of its namespace (the service would have no endpoints).
import type { Analyzer } from '../analyzer';
import { nameOf } from '../context';
import { formatSelector } from '../labels';
import { nearMissSelector, selectorHint } from '../nearMiss';

export const serviceEntrySelector: Analyzer = {
  name: 'serviceEntrySelector',
  subjects: ['ServiceEntry'],
  reads: ['WorkloadGroup', 'WorkloadEntry', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
  check(e, ctx) {
    const svc = e.service;
    if (!svc || !svc.selector || Object.keys(svc.selector).length === 0) return [];
    if (ctx.selectWorkloads(e.namespace, svc.selector).length > 0) return [];
    const near = nearMissSelector(ctx, e.namespace, svc.selector);
    const path = near ? [...svc.selectorPath, near.key] : svc.selectorPath;
    const r = e.resource;
    return [ctx.report('ServiceEntrySelectsNoWorkload', { name: r.name, labels: formatSelector(svc.selector), namespace: e.namespace, hint: selectorHint(near) }, e, path, {
      part: near ? 'value' : 'key',
      related: near ? [ctx.related(near.workload.resource, `${nameOf(near.workload)} has ${near.key}: ${near.value}`, [...near.workload.labelsPath, near.key])] : [],
      data: near ? { fix: 'replace', span: ctx.span(r, path, 'value'), candidates: [near.value] } : undefined,
    })];
  },
};
