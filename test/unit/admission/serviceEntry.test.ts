import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from './helpers';

test('ServiceEntry: wildcard and partial-wildcard hosts, addresses, duplicate port names, protocols, DNS with selector, multiple hosts on TCP', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ext
  namespace: shop
spec:
  hosts:
  - "*.example.com"
  - api.*
  - foo*.example.org
  addresses:
  - 240.0.0.1
  - 10.0.0.0/40
  ports:
  - number: 443
    name: tls
    protocol: TLS
  - number: 8080
    name: tls
    protocol: TCPX
  resolution: DNS
  workloadSelector:
    labels:
      app: ext
`), [
    'IST0106 8:4-8:9 Schema validation error: spec.hosts[1]: domain name "*" invalid (label "*" invalid)',
    'IST0133 8:4-8:9 Schema validation warning: spec.hosts[1]: partial wildcard "api.*" not allowed',
    'IST0106 9:4-9:20 Schema validation error: spec.hosts[2]: domain name "foo*.example.org" invalid (label "foo*" invalid)',
    'IST0133 9:4-9:20 Schema validation warning: spec.hosts[2]: partial wildcard "foo*.example.org" not allowed',
    'IST0106 12:4-12:15 Schema validation error: spec.addresses[1]: 10.0.0.0/40 is not a valid CIDR block',
    'IST0106 18:10-18:13 Schema validation error: spec.ports[1].name: service entry port name "tls" already defined',
    'IST0106 19:14-19:18 Schema validation error: spec.ports[1].protocol: unsupported protocol: TCPX',
    'IST0106 7:4-7:19 Schema validation error: spec.hosts[0]: hosts must be FQDN if no endpoints are provided for resolution mode DNS',
    'IST0106 8:4-8:9 Schema validation error: spec.hosts[1]: hosts must be FQDN if no endpoints are provided for resolution mode DNS',
    'IST0106 9:4-9:20 Schema validation error: spec.hosts[2]: hosts must be FQDN if no endpoints are provided for resolution mode DNS',
    'IST0133 21:2-21:18 Schema validation warning: spec.workloadSelector: workloadSelector should not be set when resolution mode is DNS',
    'IST0133 6:2-6:7 Schema validation warning: spec.hosts: service entry can not have more than one host specified simultaneously with address and tcp port',
    'IST0106 17:4-17:10 Schema validation error: spec.ports[1]: multiple hosts provided with non-HTTP, non-TLS ports',
  ]);
});

test('ServiceEntry STATIC: endpoints must be IPs with declared ports and valid labels; exportTo ~ only alone', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: static
  namespace: shop
spec:
  hosts:
  - a.example.com
  - b.example.com
  ports:
  - number: 3306
    name: mysql
    protocol: MYSQL
  resolution: STATIC
  endpoints:
  - address: db.example.com
    ports:
      grpc: 9000
  - address: 10.0.0.5
    labels:
      "bad key!": x
  exportTo:
  - "~"
  - shop
`), [
    'IST0106 15:13-15:27 Schema validation error: spec.endpoints[0].address: endpoint address "db.example.com" is not a valid IP address',
    'IST0106 17:6-17:10 Schema validation error: spec.endpoints[0].ports.grpc: endpoint port 9000 is not defined by the service entry',
    'IST0106 20:6-20:16 Schema validation error: spec.endpoints[1].labels["bad key!"]: invalid tag key: "bad key!"',
    'IST0106 10:4-10:10 Schema validation error: spec.ports[0]: multiple hosts provided with non-HTTP, non-TLS ports',
    'IST0106 21:2-21:10 Schema validation error: spec.exportTo: cannot export service entry to no one (~) and someone',
  ]);
});

test('ServiceEntry: selector with STATIC is fine; DNS endpoints may be IPs or FQDNs; NONE with selector and targetPort warns', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: vm-svc
  namespace: shop
spec:
  hosts:
  - vm.shop.internal
  ports:
  - number: 8080
    name: http
    protocol: HTTP
    targetPort: 9090
  resolution: STATIC
  workloadSelector:
    labels:
      app: vm
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: dns-eps
  namespace: shop
spec:
  hosts:
  - api.example.com
  ports:
  - number: 443
    name: https
    protocol: HTTPS
  resolution: DNS
  endpoints:
  - address: 1.2.3.4
  - address: lb.example.com
  - address: bad_host!
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: none-sel
  namespace: shop
spec:
  hosts:
  - "*.wild.example.com"
  ports:
  - number: 80
    name: http
    protocol: HTTP
    targetPort: 8080
  resolution: NONE
  workloadSelector:
    labels: {}
`), [
    'IST0106 34:13-34:22 Schema validation error: spec.endpoints[2].address: endpoint address "bad_host!" is not a valid FQDN or an IP address',
    'IST0133 50:2-50:18 Schema validation warning: spec.workloadSelector: service entry: workload selector specified without labels, will be applied to all services in namespace',
    'IST0133 48:4-48:14 Schema validation warning: spec.ports[0].targetPort: targetPort has no effect when resolution mode is NONE',
    'IST0133 50:2-50:18 Schema validation warning: spec.workloadSelector: workloadSelector should not be set when resolution mode is NONE',
  ]);
});

test('WorkloadEntry: IP or FQDN address, labels, network without address', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata:
  name: vm1
  namespace: shop
spec:
  address: 10.0.0.7
  network: vm-net
  labels:
    app: vm
  ports:
    http: 8080
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata:
  name: vm2
  namespace: shop
spec:
  address: vm2.example.com
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata:
  name: vm3
  namespace: shop
spec:
  address: "vm 3!"
  labels:
    "/app": x
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata:
  name: vm4
  namespace: shop
spec:
  network: remote-net
`), [
    'IST0106 27:11-27:18 Schema validation error: spec.address: endpoint address "vm 3!" is not a valid FQDN or an IP address',
    'IST0106 29:4-29:10 Schema validation error: spec.labels["/app"]: invalid tag key: "/app"',
    'IST0133 36:0-36:4 Schema validation warning: spec: address is unset with network "remote-net"',
  ]);
});

test('WorkloadGroup: probe needs a method, exec needs a command, metadata labels valid', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata:
  name: vms
  namespace: shop
spec:
  metadata:
    labels:
      app: vms
  template:
    serviceAccount: vms
  probe:
    periodSeconds: 5
    httpGet:
      path: /ready
      port: 8080
---
apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata:
  name: bad
  namespace: shop
spec:
  metadata:
    labels:
      "app!": vms
  template:
    serviceAccount: vms
  probe:
    periodSeconds: 5
---
apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata:
  name: exec
  namespace: shop
spec:
  probe:
    exec:
      command: []
`), [
    'IST0106 25:6-25:12 Schema validation error: spec.metadata.labels["app!"]: invalid labels: invalid tag key: "app!"',
    'IST0106 28:2-28:7 Schema validation error: spec.probe: unknown health check method <nil>: one of httpGet, tcpSocket, exec or grpc is required',
    'IST0106 36:0-36:4 Schema validation error: spec: template is required',
    'IST0106 38:4-38:8 Schema validation error: spec.probe.exec: exec.command is required',
  ]);
});
