import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, check } from './helpers';

test('a well-formed VirtualService has no admission findings', () => {
  assertClean(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts:
  - reviews.shop.svc.cluster.local
  - "*.example.com"
  gateways:
  - istio-system/public-gw
  http:
  - match:
    - uri:
        regex: "^/api/v[0-9]+/.*"
      headers:
        "@request.auth.claims.group":
          exact: admin
    route:
    - destination:
        host: reviews
        subset: v1
      weight: 90
    - destination:
        host: reviews
        subset: v2
      weight: 10
    retries:
      attempts: 3
      perTryTimeout: 2s
      retryOn: gateway-error,connect-failure,503
    fault:
      delay:
        fixedDelay: 5s
        percentage:
          value: 10
    mirror:
      host: reviews
      subset: v3
    mirrorPercentage:
      value: 50
    timeout: 10s
    headers:
      request:
        set:
          x-env: prod
          ":authority": reviews.internal
    corsPolicy:
      allowOrigins:
      - exact: https://example.com
      - regex: "https://.*[.]example[.]com"
      allowMethods: [GET, POST]
      maxAge: 24h
`);
});

test('hosts, gateway names, regexes, weights, retries, fault, mirror, pseudo-headers, CORS origins, exportTo', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts:
  - reviews.shop.svc.cluster.local
  - example.*
  gateways:
  - istio-system/public_gw
  - mesh
  http:
  - match:
    - uri:
        regex: "^/api/(?!internal)"
      headers:
        x-user:
          regex: "[a-z"
    route:
    - destination:
        host: reviews
        subset: v1
      weight: -10
    - destination:
        host: reviews
        subset: V_2
      weight: 10
    retries:
      attempts: 3
      perTryTimeout: 1.0005s
      retryOn: 5xx,gateway-eror
    fault:
      abort:
        percentage:
          value: 150
        httpStatus: 503
    mirrorPercentage:
      value: 101
    headers:
      request:
        set:
          ":path": /x
        remove:
        - host
    corsPolicy:
      allowOrigins:
      - exact: ""
      - regex: "(?<=a)"
  - route:
    - destination:
        host: ratings
      weight: 0
    - destination:
        host: ratings
        subset: v2
      weight: 0
  exportTo:
  - "."
  - Bad_NS!
`), [
    'IST0106 10:4-10:26 Schema validation error: spec.gateways[0]: invalid value for gateway name: "public_gw"',
    'IST0106 8:4-8:13 Schema validation error: spec.hosts[1]: domain name "*" invalid (label "*" invalid)',
    'IST0106 15:15-15:35 Schema validation error: spec.http[0].match[0].uri.regex: "uri": error parsing regexp: invalid or unsupported Perl syntax: `(?!`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)',
    'IST0106 18:17-18:23 Schema validation error: spec.http[0].match[0].headers.x-user.regex: "headers": error parsing regexp: missing closing ]: `[a-z`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)',
    'IST0106 42:10-42:17 Schema validation error: spec.http[0].headers.request.set[":path"]: invalid header ":path": header cannot have ":" prefix',
    'IST0106 44:10-44:14 Schema validation error: spec.http[0].headers.request.remove[0]: invalid header "host": cannot set Host header',
    'IST0106 47:15-47:17 Schema validation error: spec.http[0].corsPolicy.allowOrigins[0].exact: \'\' is not a valid match type for CORS allow origins',
    'IST0106 48:15-48:23 Schema validation error: spec.http[0].corsPolicy.allowOrigins[1].regex: "corsPolicy.allowOrigins": error parsing regexp: invalid named capture: `(?<=a)`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)',
    'IST0106 35:17-35:20 Schema validation error: spec.http[0].fault.abort.percentage.value: percentage 150 is neither 0.0, nor in range [0.0001, 100.0]',
    'IST0106 38:13-38:16 Schema validation error: spec.http[0].mirrorPercentage.value: mirror_percentage must have a max value of 100 (it has 101.000000)',
    'IST0106 30:21-30:28 Schema validation error: spec.http[0].retries.perTryTimeout: only durations to ms precision are supported',
    'IST0106 31:15-31:31 Schema validation error: spec.http[0].retries.retryOn: "gateway-eror" is not a valid retryOn policy',
    'IST0106 23:14-23:17 Schema validation error: spec.http[0].route[0].weight: weight -10 < 0',
    'IST0106 26:16-26:19 Schema validation error: spec.http[0].route[1].destination.subset: subset name is invalid: V_2',
    'IST0106 19:4-19:9 Schema validation error: spec.http[0].route: total destination weight = 0',
    'IST0106 49:4-49:9 Schema validation error: spec.http[1].route: total destination weight = 0',
    'IST0106 59:4-59:11 Schema validation error: spec.exportTo[1]: only .,*, or a valid DNS 1123 label is allowed as exportTo entry',
  ]);
});

test('legacy gateway names, duplicate hosts, redirect conflicts, root and delegate rules, rewrite, timeouts', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: edge
spec:
  hosts:
  - "*"
  - a.example.com
  gateways:
  - bookinfo-gateway.istio-system.svc.cluster.local
  http:
  - match:
    - headers:
        "@request.auth.claims.group":
          exact: admin
    redirect:
      uri: /new
      redirectCode: 200
    route:
    - destination:
        host: "*"
  - delegate:
      name: child
    route:
    - destination:
        host: x.example.com
  - route:
    - destination:
        host: x.example.com
    timeout: 1.5005s
    retries:
      retryOn: 5xx
    fault:
      delay:
        fixedDelay: 5s
        percentage:
          value: 0.00001
      abort:
        grpcStatus: NOT_A_STATUS
    rewrite:
      uri: /x
      uriRegexRewrite:
        match: "a"
        rewrite: b
  tls:
  - match:
    - sniHosts:
      - other.example.org
    route:
    - destination:
        host: x.example.com
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: child
spec:
  gateways:
  - mesh
  http:
  - match:
    - uri:
        regex: "^/a"
    route:
    - destination:
        host: x.example.com
  tcp:
  - route:
    - destination:
        host: x.example.com
`), [
    'IST0133 9:4-9:51 Schema validation warning: spec.gateways[0]: using legacy gatewayName format "bookinfo-gateway.istio-system.svc.cluster.local"; prefer the <namespace>/<name> format: "istio-system/bookinfo-gateway"',
    'IST0106 7:4-7:17 Schema validation error: spec.hosts[1]: duplicate hosts in virtual service: * & a.example.com',
    'IST0106 15:4-15:12 Schema validation error: spec.http[0].redirect: HTTP route cannot contain both route and redirect',
    'IST0106 17:20-17:23 Schema validation error: spec.http[0].redirect.redirectCode: 200 is not a valid redirect code, must be 3xx',
    'IST0106 20:14-20:17 Schema validation error: spec.http[0].route[0].destination.host: invalid destination host *',
    'IST0106 23:4-23:9 Schema validation error: spec.http[1].route: root HTTP route  must not specify route',
    'IST0106 38:20-38:32 Schema validation error: spec.http[2].fault.abort.grpcStatus: gRPC status "NOT_A_STATUS" is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example \'NOT_FOUND\'',
    'IST0106 36:17-36:24 Schema validation error: spec.http[2].fault.delay.percentage.value: percentage 0.00001 is neither 0.0, nor in range [0.0001, 100.0]',
    'IST0106 30:4-30:11 Schema validation error: spec.http[2].retries: http retry policy configured when attempts are set to 0 (disabled)',
    'IST0106 39:4-39:11 Schema validation error: spec.http[2].rewrite: rewrite may only contain one of URI or UriRegexRewrite',
    'IST0106 29:13-29:20 Schema validation error: spec.http[2].timeout: only durations to ms precision are supported',
    'IST0106 57:2-57:10 Schema validation error: spec.gateways: delegate virtual service must have no gateways specified',
    'IST0106 66:2-66:5 Schema validation error: spec.tcp: delegate virtual service must have no tcp route specified',
    'IST0106 62:15-62:20 Schema validation error: spec.http[0].match[0].uri.regex: url match does not support regex match for delegating',
  ]);
});

test('mesh-bound VirtualService: wildcard host, JWT-claim routing, SNI subset, TCP subnets, authority set twice', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: mesh-vs
spec:
  hosts:
  - "*"
  - db.example.com
  http:
  - match:
    - headers:
        "@request.auth.claims.group":
          exact: admin
      sourceNamespace: Not_A_Label
      port: 70000
    rewrite:
      authority: a.example.com
    headers:
      request:
        set:
          host: b.example.com
    route:
    - destination:
        host: db.example.com
        port:
          number: 0
  tls:
  - match:
    - sniHosts:
      - api.other.org
      - 10.1.2.3
    route:
    - destination:
        host: db.example.com
  tcp:
  - match:
    - destinationSubnets:
      - 10.0.0.0/33
    route:
    - destination:
        host: db.example.com
`), [
    'IST0106 11:8-11:36 Schema validation error: spec.http[0].match[0].headers["@request.auth.claims.group"]: JWT claim based routing (key: @request.auth.claims.group) is only supported for gateway, found no gateways: []',
    'IST0106 6:4-6:7 Schema validation error: spec.hosts[0]: wildcard host * is not allowed for virtual services bound to the mesh gateway',
    'IST0106 14:12-14:17 Schema validation error: spec.http[0].match[0].port: port number 70000 must be in the range 1..65535',
    'IST0106 13:23-13:34 Schema validation error: spec.http[0].match[0].sourceNamespace: sourceNamespace match Not_A_Label is invalid',
    'IST0106 20:10-20:14 Schema validation error: spec.http[0].headers.request.set.host: authority header cannot be set multiple times: have "a.example.com", attempting to set "b.example.com"',
    'IST0106 25:18-25:19 Schema validation error: spec.http[0].route[0].destination.port.number: port number 0 must be in the range 1..65535',
    'IST0133 30:8-30:16 Schema validation warning: spec.tls[0].match[0].sniHosts[1]: using an IP address ("10.1.2.3") goes against SNI spec and most clients do not support this',
    'IST0106 37:8-37:19 Schema validation error: spec.tcp[0].match[0].destinationSubnets[0]: 10.0.0.0/33 is not a valid CIDR block',
  ]);
});

test('fault without delay or abort, mirrors, CORS maxAge/methods/headers, exponential delay, direct response status, prefix redirect, response pseudo-headers, header values', () => {
  assert.deepEqual(check(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: more
spec:
  hosts:
  - a.example.com
  http:
  - fault: {}
    route:
    - destination:
        host: a.example.com
    mirrors:
    - destination:
        host: m.example.com
      percentage:
        value: 120
    - percentage:
        value: 5
    corsPolicy:
      maxAge: 1500ms
      allowMethods: [GET, FETCH]
      allowHeaders: ["x-ok", "bad header"]
  - fault:
      delay:
        exponentialDelay: 1s
      abort:
        percentage:
          value: 5
    directResponse:
      status: 700
  - redirect:
      prefixRewrite: /v2
  - route:
    - destination:
        host: a.example.com
      headers:
        response:
          set:
            ":status": "200"
          add:
            x-pct: "100%"
`), [
    'IST0106 21:26-21:31 Schema validation error: spec.http[0].corsPolicy.allowMethods[1]: "FETCH" is not a supported HTTP method',
    'IST0106 22:29-22:41 Schema validation error: spec.http[0].corsPolicy.allowHeaders[1]: header name bad header is not a valid header name',
    'IST0106 20:14-20:20 Schema validation error: spec.http[0].corsPolicy.maxAge: max_age duration is accurate only to seconds precision',
    'IST0106 8:4-8:9 Schema validation error: spec.http[0].fault: HTTP fault injection must have an abort and/or a delay',
    'IST0106 16:15-16:18 Schema validation error: spec.http[0].mirrors[0].percentage.value: mirror percentage must have a max value of 100 (it has 120.000000)',
    'IST0106 17:6-17:16 Schema validation error: spec.http[0].mirrors[1]: destination is required for mirrors',
    'IST0133 26:6-26:11 Schema validation warning: spec.http[1].fault.abort: abort configured, but error type not set',
    'IST0106 25:8-25:24 Schema validation error: spec.http[1].fault.delay.exponentialDelay: exponentialDelay not supported yet',
    'IST0106 30:14-30:17 Schema validation error: spec.http[1].directResponse.status: HTTP status 700 is not in range 200-599',
    'IST0106 39:12-39:21 Schema validation error: spec.http[3].route[0].headers.response.set[":status"]: invalid header ":status": header cannot have ":" prefix',
    'IST0106 41:19-41:25 Schema validation error: spec.http[3].route[0].headers.response.add.x-pct: header value configuration: invalid header configuration. Un-terminated variable expression \'%\'',
  ]);
});
