// HM4003 WorkloadPortNameUnknown and HM4004 WorkloadPortTargetMismatch: the `ports` of a
// WorkloadEntry/WorkloadGroup are keyed by the port names of the services that select it; a
// name matching none is ignored, and a number that disagrees with targetPort is ambiguous.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import { nameOf } from '../context';
import { closest } from '../labels';
import { byPlace } from '../facts';

export const workloadPorts: Analyzer = {
  name: 'workloadPorts',
  subjects: ['WorkloadEntry', 'WorkloadGroup'],
  reads: ['ServiceEntry', 'Service'],
  check(e, ctx) {
    const w = e.workloads[0];
    const names = w ? Object.keys(w.ports) : [];
    if (!w || names.length === 0) return [];
    const out: Finding[] = [];
    for (const svc of ctx.servicesSelecting(e.namespace, w.labels).sort(byPlace)) {
      if (svc.ports.length === 0) continue;
      const s = { resource: svc.resource, namespace: svc.namespace };
      const svcNames = svc.ports.map((p) => p.name).filter(Boolean);
      const related = () => [ctx.related(s.resource, `${nameOf(s)} selects ${nameOf(e)}`, ['spec', 'ports'])];
      for (const name of names) {
        const port = svc.ports.find((p) => p.name === name);
        const path = [...w.portsPath, name];
        if (!port) {
          const guess = closest(name, svcNames);
          out.push(ctx.report('WorkloadPortNameUnknown', { port: name, kind: e.resource.kind, name: e.resource.name, service: nameOf(s), ports: svcNames.join(', '), hint: guess ? `; did you mean "${guess}"?` : '' }, e, path, {
            part: 'key', related: related(), data: guess ? { fix: 'replace', span: ctx.span(e.resource, path, 'key'), candidates: [guess] } : undefined,
          }));
        } else if (typeof port.targetPort === 'number' && port.targetPort !== w.ports[name]) {
          out.push(ctx.report('WorkloadPortTargetMismatch', { port: name, number: w.ports[name], kind: e.resource.kind, name: e.resource.name, service: nameOf(s), target: port.targetPort }, e, path, { related: related() }));
        }
      }
    }
    return out;
  },
};
