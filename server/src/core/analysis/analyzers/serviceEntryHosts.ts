// IST0134 ServiceEntryAddressesRequired, IST0177 ConflictingServiceEntryProtocol and HM4011
// DuplicateServiceEntryHost: per-host consistency across ServiceEntries.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import { arr, byPlace, obj } from '../facts';
import { nameOf } from '../context';

export const serviceEntryHosts: Analyzer = {
  name: 'serviceEntryHosts',
  subjects: ['ServiceEntry'],
  reads: ['ServiceEntry'],
  check(e, ctx) {
    const svc = e.service;
    if (!svc) return [];
    const out: Finding[] = [];
    const spec = obj(e.resource.value.spec);
    if (arr(spec.addresses).length === 0) {
      const i = svc.ports.findIndex((p) => p.protocol === '' || p.protocol === 'TCP');
      if (i >= 0) out.push(ctx.report('ServiceEntryAddressesRequired', {}, e, svc.ports[i].protocol ? ['spec', 'ports', i, 'protocol'] : ['spec', 'ports', i]));
    }
    for (const [h, host] of svc.hosts.entries()) {
      if (host.includes('*')) continue;
      const { services } = ctx.resolveHost(host, e.namespace);
      // Nearly always the entry itself alone: nothing to compare, nothing to copy.
      if (services.length === 1 && services[0] === svc) continue;
      const others = [...services].sort(byPlace).filter((s) => s.kind === 'ServiceEntry' && s.resource !== e.resource && s.hosts.includes(host));
      const sameNs = others.filter((s) => s.namespace === e.namespace);
      if (sameNs.length) {
        out.push(ctx.report('DuplicateServiceEntryHost', { host, others: sameNs.map((s) => nameOf(s)).join(', ') }, e, ['spec', 'hosts', h], {
          related: sameNs.map((s) => ctx.related(s.resource, `${nameOf(s)} declares ${host}`, ['spec', 'hosts'])),
        }));
      }
      if (others.length === 0) continue;
      for (const p of svc.ports) {
        const clash = others.filter((s) => s.ports.some((q) => q.number === p.number && q.protocol !== p.protocol));
        if (clash.length === 0) continue;
        const all = [svc, ...clash];
        const protocols = [...new Set(all.map((s) => s.ports.find((q) => q.number === p.number)?.protocol ?? ''))].sort().join(', ');
        out.push(ctx.report('ConflictingServiceEntryProtocol', { serviceEntries: all.map((s) => `${s.namespace}/${s.resource.name}`).sort().join(', '), host, port: p.number, protocols }, e, ['spec', 'ports', p.index, 'protocol'], {
          related: clash.map((s) => ctx.related(s.resource, `${nameOf(s)} declares ${host}`, ['spec', 'ports'])),
        }));
      }
    }
    return out;
  },
};
