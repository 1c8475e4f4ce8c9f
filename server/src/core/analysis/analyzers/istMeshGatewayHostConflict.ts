// IST0109 ConflictingMeshGatewayVirtualServiceHosts: two VirtualServices bound to the mesh
// gateway (no `gateways`, or `mesh` among them) declare the same host for the same exportTo
// scope (`*` when exported everywhere, else each namespace they are exported to), as istioctl
// scopes them. Sidecars then pick one of them arbitrarily. VirtualServices bound only to
// ingress gateways are merged by Istio and never conflict here.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import type { Entry } from '../workspaceIndex';
import { arr, obj } from '../facts';
import { nameOf } from '../context';
import { toFqdn } from '../hosts';
import { fullName } from './istHelpers';
import { compareText } from '../../text/compare';

export const istMeshGatewayHostConflict: Analyzer = {
  name: 'istMeshGatewayHostConflict',
  subjects: ['VirtualService'],
  reads: ['VirtualService'],
  check(e, ctx) {
    if (!boundToMesh(e)) return [];
    const out: Finding[] = [];
    let scopes: Set<string> | undefined;
    const hosts = arr(obj(e.resource.value.spec).hosts);
    for (let i = 0; i < hosts.length; i++) {
      const h = hosts[i];
      if (typeof h !== 'string') continue;
      const fqdn = toFqdn(h, e.namespace);
      const declaring = ctx.virtualServicesForHost(fqdn);
      // Nearly always this VirtualService alone: nothing to compare.
      if (declaring.length === 1 && declaring[0] === e) continue;
      // The same ns/name in another file is the same resource (one apply replaces the other).
      const others = declaring.filter((o) => fullName(o) !== fullName(e) && boundToMesh(o)).sort(byName);
      if (others.length === 0) continue;
      scopes ??= scopesOf(e);
      for (const scope of scopes) {
        const clash = others.filter((o) => scopesOf(o).has(scope));
        if (clash.length === 0) continue;
        const names = [...new Set([e, ...clash].map(fullName))].sort().join(',');
        out.push(ctx.report('ConflictingMeshGatewayVirtualServiceHosts', { virtualServices: names, host: `${scope}/${fqdn}` }, e, ['spec', 'hosts', i], {
          related: clash.map((o) => ctx.related(o.resource, `${nameOf(o)} also binds ${fqdn} to the mesh gateway`, ['spec', 'hosts', hostIndex(o, fqdn)])),
        }));
      }
    }
    return out;
  },
};

const byName = (a: Entry, b: Entry): number => compareText(fullName(a), fullName(b)) || compareText(a.resource.uri, b.resource.uri) || a.resource.docIndex - b.resource.docIndex;

function boundToMesh(e: Entry): boolean {
  const gws = arr(obj(e.resource.value.spec).gateways);
  return gws.length === 0 || gws.includes('mesh');
}

/** istioctl's host scopes: `*` for export to all namespaces (the default), else each namespace. */
function scopesOf(e: Entry): Set<string> {
  const exportTo = arr(obj(e.resource.value.spec).exportTo).filter((x): x is string => typeof x === 'string');
  if (exportTo.length === 0 || exportTo.includes('*')) return new Set(['*']);
  return new Set(exportTo.map((x) => (x === '.' ? e.namespace : x)));
}

function hostIndex(e: Entry, fqdn: string): number {
  const hosts = arr(obj(e.resource.value.spec).hosts);
  return Math.max(0, hosts.findIndex((h) => typeof h === 'string' && toFqdn(h, e.namespace) === fqdn));
}
