// A small clean shop workspace (Service + Deployment pods, a WorkloadGroup and a WorkloadEntry
// for VMs, a DestinationRule with subsets v1/v2 and a VirtualService routing to v2), shared by
// the language server and CLI tests of the cross-file analysis.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DR = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
  - name: v2
    labels: {version: v2}
`;

export const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subset: v2
`;

export const K8S = `apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: shop
spec:
  selector:
    app: reviews
  ports:
  - name: http
    port: 9080
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: reviews
  namespace: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews-v1
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: reviews, version: v1}
  template:
    metadata:
      labels: {app: reviews, version: v1}
    spec:
      serviceAccountName: reviews
      containers:
      - name: reviews
        image: reviews:1
`;

export const VM = `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata:
  name: reviews-vm
  namespace: shop
spec:
  metadata:
    labels:
      app: reviews
      version: v2
  template:
    serviceAccount: reviews
    ports:
      http: 9080
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata:
  name: reviews-vm-1
  namespace: shop
spec:
  address: 10.0.0.5
  labels:
    app: reviews
    version: v2
  serviceAccount: reviews
`;

/** A ServiceEntry whose selector has a typo (HM4001, did you mean `app: reviews`). */
export const SE_TYPO = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: reviews-vms
  namespace: shop
spec:
  hosts: [reviews-vms.shop.svc.cluster.local]
  location: MESH_INTERNAL
  resolution: STATIC
  ports:
  - {number: 9080, name: http, protocol: HTTP}
  workloadSelector:
    labels:
      app: reviewz
`;

export const SHOP: Record<string, string> = { 'dr.yaml': DR, 'vs.yaml': VS, 'k8s.yaml': K8S, 'vm.yaml': VM };

/** Writes `files` into a fresh temporary folder; returns its path. */
export function writeWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-analysis-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
