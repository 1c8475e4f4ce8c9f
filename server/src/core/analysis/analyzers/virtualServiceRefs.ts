// IST0101 ReferencedResourceNotFound (host, host+subset in destinationrule, gateway) and IST0112
// VirtualServiceDestinationPortSelectorRequired for every route and mirror destination of a
// VirtualService. Hosts resolve against Kubernetes Services and ServiceEntry hosts, wildcards included.
// IST0112 is not raised for an HTTP route to one of the VirtualService's own hosts: the sidecar
// then forwards to the port the request arrived on, which that service has by definition.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import type { Path } from '../../model/resource';
import type { Entry } from '../workspaceIndex';
import { arr, byPlace, obj, str } from '../facts';
import { nameOf, type AnalysisContext } from '../context';
import { closest } from '../labels';
import { toFqdn } from '../hosts';

export const virtualServiceRefs: Analyzer = {
  name: 'virtualServiceRefs',
  subjects: ['VirtualService'],
  reads: ['Service', 'ServiceEntry', 'DestinationRule', 'Gateway'],
  check(e, ctx) {
    const spec = obj(e.resource.value.spec);
    const out: Finding[] = [];
    for (const [i, g] of arr(spec.gateways).entries()) checkGateway(ctx, e, g, ['spec', 'gateways', i], out);
    const own = new Set(arr(spec.hosts).filter((h): h is string => typeof h === 'string').map((h) => toFqdn(h, e.namespace)));
    for (const proto of ['http', 'tcp', 'tls']) {
      for (const [i, rule] of arr(spec[proto]).entries()) {
        const ro = obj(rule);
        const portFree = proto === 'http' ? own : new Set<string>();
        for (const [j, route] of arr(ro.route).entries()) checkDestination(ctx, e, obj(obj(route).destination), ['spec', proto, i, 'route', j, 'destination'], portFree, out);
        if (ro.mirror !== undefined) checkDestination(ctx, e, obj(ro.mirror), ['spec', proto, i, 'mirror'], new Set(), out);
        for (const [k, m] of arr(ro.match).entries()) {
          for (const [l, g] of arr(obj(m).gateways).entries()) checkGateway(ctx, e, g, ['spec', proto, i, 'match', k, 'gateways', l], out);
        }
      }
    }
    return out;
  },
};

function checkGateway(ctx: AnalysisContext, e: Entry, g: unknown, path: Path, out: Finding[]): void {
  if (typeof g !== 'string' || g === 'mesh') return;
  const slash = g.indexOf('/');
  const ns = slash >= 0 ? g.slice(0, slash) : e.namespace;
  const name = slash >= 0 ? g.slice(slash + 1) : g;
  if (ctx.gateway(ns, name)) return;
  const names = [...ctx.ofKind('Gateway', ns)].map((x) => x.resource.name);
  const guess = closest(name, names);
  out.push(ctx.report('ReferencedResourceNotFound', { reftype: 'gateway', refval: g }, e, path, {
    data: guess ? { fix: 'replace', span: ctx.span(e.resource, path, 'value'), candidates: [slash >= 0 ? `${ns}/${guess}` : guess] } : undefined,
  }));
}

function checkDestination(ctx: AnalysisContext, e: Entry, d: Record<string, unknown>, path: Path, portFree: ReadonlySet<string>, out: Finding[]): void {
  const host = str(d.host);
  if (!host || host.includes('*')) return;
  const { fqdn, services } = ctx.resolveHost(host, e.namespace);
  if (services.length === 0) {
    const guess = closest(fqdn, ctx.allHosts());
    out.push(ctx.report('ReferencedResourceNotFound', { reftype: 'host', refval: host }, e, [...path, 'host'], {
      data: guess ? { fix: 'replace', span: ctx.span(e.resource, [...path, 'host'], 'value'), candidates: [guess] } : undefined,
    }));
    return;
  }
  const subset = str(d.subset);
  if (subset) {
    const written = toFqdn(host, e.namespace);
    const drs = written === fqdn ? ctx.destinationRulesFor(fqdn) : new Set([...ctx.destinationRulesFor(fqdn), ...ctx.destinationRulesFor(written)]);
    const defined: string[] = [];
    for (const dr of [...drs].sort(byPlace)) for (const s of arr(obj(dr.resource.value.spec).subsets)) { const n = str(obj(s).name); if (n) defined.push(n); }
    if (!defined.includes(subset)) {
      const dr = [...drs].sort(byPlace)[0];
      const guess = closest(subset, defined);
      const hasSubsets = dr ? ctx.hasPath(dr.resource, ['spec', 'subsets']) : undefined;
      out.push(ctx.report('ReferencedResourceNotFound', { reftype: 'host+subset in destinationrule', refval: `${host}+${subset}` }, e, [...path, 'subset'], {
        related: dr ? [ctx.related(dr.resource, `${nameOf(dr)} defines subsets: ${defined.join(', ') || 'none'}`, hasSubsets ? ['spec', 'subsets'] : ['spec', 'host'])] : [],
        data: {
          fix: 'subset', span: ctx.span(e.resource, [...path, 'subset'], 'value'), candidates: guess ? [guess] : [], subset,
          ...(dr ? { destinationRule: { uri: dr.resource.uri, docIndex: dr.resource.docIndex, name: nameOf(dr) } } : {}),
        },
      }));
    }
  }
  if (d.port === undefined && !portFree.has(fqdn)) {
    services.sort(byPlace);
    const ports = [...new Set(services[0].ports.map((p) => p.number))];
    if (ports.length > 1) {
      out.push(ctx.report('VirtualServiceDestinationPortSelectorRequired', { destHost: host, destPorts: ports.join(' ') }, e, [...path, 'host'], {
        related: [ctx.related(services[0].resource, `${nameOf(services[0])} exposes ports ${ports.join(', ')}`, ['spec', 'ports'])],
      }));
    }
  }
}
