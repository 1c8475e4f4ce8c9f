// IST0118 PortNameIsNotUnderNamingConvention and IST0150 ExternalNameServiceTypeInvalidPortName.
// Istio takes a Kubernetes Service port's protocol from `appProtocol`, else from the port name
// `<protocol>[-<suffix>]`; UDP/SCTP ports and the well-known ports 25, 53, 3306 and 27017 need
// neither. Other ports fall back to protocol sniffing (IST0118, info). An ExternalName Service has
// no cluster IP, so a port outside the convention or named plain `tcp` cannot be routed (IST0150).
// Like istioctl, system namespaces and the Istio control plane's own Services are skipped.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import { arr, obj, str } from '../facts';

const PROTOCOLS = new Set(['tcp', 'udp', 'grpc', 'grpc-web', 'http', 'http_proxy', 'http2', 'https', 'tls', 'mongo', 'redis', 'mysql']);
const WELL_KNOWN_PORTS = new Set([25, 53, 3306, 27017]);
const K8S_APP_PROTOCOLS = new Set(['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss']);
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

export const istServicePortNames: Analyzer = {
  name: 'istServicePortNames',
  subjects: ['Service'],
  reads: [],
  check(e, ctx) {
    const r = e.resource;
    if (r.group !== '' || SYSTEM_NAMESPACES.has(e.namespace) || isControlPlane(r.labels)) return [];
    const spec = obj(r.value.spec);
    const externalName = spec.type === 'ExternalName';
    const out: Finding[] = [];
    for (const [i, p] of arr(spec.ports).entries()) {
      const port = obj(p);
      const name = str(port.name) ?? '';
      const number = typeof port.port === 'number' ? port.port : 0;
      const named = protocolKnown(number, name, str(port.protocol), str(port.appProtocol));
      if (named && !(externalName && name === 'tcp')) continue;
      const path = port.name === undefined ? ['spec', 'ports', i] : ['spec', 'ports', i, 'name'];
      if (externalName) {
        out.push(ctx.report('ExternalNameServiceTypeInvalidPortName', {}, e, path));
        continue;
      }
      // The API server defaults targetPort to port; report what the cluster will hold.
      const target = typeof port.targetPort === 'number' || typeof port.targetPort === 'string' ? port.targetPort : number;
      out.push(ctx.report('PortNameIsNotUnderNamingConvention', { portName: name, port: number, targetPort: target }, e, path));
    }
    return out;
  },
};

/** Whether Istio knows the port's protocol without sniffing (istio's ConvertProtocol). */
export function protocolKnown(port: number, portName: string, protocol: string | null, appProtocol: string | null): boolean {
  if (protocol === 'UDP' || protocol === 'SCTP') return true;
  const name = appProtocol ?? portName;
  if (appProtocol !== null && K8S_APP_PROTOCOLS.has(appProtocol)) return true;
  if (name.toLowerCase().startsWith('grpc-web')) return true;
  const dash = name.indexOf('-');
  if (PROTOCOLS.has((dash >= 0 ? name.slice(0, dash) : name).toLowerCase())) return true;
  return WELL_KNOWN_PORTS.has(port);
}

function isControlPlane(labels: Record<string, string>): boolean {
  return labels.istio === 'pilot' || labels.app === 'istiod' || labels.istio === 'istiod';
}
