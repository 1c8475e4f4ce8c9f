import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, check } from './helpers';

test('well-formed AuthorizationPolicies (ALLOW with conditions, allow-nothing) have no findings', () => {
  assertClean(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ok
  namespace: shop
spec:
  selector:
    matchLabels:
      app: reviews
  action: ALLOW
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/shop/sa/web"]
        namespaces: ["shop"]
        ipBlocks: ["10.0.0.0/8"]
    to:
    - operation:
        methods: ["GET"]
        paths: ["/api/*", "*/info", "/v1/{*}/items"]
        ports: ["8080"]
    when:
    - key: request.auth.claims[iss]
      values: ["https://accounts.example.com"]
    - key: source.ip
      notValues: ["192.168.0.0/16"]
    - key: destination.port
      values: ["9080"]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-all
  namespace: shop
spec: {}
`);
});

test('AuthorizationPolicy: dry-run value, provider without CUSTOM, IPs, empty values, paths, ports, condition keys, empty from/operation, DENY on HTTP-only rules, CUSTOM limits, targetRef kinds', () => {
  assert.deepEqual(check(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: bad
  namespace: shop
  annotations:
    istio.io/dry-run: "maybe"
spec:
  action: DENY
  provider:
    name: ext-authz
  rules:
  - from:
    - source:
        ipBlocks: ["10.0.0.300", "10.0.0.0/40"]
        principals: [""]
    to:
    - operation:
        paths: ["/api/*/items", "/x/{*}/{name}"]
        ports: ["http"]
    when:
    - key: request.auth.claims
      values: ["x"]
    - key: source.user
      values: ["x"]
    - key: destination.port
      values: ["70000"]
    - key: request.headers[x-id]
  - to:
    - operation:
        methods: ["GET"]
  - from: []
    to:
    - operation: {}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: custom
  namespace: shop
spec:
  action: CUSTOM
  rules:
  - from:
    - source:
        principals: ["*"]
    when:
    - key: request.auth.claims[group]
      values: ["a"]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-norules
  namespace: shop
spec:
  action: DENY
  targetRefs:
  - kind: Deployment
    group: apps
    name: web
`), [
    'IST0106 6:22-6:29 Schema validation error: metadata.annotations["istio.io/dry-run"]: shop/bad has annotation istio.io/dry-run with invalid value (maybe): strconv.ParseBool: parsing "maybe": invalid syntax',
    'IST0106 9:2-9:10 Schema validation error: spec.provider: `provider` must not be with non CUSTOM action, found DENY',
    'IST0106 14:19-14:31 Schema validation error: spec.rules[0].from[0].source.ipBlocks[0]: bad IP address (10.0.0.300)',
    'IST0106 14:33-14:46 Schema validation error: spec.rules[0].from[0].source.ipBlocks[1]: bad CIDR range (10.0.0.0/40): netip.ParsePrefix("10.0.0.0/40"): invalid prefix',
    'IST0106 15:21-15:23 Schema validation error: spec.rules[0].from[0].source.principals[0]: empty value not allowed, found in Principals',
    'IST0106 19:16-19:22 Schema validation error: spec.rules[0].to[0].operation.ports[0]: bad port (http): strconv.ParseUint: parsing "http": invalid syntax',
    'HM6001 18:16-18:30 spec.rules[0].to[0].operation.paths[0]: "/api/*/items" has a `*` that is neither a prefix nor a suffix: it is matched literally, not as a wildcard',
    'IST0106 18:32-18:47 Schema validation error: spec.rules[0].to[0].operation.paths[1]: invalid or unsupported path template, found in Paths',
    'IST0106 21:11-21:30 Schema validation error: spec.rules[0].when[0].key: invalid `value` for `key` request.auth.claims: bad key (request.auth.claims): should have format a[b]',
    'IST0106 23:11-23:22 Schema validation error: spec.rules[0].when[1].key: invalid `value` for `key` source.user: unknown attribute: source.user',
    'IST0106 26:6-26:12 Schema validation error: spec.rules[0].when[2].values: invalid `value` for `key` destination.port: bad port (70000): <nil>',
    'IST0106 27:11-27:32 Schema validation error: spec.rules[0].when[3].key: at least one of `values` or `notValues` must be set for key request.headers[x-id]',
    'IST0133 28:4-28:6 Schema validation warning: spec.rules[1]: configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port',
    'IST0106 31:4-31:8 Schema validation error: spec.rules[2].from: `from` must not be empty',
    'IST0106 33:6-33:15 Schema validation error: spec.rules[2].to[0].operation: `to.operation` must not be empty',
    'IST0133 31:4-31:8 Schema validation warning: spec.rules[2]: configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port',
    'IST0106 41:2-41:8 Schema validation error: spec.action: `provider.name` must not be empty',
    'IST0106 45:8-45:18 Schema validation error: spec.rules[0].from[0].source.principals: From.Principals is currently not supported with CUSTOM action',
    'IST0106 47:11-47:37 Schema validation error: spec.rules[0].when[0].key: request.auth.claims[group] is currently not supported with CUSTOM action',
    'IST0106 58:10-58:20 Schema validation error: spec.targetRefs[0].kind: targetRef must be to one of [core/Service networking.istio.io/ServiceEntry gateway.networking.k8s.io/Gateway] but was apps/Deployment',
    'IST0106 56:10-56:14 Schema validation error: spec.action: DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request',
  ]);
});

test('RequestAuthentication JWT rules and PeerAuthentication port-level mTLS', () => {
  assert.deepEqual(check(`apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: jwt
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  jwtRules:
  - issuer: https://accounts.example.com
    jwksUri: https://accounts.example.com/.well-known/jwks.json
    fromHeaders:
    - name: Authorization
      prefix: "Bearer "
  - issuer: issuer-2
    jwks: '{"keys":[{"kty":"RSA","e":"AQAB","n":"abc"}]}'
---
apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: bad
  namespace: shop
spec:
  selector: {}
  jwtRules:
  - jwksUri: https://accounts.example.com:https/jwks
    jwks: '{not json'
    timeout: 1.0001s
    fromHeaders:
    - prefix: "Bearer "
    outputClaimToHeaders:
    - claim: sub
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: pa
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  portLevelMtls: {}
`), [
    'IST0133 24:2-24:10 Schema validation warning: spec.selector: workload selector specified without labels',
    'IST0106 26:4-26:11 Schema validation error: spec.jwtRules[0]: issuer must be set',
    'IST0106 26:13-26:52 Schema validation error: spec.jwtRules[0].jwksUri: parse "https://accounts.example.com:https/jwks": invalid port ":https" after host',
    'IST0106 27:10-27:21 Schema validation error: spec.jwtRules[0].jwks: jwks parse error: the value is not valid JSON',
    'IST0106 28:13-28:20 Schema validation error: spec.jwtRules[0].timeout: only durations to ms precision are supported',
    'IST0106 43:2-43:15 Schema validation error: spec.portLevelMtls: port level mTLS, if defined, must have at least one element',
  ]);
});
