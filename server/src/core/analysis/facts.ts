// What the analysis needs to know about one resource, read once from its plain value:
// workloads (pods and VMs alike), services (Kubernetes Services and ServiceEntries) and
// selectors. Paths are kept so findings and navigation can point back into the source.
import type { Path, Resource } from '../model/resource';
import type { Labels } from './labels';
import { toFqdn } from './hosts';
import { compareText } from '../text/compare';

export type WorkloadKind = 'WorkloadEntry' | 'WorkloadGroup' | 'Pod' | 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'ServiceEntryEndpoint';

export interface Workload {
  kind: WorkloadKind;
  resource: Resource;
  namespace: string;
  labels: Labels;
  labelsPath: Path;
  /** Service account the workload runs as ('default' for pods that name none). */
  serviceAccount: string | null;
  network: string | null;
  address: string | null;
  /** Port name -> number, as WorkloadEntry/WorkloadGroup `ports` (container ports for pods). */
  ports: Record<string, number>;
  portsPath: Path;
  /** A VM (WorkloadEntry, WorkloadGroup, ServiceEntry endpoint) rather than a pod. */
  vm: boolean;
}

export interface ServicePort {
  name: string;
  number: number;
  protocol: string;
  targetPort: number | string | null;
  index: number;
}

export interface ServiceInfo {
  kind: 'Service' | 'ServiceEntry';
  resource: Resource;
  namespace: string;
  /** Fully qualified hosts (ServiceEntry hosts may be wildcards). */
  hosts: string[];
  ports: ServicePort[];
  selector: Labels | null;
  selectorPath: Path;
  /** Inline endpoints of a ServiceEntry (VMs without a WorkloadEntry of their own). */
  endpoints: Workload[];
}

// Read-only views of parsed values; an absent or mistyped value reads as one shared empty
// object or list (these run for every field read of a cold start: no allocation each time).
const NO_FIELDS: Readonly<Record<string, unknown>> = Object.freeze({});
const NO_ITEMS: readonly unknown[] = Object.freeze([]);
export const obj = (v: unknown): Readonly<Record<string, unknown>> =>
  (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : NO_FIELDS);
export const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : NO_ITEMS);
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const strMap = (v: unknown): Record<string, string> => {
  const o = obj(v);
  // Labels are nearly always all strings already: share the parsed object (read-only) rather
  // than copy it, which keeps a large index smaller.
  if (allOf(o, 'string')) return o as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(o)) if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out[k] = String(x);
  return out;
};
const numMap = (v: unknown): Record<string, number> => {
  const o = obj(v);
  if (allOf(o, 'number')) return o as Record<string, number>;
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(o)) if (typeof x === 'number') out[k] = x;
  return out;
};
/** A plain object whose own values all have type `t` (and no key that a copy would treat differently). */
function allOf(o: Record<string, unknown>, t: 'string' | 'number'): boolean {
  if (Object.getPrototypeOf(o) !== Object.prototype) return false;
  for (const k in o) if (typeof o[k] !== t || k === '__proto__' || !Object.hasOwn(o, k)) return false;
  return true;
}

/** A stable order for resources (so results never depend on indexing history). */
export const byPlace = (a: { resource: Resource }, b: { resource: Resource }): number =>
  compareText(a.resource.name, b.resource.name) || compareText(a.resource.uri, b.resource.uri) || a.resource.docIndex - b.resource.docIndex;

export const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * One workload, always built with the same property order: spreading a shared base and then
 * overriding one of its keys leaves V8 with slow (dictionary) objects that every lookup pays for.
 */
function workload(r: Resource, ns: string, kind: WorkloadKind, labels: Labels, labelsPath: Path, serviceAccount: string | null,
  network: string | null, address: string | null, ports: Record<string, number>, portsPath: Path, vm: boolean): Workload {
  return { resource: r, namespace: ns, address, kind, labels, labelsPath, serviceAccount, network, ports, portsPath, vm };
}

// Paths shared by every workload and service of a kind (paths are read-only; one array each
// instead of one per resource keeps a large index smaller).
const P_WE_LABELS: Path = ['spec', 'labels'];
const P_WE_PORTS: Path = ['spec', 'ports'];
const P_WG_LABELS: Path = ['spec', 'metadata', 'labels'];
const P_WG_PORTS: Path = ['spec', 'template', 'ports'];
const P_POD_LABELS: Path = ['metadata', 'labels'];
const P_POD_PORTS: Path = ['spec', 'containers'];
const P_TPL_LABELS: Path = ['spec', 'template', 'metadata', 'labels'];
const P_TPL_PORTS: Path = ['spec', 'template', 'spec', 'containers'];
const P_SVC_SELECTOR: Path = ['spec', 'selector'];
const P_SE_SELECTOR: Path = ['spec', 'workloadSelector', 'labels'];
const P_WORKLOAD_SELECTOR: Path = P_SE_SELECTOR;
const P_MATCH_LABELS: Path = ['spec', 'selector', 'matchLabels'];

/** Workloads a resource stands for: one for most kinds, one per endpoint for a ServiceEntry. */
export function workloadsOf(r: Resource, ns: string): Workload[] {
  const spec = obj(r.value.spec);
  if (r.kind === 'WorkloadEntry' && r.group === 'networking.istio.io') {
    return [workload(r, ns, 'WorkloadEntry', strMap(spec.labels), P_WE_LABELS,
      str(spec.serviceAccount), str(spec.network), str(spec.address), numMap(spec.ports), P_WE_PORTS, true)];
  }
  if (r.kind === 'WorkloadGroup' && r.group === 'networking.istio.io') {
    const t = obj(spec.template);
    return [workload(r, ns, 'WorkloadGroup', strMap(obj(spec.metadata).labels), P_WG_LABELS,
      str(t.serviceAccount), str(t.network), null, numMap(t.ports), P_WG_PORTS, true)];
  }
  if (r.kind === 'ServiceEntry' && r.group === 'networking.istio.io') {
    return arr(spec.endpoints).map((e, i) => {
      const ep = obj(e);
      return workload(r, ns, 'ServiceEntryEndpoint', strMap(ep.labels), ['spec', 'endpoints', i, 'labels'],
        str(ep.serviceAccount), str(ep.network), str(ep.address), numMap(ep.ports), ['spec', 'endpoints', i, 'ports'], true);
    });
  }
  if (r.group === '' && r.kind === 'Pod') {
    return [workload(r, ns, 'Pod', r.labels, P_POD_LABELS,
      str(spec.serviceAccountName) ?? 'default', null, null, containerPorts(spec), P_POD_PORTS, false)];
  }
  if (r.group === 'apps' && POD_TEMPLATE_KINDS.has(r.kind)) {
    const tpl = obj(spec.template);
    const podSpec = obj(tpl.spec);
    return [workload(r, ns, r.kind as WorkloadKind, strMap(obj(tpl.metadata).labels), P_TPL_LABELS,
      str(podSpec.serviceAccountName) ?? 'default', null, null, containerPorts(podSpec), P_TPL_PORTS, false)];
  }
  return NO_WORKLOADS;
}

/** Most resources stand for no workload: one shared (frozen) empty list for all of them. */
const NO_WORKLOADS = Object.freeze([]) as unknown as Workload[];

function containerPorts(podSpec: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of arr(podSpec.containers)) {
    for (const p of arr(obj(c).ports)) {
      const port = obj(p);
      if (typeof port.name === 'string' && typeof port.containerPort === 'number') out[port.name] = port.containerPort;
    }
  }
  return out;
}

/** Protocol of a Kubernetes Service port: appProtocol, else the `<protocol>[-suffix]` name convention. */
function kubernetesProtocol(p: Record<string, unknown>): string {
  const app = str(p.appProtocol);
  if (app) return app.toUpperCase();
  const name = str(p.name) ?? '';
  const prefix = name.split('-')[0].toUpperCase();
  return ['HTTP', 'HTTP2', 'HTTPS', 'GRPC', 'GRPC-WEB', 'TLS', 'MONGO', 'REDIS', 'MYSQL', 'TCP'].includes(prefix) ? prefix : (str(p.protocol) ?? 'TCP').toUpperCase();
}

export function serviceOf(r: Resource, ns: string, workloads: Workload[] = []): ServiceInfo | null {
  const spec = obj(r.value.spec);
  if (r.group === '' && r.kind === 'Service') {
    const selector = spec.selector === undefined ? null : strMap(spec.selector);
    return { kind: 'Service', resource: r, namespace: ns, hosts: [`${r.name}.${ns}.svc.cluster.local`],
      ports: arr(spec.ports).map((p, index) => {
        const port = obj(p);
        return { name: str(port.name) ?? '', number: typeof port.port === 'number' ? port.port : 0, protocol: kubernetesProtocol(port),
          targetPort: typeof port.targetPort === 'number' || typeof port.targetPort === 'string' ? port.targetPort : null, index };
      }),
      selector: selector && Object.keys(selector).length > 0 ? selector : null, selectorPath: P_SVC_SELECTOR, endpoints: [] };
  }
  if (r.kind === 'ServiceEntry' && r.group === 'networking.istio.io') {
    const ws = obj(spec.workloadSelector);
    return { kind: 'ServiceEntry', resource: r, namespace: ns,
      hosts: fqdns(spec.hosts, ns),
      ports: arr(spec.ports).map((p, index) => {
        const port = obj(p);
        return { name: str(port.name) ?? '', number: typeof port.number === 'number' ? port.number : 0,
          protocol: (str(port.protocol) ?? '').toUpperCase(), targetPort: typeof port.targetPort === 'number' ? port.targetPort : null, index };
      }),
      selector: spec.workloadSelector === undefined ? null : strMap(ws.labels), selectorPath: P_SE_SELECTOR,
      endpoints: workloads.length === 0 ? NO_WORKLOADS : workloads.filter((w) => w.kind === 'ServiceEntryEndpoint') };
  }
  return null;
}

/** The workload selector of a policy-like resource, with its path; null when it has none. */
export function policySelectorOf(r: Resource): { labels: Labels; path: Path } | null {
  const spec = obj(r.value.spec);
  if (r.kind === 'Sidecar' && r.group === 'networking.istio.io') {
    return spec.workloadSelector === undefined ? null : { labels: strMap(obj(spec.workloadSelector).labels), path: P_WORKLOAD_SELECTOR };
  }
  if (r.kind === 'EnvoyFilter' && r.group === 'networking.istio.io') {
    return spec.workloadSelector === undefined ? null : { labels: strMap(obj(spec.workloadSelector).labels), path: P_WORKLOAD_SELECTOR };
  }
  if (r.group === 'security.istio.io' || r.group === 'telemetry.istio.io') {
    return spec.selector === undefined ? null : { labels: strMap(obj(spec.selector).matchLabels), path: P_MATCH_LABELS };
  }
  return null;
}

/** The hosts of a VirtualService as index keys (FQDN in its namespace; wildcards as written). */
export function virtualServiceHostKeys(r: Resource, ns: string): string[] {
  return fqdns(obj(r.value.spec).hosts, ns);
}

/** The string hosts of a `hosts` list, completed to FQDNs in `ns` (one pass: every ServiceEntry and VirtualService). */
function fqdns(hosts: unknown, ns: string): string[] {
  const list = arr(hosts);
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const h = list[i];
    if (typeof h === 'string') out.push(toFqdn(h, ns));
  }
  return out;
}
