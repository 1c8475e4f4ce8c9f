import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, check } from './helpers';

test('well-formed Telemetry, WasmPlugin and ProxyConfig have no findings', () => {
  assertClean(`apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: ok
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  tracing:
  - providers:
    - name: otel
    randomSamplingPercentage: 10
  metrics:
  - providers:
    - name: prometheus
    overrides:
    - match:
        metric: REQUEST_COUNT
      tagOverrides:
        request_protocol:
          operation: REMOVE
---
apiVersion: extensions.istio.io/v1alpha1
kind: WasmPlugin
metadata:
  name: ok
  namespace: shop
spec:
  targetRefs:
  - kind: Gateway
    group: gateway.networking.k8s.io
    name: gw
  url: oci://ghcr.io/example/plugin:1.0
---
apiVersion: networking.istio.io/v1beta1
kind: ProxyConfig
metadata:
  name: ok
  namespace: shop
spec:
  concurrency: 2
`);
});

test('Telemetry providers and tracing, EnvoyFilter patches and matches, ProxyConfig selector, WasmPlugin env names', () => {
  assert.deepEqual(check(`apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: mesh-default
  namespace: istio-system
spec:
  tracing:
  - providers:
    - name: otel
    - name: zipkin
    randomSamplingPercentage: -1
    customTags:
      env:
        literal: {}
  - providers:
    - name: otel
  accessLogging:
  - providers:
    - {}
  targetRef:
    kind: Pod
    name: web
---
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: ef
  namespace: shop
spec:
  workloadSelector:
    labels:
      "*app": web
  configPatches:
  - applyTo: HTTP_FILTER
    match:
      context: SIDECAR_INBOUND
      proxy:
        proxyVersion: "^1\\.2(?=0)"
  - applyTo: CLUSTER
    patch:
      operation: MERGE
  - applyTo: HTTP_FILTER
    match:
      cluster:
        service: a.example.com
    patch:
      operation: INSERT_BEFORE
      value:
        name: my-filter
  - applyTo: NETWORK_FILTER
    match:
      listener:
        filterChain:
          filter:
            name: envoy.tcp_proxy
            subFilter:
              name: envoy.router
    patch:
      operation: REMOVE
---
apiVersion: networking.istio.io/v1beta1
kind: ProxyConfig
metadata:
  name: pc
  namespace: shop
spec:
  selector: {}
---
apiVersion: extensions.istio.io/v1alpha1
kind: WasmPlugin
metadata:
  name: wp
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  url: oci://ghcr.io/example/plugin:1.0
  vmConfig:
    env:
    - name: MODE
      value: a
    - name: MODE
      value: b
`), [
    'IST0106 20:10-20:13 Schema validation error: spec.targetRef.kind: targetRef must be to one of [core/Service networking.istio.io/ServiceEntry gateway.networking.k8s.io/Gateway] but was /Pod',
    'IST0133 6:2-6:9 Schema validation warning: spec.tracing: multiple tracing is not currently supported',
    'IST0133 7:4-7:13 Schema validation warning: spec.tracing[0].providers: multiple providers is not currently supported',
    'IST0106 13:8-13:15 Schema validation error: spec.tracing[0].customTags.env.literal: literal tag value may not be empty',
    'IST0106 18:6-18:8 Schema validation error: spec.accessLogging[0].providers[0]: providers.name may not be empty',
    'IST0133 24:0-24:4 Schema validation warning: EnvoyFilter exposes internal implementation details that may change at any time. Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.',
    'IST0106 31:6-31:12 Schema validation error: spec.workloadSelector.labels["*app"]: wildcard is not supported in selector: "*app=web"',
    'IST0106 33:4-33:11 Schema validation error: spec.configPatches[0]: Envoy filter: missing patch',
    'IST0106 39:4-39:9 Schema validation error: spec.configPatches[1].patch: Envoy filter: missing patch value for non-remove operation',
    'IST0106 42:4-42:9 Schema validation error: spec.configPatches[2].match: Envoy filter: applyTo for listener class objects cannot have non listener match',
    'IST0106 55:12-55:21 Schema validation error: spec.configPatches[3].match.listener.filterChain.filter.subFilter: Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only',
    'IST0133 66:2-66:10 Schema validation warning: spec.selector: workload selector specified without labels',
    'IST0106 82:12-82:16 Schema validation error: spec.vmConfig.env[1].name: duplicate env name: MODE',
  ]);
});
