// IST0127 NoMatchingWorkloadsFound (AuthorizationPolicy, PeerAuthentication,
// RequestAuthentication, Telemetry) and IST0101 "selector" (Sidecar, as istioctl reports it):
// a workload selector that matches no pod and no VM (WorkloadEntry/WorkloadGroup) of its namespace.
import type { Analyzer } from '../analyzer';
import { policySelectorOf } from '../facts';
import { nameOf } from '../context';
import { formatSelector } from '../labels';
import { nearMissSelector } from '../nearMiss';

export const policySelectors: Analyzer = {
  name: 'policySelectors',
  subjects: ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication', 'Telemetry', 'Sidecar'],
  reads: ['WorkloadEntry', 'WorkloadGroup', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ServiceEntry'],
  check(e, ctx) {
    const sel = policySelectorOf(e.resource);
    if (!sel || Object.keys(sel.labels).length === 0) return [];
    if (ctx.selectWorkloads(e.namespace, sel.labels).length > 0) return [];
    const near = nearMissSelector(ctx, e.namespace, sel.labels);
    const path = near ? [...sel.path, near.key] : sel.path;
    const extra = {
      part: near ? 'value' as const : 'key' as const,
      related: near ? [ctx.related(near.workload.resource, `${nameOf(near.workload)} has ${near.key}: ${near.value}`, [...near.workload.labelsPath, near.key])] : [],
      data: near ? { fix: 'replace', span: ctx.span(e.resource, path, 'value'), candidates: [near.value] } : undefined,
    };
    const labels = formatSelector(sel.labels);
    return [e.resource.kind === 'Sidecar'
      ? ctx.report('ReferencedResourceNotFound', { reftype: 'selector', refval: labels }, e, path, extra)
      : ctx.report('NoMatchingWorkloadsFound', { labels }, e, path, extra)];
  },
};
