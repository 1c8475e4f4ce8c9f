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
    // Indexed loops and paths built only for a finding: this runs for every VirtualService of a
    // cold start, mostly before the engine optimizes it, where iterators and arrays cost most.
    const gateways = arr(spec.gateways);
    for (let i = 0; i < gateways.length; i++) checkGateway(ctx, e, gateways[i], ['spec', 'gateways', i], out);
    const hosts = arr(spec.hosts);
    const own = new Set<string>();
    for (let i = 0; i < hosts.length; i++) { const h = hosts[i]; if (typeof h === 'string') own.add(toFqdn(h, e.namespace)); }
    for (let p = 0; p < PROTOCOLS.length; p++) {
      const proto = PROTOCOLS[p];
      const rules = arr(spec[proto]);
      for (let i = 0; i < rules.length; i++) {
        const ro = obj(rules[i]);
        const portFree = proto === 'http' ? own : NONE;
        const routes = arr(ro.route);
        for (let j = 0; j < routes.length; j++) checkDestination(ctx, e, obj(obj(routes[j]).destination), proto, i, j, portFree, out);
        if (ro.mirror !== undefined) checkDestination(ctx, e, obj(ro.mirror), proto, i, -1, NONE, out);
        const matches = arr(ro.match);
        for (let k = 0; k < matches.length; k++) {
          const gws = arr(obj(matches[k]).gateways);
          for (let l = 0; l < gws.length; l++) checkGateway(ctx, e, gws[l], ['spec', proto, i, 'match', k, 'gateways', l], out);
        }
      }
    }
    return out;
  },
};

const PROTOCOLS = ['http', 'tcp', 'tls'] as const;

function definesSubset(dr: Entry, subset: string): boolean {
  const subsets = arr(obj(dr.resource.value.spec).subsets);
  for (let i = 0; i < subsets.length; i++) if (obj(subsets[i]).name === subset) return true;
  return false;
}
const NONE: ReadonlySet<string> = new Set();

/** Path of a route destination (`j` >= 0) or of a rule's mirror (`j` = -1). */
const destinationPath = (proto: string, i: number, j: number): Path => (j >= 0 ? ['spec', proto, i, 'route', j, 'destination'] : ['spec', proto, i, 'mirror']);

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

function checkDestination(ctx: AnalysisContext, e: Entry, d: Record<string, unknown>, proto: string, i: number, j: number, portFree: ReadonlySet<string>, out: Finding[]): void {
  const host = str(d.host);
  if (!host || host.includes('*')) return;
  const path = (): Path => destinationPath(proto, i, j);
  const { fqdn, services } = ctx.resolveHost(host, e.namespace);
  if (services.length === 0) {
    const guess = closest(fqdn, ctx.allHosts());
    out.push(ctx.report('ReferencedResourceNotFound', { reftype: 'host', refval: host }, e, [...path(), 'host'], {
      data: guess ? { fix: 'replace', span: ctx.span(e.resource, [...path(), 'host'], 'value'), candidates: [guess] } : undefined,
    }));
    return;
  }
  const subset = str(d.subset);
  if (subset) {
    const written = toFqdn(host, e.namespace);
    const found = ctx.destinationRulesFor(fqdn);
    const drs = written === fqdn ? found : [...new Set([...found, ...ctx.destinationRulesFor(written)])];
    // Nearly always one rule: sorted (a copy) only when there are several.
    const ordered = drs.length > 1 ? [...drs].sort(byPlace) : drs;
    if (!ordered.some((dr) => definesSubset(dr, subset))) {
      const defined: string[] = [];
      for (const dr of ordered) for (const s of arr(obj(dr.resource.value.spec).subsets)) { const n = str(obj(s).name); if (n) defined.push(n); }
      const dr = ordered[0];
      const guess = closest(subset, defined);
      const hasSubsets = dr ? ctx.hasPath(dr.resource, ['spec', 'subsets']) : undefined;
      out.push(ctx.report('ReferencedResourceNotFound', { reftype: 'host+subset in destinationrule', refval: `${host}+${subset}` }, e, [...path(), 'subset'], {
        related: dr ? [ctx.related(dr.resource, `${nameOf(dr)} defines subsets: ${defined.join(', ') || 'none'}`, hasSubsets ? ['spec', 'subsets'] : ['spec', 'host'])] : [],
        data: {
          fix: 'subset', span: ctx.span(e.resource, [...path(), 'subset'], 'value'), candidates: guess ? [guess] : [], subset,
          ...(dr ? { destinationRule: { uri: dr.resource.uri, docIndex: dr.resource.docIndex, name: nameOf(dr) } } : {}),
        },
      }));
    }
  }
  if (d.port === undefined && !portFree.has(fqdn)) {
    const first = services.length > 1 ? [...services].sort(byPlace)[0] : services[0];
    if (first.ports.length < 2) return;
    const ports = [...new Set(first.ports.map((p) => p.number))];
    if (ports.length > 1) {
      out.push(ctx.report('VirtualServiceDestinationPortSelectorRequired', { destHost: host, destPorts: ports.join(' ') }, e, [...path(), 'host'], {
        related: [ctx.related(first.resource, `${nameOf(first)} exposes ports ${ports.join(', ')}`, ['spec', 'ports'])],
      }));
    }
  }
}
