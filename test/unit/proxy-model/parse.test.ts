// Every real dump parses; sections, counts and legacy shapes come out as expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterRows, edsRows, listenerRows, parseConfigDump, routeRows, secretRows, summarizeDump, bootstrapInfo } from '../../../server/src/core/proxy';
import { fixture, fixtureFiles } from './fixtures';

const now = Date.parse('2026-11-23T05:00:00Z');

test('every config_dump fixture parses and yields rows without throwing', () => {
  const files = [
    ...fixtureFiles('envoy/config_dump', /config_?dump.*\.json$/),
    ...fixtureFiles('history/config_dump', /\.json$/),
    ...fixtureFiles('history/istiod_debug_config_dump', /\.json$/),
  ];
  assert.ok(files.length >= 18, `found ${files.length} dumps`);
  for (const f of files) {
    const d = parseConfigDump(fixture(f));
    assert.ok(d.sections.length > 0, `${f}: no sections`);
    assert.deepEqual(d.raw, [], `${f}: unexpected raw sections`);
    clusterRows(d); listenerRows(d); routeRows(d); edsRows(d); secretRows(d, { now }); summarizeDump(d, now);
  }
});

test('full waypoint dump: sections in order and counts', () => {
  const d = parseConfigDump(fixture('envoy/config_dump/proxyconfig_config_dump.json'));
  assert.deepEqual(d.sections, ['bootstrap', 'clusters', 'endpoints', 'listeners', 'scopedRoutes', 'routes', 'secrets']);
  assert.deepEqual([d.clusters.length, d.listeners.length, d.routes.length, d.secrets.length, d.endpoints.length], [3, 2, 1, 2, 2]);
  const b = bootstrapInfo(d);
  assert.equal(b.nodeId, 'waypoint~192.168.252.229~httpbin-istio-waypoint-58f646c5ff-dbfkz.default~default.svc.cluster.local');
  assert.deepEqual([b.proxyType, b.ipAddress, b.podName, b.namespace, b.istioVersion], ['waypoint', '192.168.252.229', 'httpbin-istio-waypoint-58f646c5ff-dbfkz', 'default', '1.21.0-1226']);
});

test('Istio 1.3 sidecar dump (v2 inner resources) gives cluster, listener and route rows', () => {
  const d = parseConfigDump(fixture('history/config_dump/istio1.3_sidecar_productpage_config_dump.json'));
  const clusters = clusterRows(d);
  assert.equal(clusters.length, 83);
  const reviews = clusters.find((c) => c.fqdn === 'reviews.default.svc.cluster.local' && c.direction === 'outbound' && c.subset === '-');
  assert.ok(reviews, 'outbound reviews cluster');
  assert.equal(reviews.port, '9080');
  assert.equal(reviews.type, 'EDS');
  assert.ok(listenerRows(d).length >= 52);
  assert.ok(routeRows(d).some((r) => r.name === '9080'));
});

test('istiod camelCase debug dump reads the same fields as Envoy snake_case', () => {
  const istiod = parseConfigDump(fixture('history/istiod_debug_config_dump/compare2020_istiod_debug_config_dump.json'));
  const envoy = parseConfigDump(fixture('history/config_dump/compare2020_envoy_config_dump.json'));
  assert.deepEqual(clusterRows(istiod).map((c) => c.name), clusterRows(envoy).map((c) => c.name));
  assert.deepEqual(routeRows(istiod).map((r) => r.name).sort(), routeRows(envoy).map((r) => r.name).sort());
  // virtualHosts / routeConfig (camelCase) are read: same vhost rows on both sides.
  const vhosts = (d: typeof istiod) => routeRows(d).map((r) => `${r.name} ${r.vhost} ${r.domains} ${r.match}`).sort();
  assert.ok(vhosts(istiod).includes('8080 foo.default.svc.cluster.local:8080 foo, foo.default.svc.cluster + 2 more... /*'));
  assert.deepEqual(vhosts(istiod), vhosts(envoy));
});

test('listeners: a sidecar virtualInbound / virtualOutbound dump', () => {
  const d = parseConfigDump(fixture('envoy/config_dump/authz_sidecar_listeners_only_configdump.json'));
  const rows = listenerRows(d);
  const names = new Set(rows.map((r) => r.name));
  assert.ok(names.has('virtualInbound') && names.has('virtualOutbound'));
  const inbound = rows.filter((r) => r.name === 'virtualInbound');
  assert.ok(inbound.every((r) => r.port === 15006 && r.addresses === '0.0.0.0'));
  assert.ok(inbound.some((r) => r.match.includes('Trans: tls')), 'some mTLS chain');
  // Ordered by port.
  const ports = rows.map((r) => r.port);
  assert.deepEqual(ports, [...ports].sort((a, b) => a - b));
});

test('unknown sections are kept as raw; resource= element lists are placed', () => {
  const d = parseConfigDump({ configs: [
    { '@type': 'type.googleapis.com/envoy.admin.v3.FutureConfigDump', thing: 1 },
    { '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump.DynamicCluster', version_info: 'v1', cluster: { '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', name: 'outbound|80||a.b.svc.cluster.local', type: 'EDS' } },
    { '@type': 'type.googleapis.com/envoy.config.listener.v3.Listener', name: 'l1' },
    7,
  ] });
  assert.deepEqual(d.raw.map((r) => r.type), ['type.googleapis.com/envoy.admin.v3.FutureConfigDump', '<configs[3] is a number>']);
  assert.deepEqual(d.clusters.map((c) => [c.name, c.state, c.versionInfo]), [['outbound|80||a.b.svc.cluster.local', 'active', 'v1']]);
  assert.deepEqual(d.listeners.map((l) => l.name), ['l1']);
});

test('warming and error-state listeners: kept but not in the istioctl table; NACK text in the summary', () => {
  const d = parseConfigDump({ configs: [{ '@type': 'type.googleapis.com/envoy.admin.v3.ListenersConfigDump', dynamic_listeners: [
    { name: 'ok', active_state: { version_info: 'v2', listener: { name: 'ok', address: { socket_address: { address: '0.0.0.0', port_value: 80 } } } } },
    { name: 'bad', error_state: { failed_configuration: { name: 'bad' }, details: 'Error adding/updating listener(s) bad: duplicate', last_update_attempt: '2026-11-23T04:00:00Z' } },
    { name: 'w', warming_state: { listener: { name: 'w' } } },
  ] }] });
  assert.deepEqual(d.listeners.map((l) => [l.name, l.state]), [['ok', 'active'], ['bad', 'error'], ['w', 'warming']]);
  assert.equal(listenerRows(d).length, 0, 'a listener without filter chains prints no row, as istioctl');
  const s = summarizeDump(d, now);
  assert.deepEqual(s.rejected, [{ kind: 'listeners', name: 'bad', error: 'Error adding/updating listener(s) bad: duplicate' }]);
  assert.equal(s.warming.listeners, 1);
});
