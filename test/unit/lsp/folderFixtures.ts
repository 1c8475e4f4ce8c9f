// Fixtures shared by the workspace-folder tests: a ServiceEntry (one folder) that selects only
// the WorkloadGroup of another folder, so its finding tells whether that folder is indexed.

/** Selects `app: billing` in `shop`: nothing but BILLING_WG. */
export const BILLING_SE = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: billing-vms
  namespace: shop
spec:
  hosts: [billing.shop.svc.cluster.local]
  location: MESH_INTERNAL
  resolution: STATIC
  ports:
  - {number: 8080, name: http, protocol: HTTP}
  workloadSelector:
    labels:
      app: billing
`;

export const BILLING_WG = `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata:
  name: billing-vm
  namespace: shop
spec:
  metadata:
    labels:
      app: billing
  template:
    serviceAccount: billing
`;
