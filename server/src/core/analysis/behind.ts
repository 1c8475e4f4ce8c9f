// Workloads behind a host: pods and VMs selected by the Kubernetes Service or the ServiceEntry
// workloadSelector, plus inline ServiceEntry endpoints. `known` is false when some service has
// neither (DNS-resolved external hosts): nothing can be said about its endpoints then.
import type { AnalysisContext } from './context';
import type { ServiceInfo, Workload } from './facts';

export function workloadsBehind(ctx: AnalysisContext, services: readonly ServiceInfo[]): { workloads: Workload[]; known: boolean } {
  const workloads: Workload[] = [];
  let known = true;
  for (const s of services) {
    const endpoints = s.endpoints;
    workloads.push(...endpoints);
    if (s.selector && Object.keys(s.selector).length > 0) workloads.push(...ctx.selectWorkloads(s.namespace, s.selector));
    else if (endpoints.length === 0) known = false;
  }
  return { workloads, known };
}
