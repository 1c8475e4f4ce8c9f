// IST0174 UnknownDestinationRuleHost and IST0173 DestinationRuleSubsetNotSelectPods: the host
// must name a Service or ServiceEntry host, and each subset must select at least one pod or VM
// behind it (WorkloadEntries and WorkloadGroups count, unlike istioctl which only sees pods).
// When a WorkloadGroup is behind the host, VMs may still auto-register and add their own labels
// (a canary VM registering with `version: v2`), so an empty subset is then reported only when a
// label value is carried by no workload of the workspace at all, i.e. when it is most likely a typo.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import { arr, byPlace, obj, str, strMap } from '../facts';
import { nameOf } from '../context';
import { closest, selects } from '../labels';
import { nearMissSelector } from '../nearMiss';
import { workloadsBehind } from '../behind';

export const destinationRuleHosts: Analyzer = {
  name: 'destinationRuleHosts',
  subjects: ['DestinationRule'],
  reads: ['Service', 'ServiceEntry', 'WorkloadEntry', 'WorkloadGroup', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
  check(e, ctx) {
    const r = e.resource;
    const spec = obj(r.value.spec);
    const host = str(spec.host);
    if (!host) return [];
    const { services } = ctx.resolveHost(host, e.namespace);
    if (services.length === 0) {
      if (host.includes('*')) return [];
      const guess = closest(host.includes('.') ? host : `${host}.${e.namespace}.svc.cluster.local`, ctx.allHosts());
      return [ctx.report('UnknownDestinationRuleHost', { host }, e, ['spec', 'host'], {
        data: guess ? { fix: 'replace', span: ctx.span(r, ['spec', 'host'], 'value'), candidates: [guess] } : undefined,
      })];
    }
    const { workloads, known } = workloadsBehind(ctx, services);
    if (!known) return [];
    const autoRegistered = workloads.some((w) => w.kind === 'WorkloadGroup');
    const out: Finding[] = [];
    const subsets = arr(spec.subsets);
    for (let i = 0; i < subsets.length; i++) {
      const s = subsets[i];
      const labels = strMap(obj(s).labels);
      const name = str(obj(s).name) ?? '';
      if (Object.keys(labels).length === 0 || workloads.some((w) => selects(labels, w.labels))) continue;
      if (autoRegistered && Object.entries(labels).every(([k, v]) => ctx.labelValueUsed(k, v))) continue;
      const near = nearMissSelector(ctx, e.namespace, labels, workloads);
      const path = near ? ['spec', 'subsets', i, 'labels', near.key] : ['spec', 'subsets', i, 'name'];
      out.push(ctx.report('DestinationRuleSubsetNotSelectPods', { subset: name }, e, path, {
        related: [
          ...[...services].sort(byPlace).map((svc) => ctx.related(svc.resource, `host ${host} is ${nameOf(svc)}`)),
          ...(near ? [ctx.related(near.workload.resource, `${nameOf(near.workload)} has ${near.key}: ${near.value}`, [...near.workload.labelsPath, near.key])] : []),
        ],
        data: near ? { fix: 'replace', span: ctx.span(r, path, 'value'), candidates: [near.value] } : undefined,
      }));
    }
    return out;
  },
};
