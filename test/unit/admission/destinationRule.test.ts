import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, check } from './helpers';

test('a well-formed DestinationRule has no admission findings', () => {
  assertClean(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ok
  namespace: shop
spec:
  host: "*.shop.svc.cluster.local"
  workloadSelector:
    matchLabels:
      app: reviews
  trafficPolicy:
    loadBalancer:
      consistentHash:
        maglev:
          tableSize: 65537
      localityLbSetting:
        failover:
        - from: us-east
          to: us-west
    outlierDetection:
      consecutive5xxErrors: 5
      splitExternalLocalOriginErrors: true
      consecutiveLocalOriginFailures: 3
      maxEjectionPercent: 50
    tls:
      mode: SIMPLE
      credentialName: reviews-cert
    portLevelSettings:
    - port:
        number: 9080
      tls:
        mode: ISTIO_MUTUAL
  subsets:
  - name: v1
    labels:
      version: v1
      app.kubernetes.io/name: reviews
  exportTo:
  - "."
`);
});

test('host, load balancer, consistent hash, locality, outlier detection, client TLS, connection pool, subsets, exportTo', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews.*
  trafficPolicy:
    loadBalancer:
      consistentHash:
        httpCookie:
          ttl: 10s
        maglev:
          tableSize: 1000
      localityLbSetting:
        distribute:
        - from: us-west/zone1/*
          to:
            "us-west/zone1/*": 60
            "us-west/zone2/*": 30
        failover:
        - from: us-west
          to: us-west
    outlierDetection:
      consecutiveErrors: 5
      consecutiveLocalOriginFailures: 3
      maxEjectionPercent: 120
      interval: 1.0001s
    tls:
      mode: MUTUAL
      caCertificates: /etc/ca.pem
    connectionPool:
      http:
        h2UpgradePolicy: UPGRADE
        useClientProtocol: true
        maxRetries: -1
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v1
    labels:
      version: "bad value!"
  - name: V_2
    trafficPolicy: {}
  exportTo:
  - "*"
  - shop
`), [
    'IST0106 6:8-6:17 Schema validation error: spec.host: domain name "*" invalid (label "*" invalid)',
    'IST0106 27:16-27:23 Schema validation error: spec.trafficPolicy.outlierDetection.interval: only durations to ms precision are supported',
    'IST0133 24:6-24:23 Schema validation warning: spec.trafficPolicy.outlierDetection.consecutiveErrors: outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead',
    'IST0106 25:38-25:39 Schema validation error: spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures: outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false',
    'IST0106 26:26-26:29 Schema validation error: spec.trafficPolicy.outlierDetection.maxEjectionPercent: percentage 120 is not in range 0..100',
    'IST0106 35:20-35:22 Schema validation error: spec.trafficPolicy.connectionPool.http.maxRetries: max retries must be non-negative',
    'IST0106 34:27-34:31 Schema validation error: spec.trafficPolicy.connectionPool.http.useClientProtocol: use client protocol must not be true when H2UpgradePolicy is UPGRADE',
    'IST0106 10:8-10:18 Schema validation error: spec.trafficPolicy.loadBalancer.consistentHash.httpCookie: name required for HttpCookie',
    'IST0106 13:21-13:25 Schema validation error: spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize: tableSize must be a prime number for maglev',
    'IST0106 14:6-14:23 Schema validation error: spec.trafficPolicy.loadBalancer.localityLbSetting: can not simultaneously specify \'distribute\' and \'failover\'',
    'IST0106 29:12-29:18 Schema validation error: spec.trafficPolicy.tls.mode: client certificate required for mutual tls',
    'IST0106 29:12-29:18 Schema validation error: spec.trafficPolicy.tls.mode: private key required for mutual tls',
    'IST0106 40:10-40:12 Schema validation error: spec.subsets[1].name: duplicate subset names: v1',
    'IST0106 42:15-42:27 Schema validation error: spec.subsets[1].labels.version: invalid tag value: "bad value!"',
    'IST0106 43:10-43:13 Schema validation error: spec.subsets[2].name: subset name is invalid: V_2',
    'IST0106 44:4-44:17 Schema validation error: spec.subsets[2].trafficPolicy: traffic policy must have at least one field',
    'IST0106 45:2-45:10 Schema validation error: spec.exportTo: cannot have both public (*) and non-public exportTo values for a resource',
  ]);
});

test('credentialName with certificates, tunnel settings, empty port policy, selector rules with exportTo', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: tls
  namespace: shop
spec:
  host: api.example.com
  workloadSelector:
    matchLabels: {}
  trafficPolicy:
    tls:
      mode: SIMPLE
      credentialName: cred
      caCertificates: /etc/ca.pem
    tunnel:
      protocol: PUT
      targetHost: not a host
      targetPort: 8080
    portLevelSettings:
    - port:
        number: 443
  exportTo:
  - other
`), [
    'IST0106 12:22-12:26 Schema validation error: spec.trafficPolicy.tls.credentialName: cannot specify client certificates or CA certificate or CA CRL If credentialName is set',
    'IST0106 19:6-19:10 Schema validation error: spec.trafficPolicy.portLevelSettings[0]: port traffic policy must have at least one field',
    'IST0106 15:16-15:19 Schema validation error: spec.trafficPolicy.tunnel.protocol: tunnel protocol must be "CONNECT" or "POST"',
    'IST0106 16:18-16:28 Schema validation error: spec.trafficPolicy.tunnel.targetHost: tunnel target host must be valid FQDN or IP address: domain name "not a host" invalid (label "not a host" invalid); not a host is not a valid IP',
    'IST0106 21:2-21:10 Schema validation error: spec.exportTo: destination rule with workload selector cannot have exportTo beyond current namespace',
    'IST0133 7:2-7:18 Schema validation warning: spec.workloadSelector: workload selector specified without labels',
  ]);
});

test('locality: distribute weights and overlaps, failover regions, topology failoverPriority, failover without outlier detection', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: locality
spec:
  host: a.example.com
  trafficPolicy:
    loadBalancer:
      localityLbSetting:
        distribute:
        - from: us-west/*
          to:
            "us-west/*": 60
            "us-east/*": 30
        - from: us-west/zone1
          to:
            "us-west/*": 100
  subsets:
  - name: v1
    trafficPolicy:
      loadBalancer:
        localityLbSetting:
          failover:
          - from: us-east
            to: eu/west
          failoverPriority:
          - topology.istio.io/network
  - name: v2
    trafficPolicy:
      loadBalancer:
        localityLbSetting:
          failover:
          - from: us-east
            to: us-west
          failoverPriority:
          - topology.kubernetes.io/region
`), [
    'IST0106 11:10-11:12 Schema validation error: spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to: total locality weight 90 != 100',
    'IST0133 21:8-21:25 Schema validation warning: spec.subsets[0].trafficPolicy.loadBalancer.localityLbSetting: outlier detection policy must be provided for failover',
    'IST0106 23:12-23:16 Schema validation error: spec.subsets[0].trafficPolicy.loadBalancer.localityLbSetting.failover[0]: locality lb failover only specify region',
    'IST0106 35:12-35:41 Schema validation error: spec.subsets[1].trafficPolicy.loadBalancer.localityLbSetting.failoverPriority[0]: can not simultaneously set \'failover\' and topology label \'topology.kubernetes.io/region\' in \'failover_priority\'',
  ]);
});
