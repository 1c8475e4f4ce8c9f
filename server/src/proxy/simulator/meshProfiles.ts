// What a simulated sidecar sees of its own namespace's services, on top of the captured bookinfo
// clusters. `shop` mirrors examples/ (shopping-cart on Kubernetes and on two VMs, with the
// DestinationRule `shopping-cart.shop` and its k8s / vm subsets), so a demo sidecar's clusters,
// endpoints and identity lead back to the example YAML.
import type { HostOverride } from './adminBodies';

type Json = Record<string, unknown>;

export interface ProfileEndpoint { ip: string; port: number; workload: string }
export interface ProfileCluster { name: string; destinationRule?: string; endpoints: ProfileEndpoint[] }

export interface MeshProfile {
  serviceAccount: string;
  labels: Record<string, string>;
  /** Workload (VM) name -> its address, as in the WorkloadEntries. */
  addresses: Record<string, string>;
  clusters: ProfileCluster[];
  /** Host health in the unhealthy scenarios, keyed `cluster/ip:port`. */
  unhealthy: [string, HostOverride][];
}

const CART = 'shopping-cart.shop.svc.cluster.local';
const CART_DR = '/apis/networking.istio.io/v1/namespaces/shop/destination-rule/shopping-cart';
const pod = (ip: string, n: string): ProfileEndpoint => ({ ip, port: 8080, workload: `shopping-cart-k8s-${n};shop;shopping-cart;k8s;Kubernetes` });
const vm = (ip: string, n: number): ProfileEndpoint => ({ ip, port: 8080, workload: `shopping-cart-vm-${n};shop;shopping-cart;vm;Kubernetes` });
const PODS = [pod('10.244.1.31', '7d4f9-2xkqp'), pod('10.244.1.32', '7d4f9-9bwzt'), pod('10.244.1.33', '7d4f9-hm5lc')];
const VMS = [vm('10.128.0.21', 1), vm('10.128.0.22', 2)];

const SHOP: MeshProfile = {
  serviceAccount: 'shopping-cart',
  labels: { app: 'shopping-cart', version: 'vm', 'service.istio.io/canonical-name': 'shopping-cart', 'service.istio.io/canonical-revision': 'vm' },
  addresses: { 'shopping-cart-vm-1': '10.128.0.21', 'shopping-cart-vm-2': '10.128.0.22' },
  clusters: [
    { name: `outbound|8080||${CART}`, destinationRule: CART_DR, endpoints: [...PODS, ...VMS] },
    { name: `outbound|8080|k8s|${CART}`, destinationRule: CART_DR, endpoints: PODS },
    { name: `outbound|8080|vm|${CART}`, destinationRule: CART_DR, endpoints: VMS },
    { name: 'outbound|8080||shopping-cart-vm.shop.svc.cluster.local', endpoints: VMS },
  ],
  // One pod failing its health check, another ejected by the DestinationRule's outlierDetection.
  unhealthy: [`outbound|8080||${CART}`, `outbound|8080|k8s|${CART}`].flatMap((c): [string, HostOverride][] => [
    [`${c}/10.244.1.32:8080`, { status: 'UNHEALTHY' }],
    [`${c}/10.244.1.33:8080`, { status: 'HEALTHY', outlierFailed: true }],
  ]),
};

const PROFILES: Record<string, MeshProfile> = { shop: SHOP };

export function profileFor(namespace: string): MeshProfile | undefined {
  return Object.prototype.hasOwnProperty.call(PROFILES, namespace) ? PROFILES[namespace] : undefined;
}

/** A ClusterLoadAssignment as istiod sends it (EDS), with the workload in the istio metadata. */
export function loadAssignment(c: ProfileCluster): Json {
  return {
    endpoint_config: {
      '@type': 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
      cluster_name: c.name,
      endpoints: [{
        locality: {},
        lb_endpoints: c.endpoints.map((e) => ({
          endpoint: { address: { socket_address: { address: e.ip, port_value: e.port } }, health_check_config: {} },
          health_status: 'HEALTHY',
          metadata: { filter_metadata: { 'envoy.transport_socket_match': { tlsMode: 'istio' }, istio: { workload: e.workload } } },
          load_balancing_weight: 1,
        })),
        load_balancing_weight: c.endpoints.length,
      }],
      policy: { overprovisioning_factor: 140 },
    },
  };
}
