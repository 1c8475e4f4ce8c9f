// HM4003 WorkloadPortNameUnknown and HM4004 WorkloadPortTargetMismatch: the `ports` of a
// WorkloadEntry/WorkloadGroup are keyed by the port names of the services that select it; a
// name matching none is ignored, and a number that disagrees with targetPort is ambiguous.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import { nameOf } from '../context';
import { closest } from '../labels';
import { byPlace, type ServicePort } from '../facts';

function portNamed(ports: readonly ServicePort[], name: string): ServicePort | undefined {
  for (let i = 0; i < ports.length; i++) if (ports[i].name === name) return ports[i];
  return undefined;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

export const workloadPorts: Analyzer = {
  name: 'workloadPorts',
  subjects: ['WorkloadEntry', 'WorkloadGroup'],
  reads: ['ServiceEntry', 'Service'],
  check(e, ctx) {
    const w = e.workloads[0];
    if (!w || isEmpty(w.ports)) return [];
    const out: Finding[] = [];
    const services = ctx.servicesSelecting(e.namespace, w.labels);
    if (services.length > 1) services.sort(byPlace);
    for (let i = 0; i < services.length; i++) {
      const svc = services[i];
      if (svc.ports.length === 0) continue;
      for (const name in w.ports) {
        const port = portNamed(svc.ports, name);
        const target = port && typeof port.targetPort === 'number' && port.targetPort !== w.ports[name] ? port.targetPort : null;
        if (port && target === null) continue;
        // A finding: everything below runs only for the few ports that are wrong.
        const s = { resource: svc.resource, namespace: svc.namespace };
        const related = [ctx.related(s.resource, `${nameOf(s)} selects ${nameOf(e)}`, ['spec', 'ports'])];
        const path = [...w.portsPath, name];
        if (target !== null) {
          out.push(ctx.report('WorkloadPortTargetMismatch', { port: name, number: w.ports[name], kind: e.resource.kind, name: e.resource.name, service: nameOf(s), target }, e, path, { related }));
          continue;
        }
        const svcNames = svc.ports.map((p) => p.name).filter(Boolean);
        const guess = closest(name, svcNames);
        out.push(ctx.report('WorkloadPortNameUnknown', { port: name, kind: e.resource.kind, name: e.resource.name, service: nameOf(s), ports: svcNames.join(', '), hint: guess ? `; did you mean "${guess}"?` : '' }, e, path, {
          part: 'key', related, data: guess ? { fix: 'replace', span: ctx.span(e.resource, path, 'key'), candidates: [guess] } : undefined,
        }));
      }
    }
    return out;
  },
};
