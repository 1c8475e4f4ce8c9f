// IST0149 JwtClaimBasedRoutingWithoutRequestAuthN: a VirtualService bound to a gateway matches
// on `@request.auth.claims.*` headers, but some workload the Gateway selects (a pod, or a VM
// gateway: WorkloadEntry/WorkloadGroup) has no RequestAuthentication in its namespace or the
// root namespace selecting it, so the claims are never validated and the route never matches.
// Like istioctl, a Gateway's selector is matched in every namespace; one finding per workload.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import type { Path } from '../../model/resource';
import { arr, obj, policySelectorOf, strMap } from '../facts';
import { nameOf } from '../context';
import { selects } from '../labels';
import { fullName, sortWorkloads } from './istHelpers';

const CLAIM = '@request.auth.claims';

const HEADER_FIELDS = ['headers', 'withoutHeaders'];

export const istJwtClaimRouting: Analyzer = {
  name: 'istJwtClaimRouting',
  subjects: ['VirtualService'],
  reads: ['Gateway', 'RequestAuthentication', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'WorkloadEntry', 'WorkloadGroup', 'ServiceEntry', 'Namespace'],
  check(e, ctx) {
    const spec = obj(e.resource.value.spec);
    const claim = claimKey(spec);
    if (!claim) return [];
    const out: Finding[] = [];
    const root = ctx.index.rootNamespace;
    for (const g of arr(spec.gateways)) {
      if (typeof g !== 'string' || g === 'mesh') continue;
      const slash = g.indexOf('/');
      const gw = ctx.gateway(slash >= 0 ? g.slice(0, slash) : e.namespace, slash >= 0 ? g.slice(slash + 1) : g);
      if (!gw) continue; // IST0101 reports it
      const selector = strMap(obj(gw.resource.value.spec).selector);
      // Without a selector nothing tells gateway workloads from the others: say nothing.
      if (Object.keys(selector).length === 0) continue;
      for (const ns of ctx.namespaces().sort()) {
        for (const w of sortWorkloads([...ctx.selectWorkloads(ns, selector)])) {
          const covered = [...ctx.ofKind('RequestAuthentication', root), ...(ns === root ? [] : ctx.ofKind('RequestAuthentication', ns))]
            .some((ra) => selects(policySelectorOf(ra.resource)?.labels ?? {}, w.labels));
          if (covered) continue;
          out.push(ctx.report('JwtClaimBasedRoutingWithoutRequestAuthN', { key: claim.key, gateway: fullName(gw), pod: w.resource.name }, e, claim.path, {
            part: 'key', related: [ctx.related(w.resource, `${w.kind} ${w.namespace}/${w.resource.name} is selected by ${nameOf(gw)} and by no RequestAuthentication`, w.labelsPath)],
          }));
        }
      }
    }
    return out;
  },
};

/** The first header (or withoutHeaders) key of an HTTP match that reads a JWT claim. */
function claimKey(spec: Record<string, unknown>): { key: string; path: Path } | null {
  // Indexed loops and for-in: this runs for every VirtualService (see virtualServiceRefs).
  const rules = arr(spec.http);
  for (let i = 0; i < rules.length; i++) {
    const matches = arr(obj(rules[i]).match);
    for (let j = 0; j < matches.length; j++) {
      const m = obj(matches[j]);
      for (let f = 0; f < HEADER_FIELDS.length; f++) {
        const field = HEADER_FIELDS[f];
        const headers = obj(m[field]);
        for (const k in headers) {
          if (k.startsWith(CLAIM)) return { key: k.slice(CLAIM.length).replace(/^\./, ''), path: ['spec', 'http', i, 'match', j, field, k] };
        }
      }
    }
  }
  return null;
}
