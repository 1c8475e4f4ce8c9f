import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, check } from './helpers';

test('a well-formed Gateway has no errors (HTTP redirect server, credentialName, AUTO_PASSTHROUGH)', () => {
  assertClean(`apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public-gw
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - "shop/*.example.com"
    - "*/api.example.com"
    tls:
      mode: SIMPLE
      credentialName: example-cert
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - "*"
    tls:
      httpsRedirect: true
  - port:
      number: 15443
      name: tls
      protocol: TLS
    hosts:
    - "*.local"
    tls:
      mode: AUTO_PASSTHROUGH
`);
});

test('Gateway: name, ns/host forms, TLS modes and their certificate fields, ciphers, ports, protocols, bind, TLS on TCP', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: bad.gw
spec:
  servers:
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - "shop/reviews"
    - "Bad_NS/a.example.com"
    - "foo.*"
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - a.example.com
    tls:
      mode: ISTIO_MUTUAL
      credentialName: cred
      privateKey: /etc/key.pem
  - port:
      number: 8443
      name: mtls
      protocol: HTTPS
    hosts:
    - a.example.com
    tls:
      mode: MUTUAL
      serverCertificate: /etc/cert.pem
      minProtocolVersion: TLSV1_1
      cipherSuites: [NOT-A-CIPHER]
  - port:
      number: 70000
      protocol: HTTPX
    hosts:
    - a.example.com
    bind: 10.0.0.999
  - port:
      number: 8080
      name: tcp
      protocol: TCP
    hosts:
    - a.example.com
    tls:
      mode: SIMPLE
      credentialName: c
`), [
    'IST0106 3:8-3:14 Schema validation error: metadata.name: invalid gateway name: "bad.gw"',
    'IST0106 11:6-11:20 Schema validation error: spec.servers[0].hosts[0]: short names (non FQDN) are not allowed',
    'IST0106 12:6-12:28 Schema validation error: spec.servers[0].hosts[1]: invalid namespace value "Bad_NS" in gateway',
    'IST0106 13:6-13:13 Schema validation error: spec.servers[0].hosts[2]: domain name "*" invalid (label "*" invalid)',
    'IST0106 13:6-13:13 Schema validation error: spec.servers[0].hosts[2]: partial wildcard "foo.*" not allowed',
    'IST0106 9:16-9:21 Schema validation error: spec.servers[0].port.protocol: server must have TLS settings for HTTPS/TLS protocols',
    'IST0106 23:6-23:16 Schema validation error: spec.servers[1].tls.privateKey: ISTIO_MUTUAL TLS cannot have associated private key',
    'IST0106 22:6-22:20 Schema validation error: spec.servers[1].tls.credentialName: ISTIO_MUTUAL TLS cannot have associated credentialName',
    'IST0106 16:12-16:17 Schema validation error: spec.servers[1].port.name: port names in servers must be unique: duplicate name https',
    'IST0133 34:6-34:18 Schema validation warning: spec.servers[2].tls.cipherSuites: ignoring invalid cipher suites: [NOT-A-CIPHER]',
    'IST0106 31:12-31:18 Schema validation error: spec.servers[2].tls.mode: MUTUAL TLS requires a private key',
    'IST0106 31:12-31:18 Schema validation error: spec.servers[2].tls.mode: MUTUAL TLS requires a client CA bundle',
    'IST0106 37:16-37:21 Schema validation error: spec.servers[3].port.protocol: invalid protocol "HTTPX", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP',
    'IST0106 36:14-36:19 Schema validation error: spec.servers[3].port.number: port number 70000 must be in the range 1..65535',
    'IST0106 35:4-35:8 Schema validation error: spec.servers[3].port: port name must be set: number:70000 protocol:"HTTPX"',
    'IST0106 40:10-40:20 Schema validation error: spec.servers[3].bind: 10.0.0.999 is not a valid IP',
    'IST0106 47:4-47:7 Schema validation error: spec.servers[4].tls: server cannot have TLS settings for non HTTPS/TLS ports',
  ]);
});

test('a well-formed Sidecar has no findings', () => {
  assertClean(`apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: shop
spec:
  workloadSelector:
    labels:
      app: vm
  ingress:
  - port:
      number: 9080
      protocol: HTTP
      name: http
    defaultEndpoint: 127.0.0.1:8080
  - port:
      number: 9090
      protocol: HTTP
      name: http2
    defaultEndpoint: unix:///var/run/app.sock
  egress:
  - hosts:
    - "./*"
    - "istio-system/*"
    - "~/*"
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
`);
});

test('Sidecar: ingress ports, defaultEndpoint, ingress TLS, pool on TCP, egress hosts and catch-all order, UDS ports, egress proxy', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: bad
  namespace: shop
spec:
  ingress:
  - port:
      number: 80800
      protocol: HTTP
      name: http
    defaultEndpoint: 10.0.0.1:8080
  - port:
      number: 9090
      protocol: FOO
      name: Bad_Name
    defaultEndpoint: "127.0.0.1:http"
    tls:
      mode: ISTIO_MUTUAL
  - port:
      number: 9090
      protocol: TCP
      name: tcp
    connectionPool:
      http:
        maxRetries: 3
  egress:
  - hosts:
    - "*/*"
    - "shop/reviews"
    - example.com
  - port:
      number: 0
      protocol: HTTP
      name: uds
    bind: 10.0.0.1
    hosts:
    - "./*"
    - "./*"
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
    egressProxy:
      host: proxy.example.com
      port:
        number: 3128
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: empty
  namespace: shop
spec:
  workloadSelector:
    labels: {}
`), [
    'IST0106 8:14-8:19 Schema validation error: spec.ingress[0].port.number: port number 80800 must be in the range 1..65535',
    'IST0106 11:21-11:34 Schema validation error: spec.ingress[0].defaultEndpoint: sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset',
    'IST0106 15:12-15:20 Schema validation error: spec.ingress[1].port.name: invalid port name: Bad_Name',
    'IST0106 14:16-14:19 Schema validation error: spec.ingress[1].port.protocol: unsupported protocol: FOO',
    'IST0106 16:21-16:37 Schema validation error: spec.ingress[1].defaultEndpoint: sidecar: defaultEndpoint port (http) is not a number',
    'IST0106 18:12-18:24 Schema validation error: spec.ingress[1].tls.mode: configuration is invalid: cannot set mode to ISTIO_MUTUAL in sidecar ingress tls',
    'IST0106 20:14-20:18 Schema validation error: spec.ingress[2].port.number: sidecar: ports on IP bound listeners must be unique',
    'IST0133 24:6-24:10 Schema validation warning: spec.ingress[2].connectionPool.http: sidecar: HTTP connection pool settings are configured for port 9090 ("tcp") but its protocol is not HTTP (TCP); only TCP settings will apply',
    'IST0106 27:4-27:9 Schema validation error: spec.egress[0]: sidecar: the egress listener with empty port should be the last listener in the list',
    'IST0106 29:6-29:20 Schema validation error: spec.egress[0].hosts[1]: short names (non FQDN) are not allowed',
    'IST0106 30:6-30:17 Schema validation error: spec.egress[0].hosts[2]: host must be of form namespace/dnsName',
    'IST0133 27:4-27:9 Schema validation warning: spec.egress[0].hosts: `*/*` host select all resources, no other hosts can be added',
    'IST0106 31:4-31:8 Schema validation error: spec.egress[1].port: sidecar: ports with 0 value must have a unix domain socket bind address',
    'IST0133 38:6-38:11 Schema validation warning: spec.egress[1].hosts[1]: duplicated egress host: ./*',
    'IST0106 41:4-41:15 Schema validation error: spec.outboundTrafficPolicy.egressProxy: sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode',
    'IST0133 52:2-52:18 Schema validation warning: spec.workloadSelector: sidecar: workload selector specified without labels, will be applied to all services in namespace',
    'IST0106 51:0-51:4 Schema validation error: spec: sidecar: empty configuration provided',
  ]);
});

test('Gateway passthrough certificates, targetPort, unix bind, caCertCredentialName; Sidecar ingress SAN, egress proxy with ALLOW_ANY', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: pass
spec:
  servers:
  - port:
      number: 443
      name: tls
      protocol: TLS
    hosts:
    - "*.example.com"
    tls:
      mode: PASSTHROUGH
      serverCertificate: /etc/cert.pem
  - port:
      number: 9000
      name: tcp
      protocol: TCP
      targetPort: 9001
    hosts:
    - "*"
  - port:
      number: 0
      name: uds
      protocol: HTTP
    bind: unix://relative.sock
    hosts:
    - "*"
  - port:
      number: 8443
      name: mtls
      protocol: HTTPS
    hosts:
    - "*"
    tls:
      mode: MUTUAL
      serverCertificate: /etc/cert.pem
      privateKey: /etc/key.pem
      caCertCredentialName: client-ca
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: proxy
  namespace: shop
spec:
  ingress:
  - port:
      number: 8443
      protocol: HTTPS
      name: https
    tls:
      mode: SIMPLE
      serverCertificate: /etc/cert.pem
      privateKey: /etc/key.pem
      subjectAltNames: [a]
  egress:
  - port:
      number: 8080
      protocol: HTTP
      name: http
    hosts:
    - "./*"
  - hosts:
    - "*/*"
  outboundTrafficPolicy:
    mode: ALLOW_ANY
    egressProxy:
      host: proxy.example.com
      port:
        number: 3128
`), [
    'IST0133 13:12-13:23 Schema validation warning: spec.servers[0].tls.mode: PASSTHROUGH mode does not use certificates, they will be ignored',
    'IST0106 19:6-19:16 Schema validation error: spec.servers[1].port.targetPort: targetPort has no impact on Gateways',
    'IST0106 26:10-26:30 Schema validation error: spec.servers[2].bind: relative.sock is not an absolute path to a file',
    'IST0106 56:6-56:21 Schema validation error: spec.ingress[0].tls.subjectAltNames: sidecar: subjectAltNames is not supported in ingress tls',
  ]);
});
