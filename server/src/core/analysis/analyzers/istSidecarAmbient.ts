// IST0167 IneffectivePolicy for Sidecars: a Sidecar configures sidecar proxies only, so it has no
// effect on workloads in ambient mode. A pod has a sidecar when injected (its namespace has
// `istio-injection: enabled` or `istio.io/rev`, or the pod asks with `sidecar.istio.io/inject:
// "true"`, and does not refuse with "false"); it is in ambient mode when it has no sidecar and is
// labelled `istio.io/dataplane-mode: ambient`, or its Namespace is and the pod does not opt out
// (`none`). VMs (WorkloadEntry, WorkloadGroup, ServiceEntry endpoints) always run their own
// proxy. So, unlike istioctl (which looks at pods only), a namespace-wide Sidecar in an ambient
// namespace that still reaches a VM or an injected pod, and a selector that also selects a
// workload with a sidecar, are not reported: the policy has effect there.
import type { Analyzer } from '../analyzer';
import type { Workload } from '../facts';
import type { AnalysisContext } from '../context';
import { policySelectorOf } from '../facts';
import { sortWorkloads } from './istHelpers';

const MODE = 'istio.io/dataplane-mode';

export const istSidecarAmbient: Analyzer = {
  name: 'istSidecarAmbient',
  subjects: ['Sidecar'],
  reads: ['Namespace', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'WorkloadEntry', 'WorkloadGroup', 'ServiceEntry'],
  check(e, ctx) {
    const ns = namespaceLabels(ctx, e.namespace);
    const sel = policySelectorOf(e.resource);
    if (!sel || Object.keys(sel.labels).length === 0) {
      if (ns[MODE] !== 'ambient' || [...ctx.workloadsIn(e.namespace)].some((w) => hasSidecar(w, ns))) return [];
      return [ctx.report('IneffectivePolicy', { reason: 'namespace is in ambient mode, the policy has no impact' }, e, [])];
    }
    const selected = sortWorkloads([...ctx.selectWorkloads(e.namespace, sel.labels)]);
    if (selected.some((w) => hasSidecar(w, ns)) || !selected.some((w) => ambient(w, ns))) return [];
    return [ctx.report('IneffectivePolicy', { reason: 'selected workload is in ambient mode, the policy has no impact' }, e, sel.path, {
      part: 'key', related: selected.filter((w) => ambient(w, ns)).map((w) => ctx.related(w.resource, `${w.kind} ${w.namespace}/${w.resource.name} is in ambient mode`, w.labelsPath)),
    })];
  },
};

function namespaceLabels(ctx: AnalysisContext, ns: string): Record<string, string> {
  for (const n of ctx.ofKind('Namespace', ns)) return n.resource.labels;
  return {};
}

function hasSidecar(w: Workload, ns: Record<string, string>): boolean {
  if (w.vm) return true;
  const ask = w.labels['sidecar.istio.io/inject'];
  if (ask !== undefined) return ask === 'true';
  return ns['istio-injection'] === 'enabled' || ns['istio.io/rev'] !== undefined;
}

function ambient(w: Workload, ns: Record<string, string>): boolean {
  if (hasSidecar(w, ns)) return false;
  const mode = w.labels[MODE];
  return mode === 'ambient' || (mode === undefined && ns[MODE] === 'ambient');
}
