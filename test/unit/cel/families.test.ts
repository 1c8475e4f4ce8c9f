// One passing and one failing object per CEL rule family of the Istio CRDs, written from the
// rules themselves. Each case lists every violation it must produce, exactly (path as kubectl
// prints it, message, reason); a case with none must produce none. A final check asserts that
// every distinct rule of the schemas failed in at least one case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCelRules, type CelViolation } from '../../../server/src/core/cel/evaluate';
import { loadSchema, ruleSites } from './rules';

type Expect = [pathText: string, message: string, reason?: CelViolation['reason']];
interface Case { name: string; kind: string; spec: Record<string, unknown>; expect: Expect[] }

const ML = (labels: Record<string, string>) => ({ matchLabels: labels });
const PORT = 'port must be between 1-65535';
const DUR = 'must be a valid duration greater than 1ms';
const WASM_URL = 'url must have schema one of [http, https, file, oci]';
const SELECTOR3 = 'only one of targetRefs or selector can be set';
const XNS = 'cross namespace referencing is not currently supported';
const UDS_PORTS = 'UDS may not include ports';

const cases: Case[] = [
  // TrafficExtension
  { name: 'wasm only', kind: 'extensions.istio.io/v1alpha1/TrafficExtension', spec: { wasm: { url: 'oci://ghcr.io/acme/filter:v1' }, selector: ML({ app: 'cart' }) }, expect: [] },
  { name: 'wasm and lua', kind: 'extensions.istio.io/v1alpha1/TrafficExtension', spec: { wasm: { url: 'https://x.io/f.wasm' }, lua: { inlineCode: 'x' } }, expect: [['spec', 'exactly one of wasm or lua must be set']] },
  { name: 'neither wasm nor lua', kind: 'extensions.istio.io/v1alpha1/TrafficExtension', spec: {}, expect: [['spec', 'exactly one of wasm or lua must be set']] },
  { name: 'selector and targetRefs', kind: 'extensions.istio.io/v1alpha1/TrafficExtension', spec: { lua: { inlineCode: 'x' }, selector: ML({ a: 'b' }), targetRefs: [{ kind: 'Gateway', name: 'gw' }] }, expect: [['spec', SELECTOR3]] },
  { name: 'targetRefs namespace', kind: 'extensions.istio.io/v1alpha1/TrafficExtension', spec: { lua: { inlineCode: 'x' }, targetRefs: [{ kind: 'Gateway', name: 'gw', namespace: 'other' }] }, expect: [['spec.targetRefs[0].namespace', XNS]] },
  { name: 'empty targetRefs namespace', kind: 'extensions.istio.io/v1alpha1/TrafficExtension', spec: { lua: { inlineCode: 'x' }, targetRefs: [{ kind: 'Gateway', name: 'gw', namespace: '' }] }, expect: [] },
  { name: 'wasm ftp url', kind: 'extensions.istio.io/v1alpha1/TrafficExtension', spec: { wasm: { url: 'ftp://x.io/f.wasm' } }, expect: [['spec.wasm.url', WASM_URL]] },
  { name: 'env HOST with value', kind: 'extensions.istio.io/v1alpha1/TrafficExtension', spec: { wasm: { url: 'file:///f.wasm', vmConfig: { env: [{ name: 'A', valueFrom: 'INLINE', value: 'x' }, { name: 'B', valueFrom: 'HOST', value: 'y' }] } } }, expect: [['spec.wasm.vmConfig.env[1]', 'value may only be set when valueFrom is INLINE']] },
  // WasmPlugin
  { name: 'registry url without scheme', kind: 'extensions.istio.io/v1alpha1/WasmPlugin', spec: { url: 'ghcr.io/acme/filter:v1', selector: ML({ app: 'cart' }) }, expect: [] },
  { name: 'host:port url parses as scheme', kind: 'extensions.istio.io/v1alpha1/WasmPlugin', spec: { url: 'localhost:5000/filter' }, expect: [['spec.url', WASM_URL]] },
  { name: 'selector, targetRef and targetRefs', kind: 'extensions.istio.io/v1alpha1/WasmPlugin', spec: { url: 'oci://r/f', selector: ML({ a: 'b' }), targetRef: { kind: 'Gateway', name: 'g' }, targetRefs: [{ kind: 'Gateway', name: 'g' }] }, expect: [['spec', SELECTOR3]] },
  { name: 'label key empty, wildcard key and value', kind: 'extensions.istio.io/v1alpha1/WasmPlugin', spec: { url: 'oci://r/f', selector: ML({ '': 'x', 'app*': 'y', tier: 'w*' }) }, expect: [['spec.selector.matchLabels', 'wildcard not allowed in label key match'], ['spec.selector.matchLabels', 'key must not be empty'], ['spec.selector.matchLabels[tier]', 'wildcard not allowed in label value match']] },
  { name: 'targetRef namespace', kind: 'extensions.istio.io/v1alpha1/WasmPlugin', spec: { url: 'oci://r/f', targetRef: { kind: 'Gateway', name: 'g', namespace: 'x' } }, expect: [['spec.targetRef.namespace', XNS]] },
  // DestinationRule durations and selector
  { name: 'durations at least 1ms', kind: 'networking.istio.io/v1/DestinationRule', spec: { host: 'cart', trafficPolicy: { connectionPool: { tcp: { connectTimeout: '1ms', tcpKeepalive: { time: '1h30m' } } } }, subsets: [{ name: 'vm', trafficPolicy: { connectionPool: { http: { idleTimeout: '0.5s' } } } }] }, expect: [] },
  { name: 'durations under 1ms', kind: 'networking.istio.io/v1/DestinationRule', spec: { host: 'cart', trafficPolicy: { connectionPool: { tcp: { connectTimeout: '500us' } } }, subsets: [{ name: 'vm', trafficPolicy: { connectionPool: { http: { idleTimeout: '0s' } } } }] }, expect: [['spec.trafficPolicy.connectionPool.tcp.connectTimeout', DUR], ['spec.subsets[0].trafficPolicy.connectionPool.http.idleTimeout', DUR]] },
  { name: 'duration that does not parse', kind: 'networking.istio.io/v1/DestinationRule', spec: { host: 'cart', trafficPolicy: { connectionPool: { tcp: { connectTimeout: '10 seconds' } } } }, expect: [['spec.trafficPolicy.connectionPool.tcp.connectTimeout', `time: unknown unit " seconds" in duration "10 seconds" evaluating rule: ${DUR}`, 'runtime-error']] },
  { name: 'workloadSelector wildcard key', kind: 'networking.istio.io/v1/DestinationRule', spec: { host: 'cart', workloadSelector: ML({ '*': 'cart' }) }, expect: [['spec.workloadSelector.matchLabels', 'wildcard not allowed in label key match']] },
  // EnvoyFilter
  { name: 'waypoint match in WAYPOINT context', kind: 'networking.istio.io/v1alpha3/EnvoyFilter', spec: { workloadSelector: { labels: { app: 'cart' } }, configPatches: [{ match: { context: 'WAYPOINT', waypoint: { portNumber: 8080 } } }, { match: { context: 'SIDECAR_INBOUND' } }] }, expect: [] },
  { name: 'waypoint match elsewhere, WAYPOINT without match, bad port', kind: 'networking.istio.io/v1alpha3/EnvoyFilter', spec: { configPatches: [{ match: { context: 'SIDECAR_INBOUND', waypoint: {} } }, { match: { context: 'WAYPOINT' } }, { match: { waypoint: { portNumber: 70000 } } }] }, expect: [['spec.configPatches[0].match', 'only support waypointMatch when context is WAYPOINT'], ['spec.configPatches[1].match', 'only support waypointMatch when context is WAYPOINT'], ['spec.configPatches[2].match', 'only support waypointMatch when context is WAYPOINT'], ['spec.configPatches[2].match.waypoint.portNumber', PORT]] },
  { name: 'workloadSelector and targetRefs; wildcard label', kind: 'networking.istio.io/v1alpha3/EnvoyFilter', spec: { workloadSelector: { labels: { app: 'ca*' } }, targetRefs: [{ kind: 'Service', name: 's', namespace: 'n' }] }, expect: [['spec', 'only one of targetRefs or workloadSelector can be set'], ['spec.workloadSelector.labels[app]', 'wildcard is not supported in selector'], ['spec.targetRefs[0].namespace', XNS]] },
  // Gateway and Sidecar TLS credentials
  { name: 'one credential source', kind: 'networking.istio.io/v1/Gateway', spec: { servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*'], tls: { mode: 'SIMPLE', credentialName: 'cart-cert' } }] }, expect: [] },
  { name: 'credentialName and credentialNames', kind: 'networking.istio.io/v1/Gateway', spec: { servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*'], tls: { credentialName: 'a', credentialNames: ['b'] } }] }, expect: [['spec.servers[0].tls', 'only one of credentialName or credentialNames can be set']] },
  { name: 'credentialNames and tlsCertificates', kind: 'networking.istio.io/v1/Sidecar', spec: { ingress: [{ port: { number: 8443, name: 'https', protocol: 'HTTPS' }, tls: { credentialNames: ['b'], tlsCertificates: [{ certificateChain: '/c' }] } }] }, expect: [['spec.ingress[0].tls', 'only one of credentialNames or tlsCertificates can be set'], ['spec.ingress[0].tls', 'only one of credentialName or tlsCertificates can be set']] },
  { name: 'sidecar selector wildcard', kind: 'networking.istio.io/v1/Sidecar', spec: { workloadSelector: { labels: { app: '*' } } }, expect: [['spec.workloadSelector.labels[app]', 'wildcard is not supported in selector']] },
  // ServiceEntry
  { name: 'VM service by workloadSelector', kind: 'networking.istio.io/v1/ServiceEntry', spec: { hosts: ['cart.vm.internal'], ports: [{ number: 8080, name: 'http', protocol: 'HTTP', targetPort: 9080 }, { number: 8443, name: 'https' }], resolution: 'STATIC', workloadSelector: { labels: { app: 'cart' } } }, expect: [] },
  { name: 'static endpoints with named ports, UDS endpoints', kind: 'networking.istio.io/v1/ServiceEntry', spec: { hosts: ['db.internal'], addresses: ['10.1.0.0/16'], resolution: 'STATIC', endpoints: [{ address: '10.1.2.3', ports: { 'tcp-db': 5432 } }, { network: 'vm-net' }, { address: 'unix:///var/run/db.sock' }, { address: 'unix://@abstract' }] }, expect: [] },
  { name: 'endpoints and workloadSelector', kind: 'networking.istio.io/v1/ServiceEntry', spec: { hosts: ['a.io'], resolution: 'STATIC', endpoints: [{ address: '1.1.1.1' }], workloadSelector: { labels: { app: 'a' } } }, expect: [['spec', 'only one of WorkloadSelector or Endpoints can be set']] },
  { name: 'NONE resolution by default with endpoints', kind: 'networking.istio.io/v1/ServiceEntry', spec: { hosts: ['a.io'], endpoints: [{ address: '1.1.1.1' }] }, expect: [['spec', 'NONE mode cannot set endpoints']] },
  { name: 'CIDR with DNS resolution', kind: 'networking.istio.io/v1/ServiceEntry', spec: { hosts: ['a.io'], addresses: ['10.0.0.0/24'], resolution: 'DNS' }, expect: [['spec', 'CIDR addresses are allowed only for NONE/STATIC resolution types']] },
  { name: 'DNS_ROUND_ROBIN with two endpoints', kind: 'networking.istio.io/v1/ServiceEntry', spec: { hosts: ['a.io'], resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'a.io' }, { address: 'b.io' }] }, expect: [['spec', 'DNS_ROUND_ROBIN mode cannot have multiple endpoints']] },
  { name: 'wildcard host, duplicate and out-of-range ports', kind: 'networking.istio.io/v1/ServiceEntry', spec: { hosts: ['a.io', '*'], ports: [{ number: 80800, name: 'a', targetPort: 0 }, { number: 80, name: 'b' }, { number: 80, name: 'c' }] }, expect: [['spec.hosts[1]', 'hostname cannot be wildcard'], ['spec.ports', 'port number cannot be duplicated'], ['spec.ports[0].number', PORT], ['spec.ports[0].targetPort', PORT]] },
  { name: 'endpoint without address, UDS with ports, bad port names', kind: 'networking.istio.io/v1/ServiceEntry', spec: { hosts: ['a.io'], resolution: 'STATIC', endpoints: [{ ports: { http: 80 } }, { address: 'unix:///s.sock', ports: { http: 80 } }, { address: '1.2.3.4', ports: { http_x: 80, web: 0 } }] }, expect: [['spec.endpoints[0]', 'Address is required'], ['spec.endpoints[1]', UDS_PORTS], ['spec.endpoints[2].ports', 'port name must be valid'], ['spec.endpoints[2].ports[web]', PORT]] },
  { name: 'UDS relative, directory, and empty path', kind: 'networking.istio.io/v1/ServiceEntry', spec: { hosts: ['a.io'], resolution: 'STATIC', endpoints: [{ address: 'unix://run/s.sock' }, { address: 'unix:///var/run/' }, { address: 'unix://' }] }, expect: [['spec.endpoints[0].address', 'UDS must be an absolute path or abstract socket'], ['spec.endpoints[1].address', 'UDS may not be a dir'], ['spec.endpoints[2].address', 'UDS may not be a dir'], ['spec.endpoints[2].address', 'index out of range: 8 evaluating rule: UDS must be an absolute path or abstract socket', 'runtime-error']] },
  { name: 'workloadSelector wildcard label value', kind: 'networking.istio.io/v1/ServiceEntry', spec: { hosts: ['a.io'], workloadSelector: { labels: { app: 'c*' } } }, expect: [['spec.workloadSelector.labels[app]', 'wildcard is not supported in selector']] },
  // WorkloadEntry
  { name: 'VM by address with ports', kind: 'networking.istio.io/v1/WorkloadEntry', spec: { address: '10.0.0.5', ports: { http: 8080, 'grpc-web': 9090 }, labels: { app: 'cart' } }, expect: [] },
  { name: 'VM by network only', kind: 'networking.istio.io/v1/WorkloadEntry', spec: { network: 'vm-net' }, expect: [] },
  { name: 'no address', kind: 'networking.istio.io/v1/WorkloadEntry', spec: { labels: { app: 'cart' } }, expect: [['spec', 'Address is required']] },
  { name: 'UDS with ports, bad port', kind: 'networking.istio.io/v1/WorkloadEntry', spec: { address: 'unix:///s.sock', ports: { http: 70000 } }, expect: [['spec', UDS_PORTS], ['spec.ports[http]', PORT]] },
  { name: 'port names invalid and too long', kind: 'networking.istio.io/v1/WorkloadEntry', spec: { address: '10.0.0.5', ports: { 'Http-': 80 } }, expect: [['spec.ports', 'port name must be valid']] },
  { name: 'port name of 63 characters', kind: 'networking.istio.io/v1/WorkloadEntry', spec: { address: '10.0.0.5', ports: { ['p'.repeat(63)]: 80 } }, expect: [['spec.ports', 'port name must be valid']] },
  { name: 'port name of 62 characters', kind: 'networking.istio.io/v1/WorkloadEntry', spec: { address: '10.0.0.5', ports: { ['p'.repeat(62)]: 80 } }, expect: [] },
  // WorkloadGroup
  { name: 'template and probes', kind: 'networking.istio.io/v1/WorkloadGroup', spec: { metadata: { labels: { app: 'cart' } }, template: { serviceAccount: 'cart', network: 'vm-net', ports: { http: 8080 } }, probe: { httpGet: { port: 8080, path: '/ready', scheme: 'HTTPS' } } }, expect: [] },
  { name: 'UDS template with ports, bad probe ports and scheme', kind: 'networking.istio.io/v1/WorkloadGroup', spec: { template: { address: 'unix:///s', ports: { http: 80 } }, probe: { httpGet: { port: 0, scheme: 'TCP' }, tcpSocket: { port: 65536 }, grpc: { port: 70000 } } }, expect: [['spec.template', UDS_PORTS], ['spec.probe.grpc.port', PORT], ['spec.probe.httpGet.port', PORT], ['spec.probe.httpGet.scheme', 'scheme must be one of [HTTP, HTTPS]'], ['spec.probe.tcpSocket.port', PORT]] },
  // AuthorizationPolicy
  { name: 'serviceAccounts alone; selector alone', kind: 'security.istio.io/v1/AuthorizationPolicy', spec: { selector: ML({ app: 'cart' }), rules: [{ from: [{ source: { serviceAccounts: ['shop/frontend'] } }, { source: { principals: ['cluster.local/ns/a/sa/b'], namespaces: ['a'] } }] }] }, expect: [] },
  { name: 'serviceAccounts with principals or namespaces', kind: 'security.istio.io/v1/AuthorizationPolicy', spec: { rules: [{ from: [{ source: { serviceAccounts: ['a/b'], principals: ['x'] } }, { source: { notServiceAccounts: ['a/b'], notNamespaces: ['c'] } }] }] }, expect: [['spec.rules[0].from[0].source', 'Cannot set serviceAccounts with namespaces or principals'], ['spec.rules[0].from[1].source', 'Cannot set serviceAccounts with namespaces or principals']] },
  { name: 'selector and targetRef; cross-namespace targetRefs', kind: 'security.istio.io/v1/AuthorizationPolicy', spec: { selector: ML({ app: 'a' }), targetRef: { kind: 'Gateway', name: 'g' }, targetRefs: [{ kind: 'Gateway', name: 'g', namespace: 'other' }] }, expect: [['spec', SELECTOR3], ['spec.targetRefs[0].namespace', XNS]] },
  // PeerAuthentication
  { name: 'port-level mTLS with a selector', kind: 'security.istio.io/v1/PeerAuthentication', spec: { selector: ML({ app: 'cart' }), mtls: { mode: 'STRICT' }, portLevelMtls: { '8080': { mode: 'PERMISSIVE' } } }, expect: [] },
  { name: 'port-level mTLS without selector labels', kind: 'security.istio.io/v1/PeerAuthentication', spec: { selector: { matchLabels: {} }, portLevelMtls: { '0': { mode: 'DISABLE' }, '65536': { mode: 'DISABLE' } } }, expect: [['spec', 'portLevelMtls requires selector'], ['spec.portLevelMtls', PORT]] },
  { name: 'port-level mTLS key not a number', kind: 'security.istio.io/v1/PeerAuthentication', spec: { selector: ML({ app: 'a' }), portLevelMtls: { http: { mode: 'DISABLE' } } }, expect: [['spec.portLevelMtls', `strconv.ParseInt: parsing "http": invalid syntax evaluating rule: ${PORT}`, 'runtime-error']] },
  // RequestAuthentication
  { name: 'jwksUri over https', kind: 'security.istio.io/v1/RequestAuthentication', spec: { jwtRules: [{ issuer: 'i', jwksUri: 'https://idp.example.com/keys' }, { issuer: 'j', jwks: '{}' }] }, expect: [] },
  { name: 'jwks and jwksUri; ftp; not a URL', kind: 'security.istio.io/v1/RequestAuthentication', spec: { jwtRules: [{ issuer: 'i', jwks: '{}', jwksUri: 'https://a/k' }, { issuer: 'j', jwks_uri: 'ftp://a/k' }, { issuer: 'k', jwksUri: 'idp.example.com/keys' }] }, expect: [['spec.jwtRules[0]', 'only one of jwks or jwksUri can be set'], ['spec.jwtRules[1].jwks_uri', 'url must have scheme http:// or https://'], ['spec.jwtRules[2].jwksUri', 'URL parse error during conversion from string: parse "idp.example.com/keys": invalid URI for request evaluating rule: url must have scheme http:// or https://', 'runtime-error']] },
  // Telemetry
  { name: 'tag overrides', kind: 'telemetry.istio.io/v1/Telemetry', spec: { selector: ML({ app: 'a' }), metrics: [{ overrides: [{ tagOverrides: { request_host: { operation: 'UPSERT', value: 'request.host' }, grpc_status: { operation: 'REMOVE' } } }] }] }, expect: [] },
  { name: 'UPSERT without value, REMOVE with value', kind: 'telemetry.istio.io/v1/Telemetry', spec: { metrics: [{ overrides: [{ tagOverrides: { a: { operation: 'UPSERT', value: '' }, b: { operation: 'REMOVE', value: 'x' }, c: { operation: 'UPSERT' } } }] }] }, expect: [['spec.metrics[0].overrides[0].tagOverrides[a]', 'value must be set when operation is UPSERT'], ['spec.metrics[0].overrides[0].tagOverrides[b]', 'value must not be set when operation is REMOVE'], ['spec.metrics[0].overrides[0].tagOverrides[c]', 'no such key: value evaluating rule: value must be set when operation is UPSERT', 'runtime-error']] },
  { name: 'telemetry selector and targetRefs (v1alpha1)', kind: 'telemetry.istio.io/v1alpha1/Telemetry', spec: { selector: ML({ a: 'b' }), targetRefs: [{ kind: 'Gateway', name: 'g' }] }, expect: [['spec', SELECTOR3]] },
  { name: 'ProxyConfig selector wildcard', kind: 'networking.istio.io/v1beta1/ProxyConfig', spec: { selector: ML({ app: 'a*' }) }, expect: [['spec.selector.matchLabels[app]', 'wildcard not allowed in label value match']] },
];

const failedRules = new Set<string>();
const key = (e: Expect) => `${e[0]} | ${e[1]} | ${e[2] ?? 'failed'}`;

for (const c of cases) {
  test(`${c.kind.split('/').pop()}: ${c.name}`, () => {
    const [group, version, kind] = c.kind.split('/');
    const schema = loadSchema(`${group}/${version}/${kind}.json`);
    const got = evaluateCelRules(schema, { apiVersion: `${group}/${version}`, kind, metadata: { name: 'x' }, spec: c.spec });
    for (const v of got) failedRules.add(v.rule);
    assert.deepEqual(got.map((v) => key([v.pathText, v.message, v.reason])).sort(), c.expect.map(key).sort());
    for (const v of got) assert.equal(v.pathText, formatPath(v.path), 'path and pathText agree');
  });
}

test('every distinct rule of the schemas fails in at least one case', () => {
  const all = new Set(ruleSites().map((s) => s.rule));
  const missing = [...all].filter((r) => !failedRules.has(r));
  assert.deepEqual(missing, []);
});

test('findings name the fields the rule is about', () => {
  const schema = loadSchema('networking.istio.io/v1/ServiceEntry.json');
  const [v] = evaluateCelRules(schema, { spec: { hosts: ['a'], resolution: 'STATIC', endpoints: [{ address: '1.1.1.1' }], workloadSelector: { labels: { a: 'b' } } } });
  assert.deepEqual(v.path, ['spec']);
  assert.deepEqual(v.fieldPaths, [['spec', 'workloadSelector'], ['spec', 'endpoints']]);
  const pa = loadSchema('security.istio.io/v1/PeerAuthentication.json');
  const [w] = evaluateCelRules(pa, { spec: { selector: {}, portLevelMtls: { '80': {} } } });
  assert.equal(w.message, 'portLevelMtls requires selector');
  assert.deepEqual(w.fieldPaths, [['spec', 'portLevelMtls'], ['spec', 'selector']]);
});

// Test-side formatter (map keys are the segments under additionalProperties: in these cases,
// every string segment after a `ports`, `labels`, `matchLabels`, `portLevelMtls` or `tagOverrides` map).
function formatPath(path: readonly (string | number)[]): string {
  const maps = new Set(['ports', 'labels', 'matchLabels', 'portLevelMtls', 'tagOverrides']);
  let out = '';
  path.forEach((s, i) => {
    if (typeof s === 'number') out += `[${s}]`;
    else if (i > 0 && maps.has(String(path[i - 1]))) out += `[${s}]`;
    else out += out ? `.${s}` : s;
  });
  return out;
}
