// HM4010 MtlsModeConflict: a DestinationRule with tls.mode DISABLE towards workloads that a
// PeerAuthentication (workload, namespace or mesh-wide) puts in STRICT mode: every request fails.
import type { Analyzer } from '../analyzer';
import { byPlace, obj, str, strMap } from '../facts';
import { nameOf } from '../context';
import { selects } from '../labels';
import { workloadsBehind } from '../behind';

export const mtlsConflict: Analyzer = {
  name: 'mtlsConflict',
  subjects: ['DestinationRule'],
  reads: ['PeerAuthentication', 'Service', 'ServiceEntry', 'WorkloadEntry', 'WorkloadGroup', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet'],
  check(e, ctx) {
    const spec = obj(e.resource.value.spec);
    if (str(obj(obj(spec.trafficPolicy).tls).mode) !== 'DISABLE') return [];
    const host = str(spec.host);
    if (!host) return [];
    const { workloads } = workloadsBehind(ctx, ctx.resolveHost(host, e.namespace).services);
    for (const w of workloads.sort(byPlace)) {
      for (const ns of new Set([w.namespace, ctx.index.rootNamespace])) {
        for (const pa of [...ctx.ofKind('PeerAuthentication', ns)].sort(byPlace)) {
          const ps = obj(pa.resource.value.spec);
          if (str(obj(ps.mtls).mode) !== 'STRICT') continue;
          const sel = ps.selector === undefined ? null : strMap(obj(ps.selector).matchLabels);
          if (ns !== w.namespace && sel) continue; // selectors in the root namespace apply to its own workloads only
          if (sel && !selects(sel, w.labels)) continue;
          return [ctx.report('MtlsModeConflict', { peerAuthentication: nameOf(pa), destinationRule: nameOf(e), host }, e, ['spec', 'trafficPolicy', 'tls', 'mode'], {
            related: [ctx.related(pa.resource, `${nameOf(pa)} is STRICT`, ['spec', 'mtls', 'mode']), ctx.related(w.resource, `${nameOf(w)} is behind ${host}`)],
          })];
        }
      }
    }
    return [];
  },
};
