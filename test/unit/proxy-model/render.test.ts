// -o json / -o yaml contract, istioctl filters and the tabwriter rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import {
  clusterRows, endpointRows, filterClusters, filterListeners, filterRoutes, listenerRows, parseClustersJson, parseConfigDump,
  routeRows, secretRows, tabwrite, toJson, toYaml,
} from '../../../server/src/core/proxy';
import { fixture } from './fixtures';

const now = Date.parse('2026-11-23T05:00:00Z');

test('secret JSON contract: key order, RFC 3339 times', () => {
  const json = toJson('secret', secretRows(parseConfigDump(fixture('envoy/config_dump/secrets_istio_config_dump.json')), { now }));
  const doc = JSON.parse(json) as { secrets: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(doc), ['secrets']);
  assert.deepEqual(Object.keys(doc.secrets[1]!).slice(0, 8), ['name', 'type', 'status', 'validCert', 'serialNumber', 'notBefore', 'notAfter', 'trustDomain']);
  assert.deepEqual(doc.secrets[1], {
    name: 'default', type: 'Cert Chain', status: 'ACTIVE', validCert: false, serialNumber: '6fbee254c22900615cb1f74e3d2f1713',
    notBefore: '2023-05-15T01:30:52Z', notAfter: '2023-05-16T01:32:52Z', trustDomain: 'cluster.local',
    identity: 'spiffe://cluster.local/ns/ambient/sa/namespace-istio-waypoint', timeLeftSeconds: Math.floor((Date.parse('2023-05-16T01:32:52Z') - now) / 1000),
    chainsToRoot: true, chainLength: 2, lastUpdated: '2023-05-15T01:32:52.262Z',
  });
  assert.ok(json.endsWith('}\n'));
  assert.deepEqual(parseYaml(toYaml('secret', secretRows(parseConfigDump(fixture('envoy/config_dump/secrets_istio_config_dump.json')), { now }))), doc);
});

test('endpoint JSON contract', () => {
  const rows = endpointRows(parseClustersJson(fixture('history/envoy_clusters/istio2020_clusters.json')));
  const doc = JSON.parse(toJson('endpoint', rows)) as { endpoints: Record<string, unknown>[] };
  const failed = doc.endpoints.find((e) => e.outlierCheck === 'FAILED')!;
  assert.deepEqual(Object.keys(failed).slice(0, 4), ['endpoint', 'status', 'outlierCheck', 'cluster']);
  assert.deepEqual([failed.endpoint, failed.status, failed.cluster], ['172.17.0.27:9080', 'HEALTHY', 'outbound|9080||reviews.default.svc.cluster.local']);
  assert.equal(doc.endpoints.find((e) => e.endpoint === '172.17.0.14:15014')!.status, 'UNHEALTHY');
});

test('cluster JSON contract: port as number, null for non-Istio names', () => {
  const doc = JSON.parse(toJson('cluster', clusterRows(parseConfigDump(fixture('envoy/config_dump/proxyconfig_config_dump.json'))))) as { clusters: Record<string, unknown>[] };
  assert.deepEqual(doc.clusters.map((c) => [c.fqdn, c.port, c.subset, c.direction, c.type, c.destinationRule]), [
    ['agent', null, '', '', 'STATIC', ''],
    ['httpbin.default.svc.cluster.local', 8000, 'http', 'inbound-vip', 'EDS', ''],
    ['prometheus_stats', null, '', '', 'STATIC', ''],
  ]);
});

test('cluster filters and destination rule from istio.config metadata', () => {
  const d = parseConfigDump(fixture('history/config_dump/istio1.3_sidecar_productpage_config_dump.json'));
  const rows = clusterRows(d);
  const reviews = filterClusters(rows, { fqdn: 'reviews.default', direction: 'outbound' });
  assert.ok(reviews.length >= 1 && reviews.every((r) => r.name.includes('reviews.default') && r.direction === 'outbound'));
  assert.deepEqual(filterClusters(rows, { port: 9080, fqdn: 'ratings' }).map((r) => r.name), rows.filter((r) => r.name.includes('|9080|') && r.name.includes('ratings')).map((r) => r.name));
  assert.equal(filterClusters(rows, { subset: 'no-such-subset' }).length, 0);
  const withDr = parseConfigDump({ configs: [{ '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump', dynamic_active_clusters: [
    { cluster: { name: 'outbound|9080|v1|reviews.default.svc.cluster.local', type: 'EDS', metadata: { filter_metadata: { istio: { config: '/apis/networking.istio.io/v1alpha3/namespaces/default/destination-rule/reviews' } } } } },
    { cluster: { name: 'outbound|80||x.y.svc.cluster.local', type: 'EDS', metadata: { filter_metadata: { istio: { config: 'something-else' } } } } },
  ] }] });
  assert.deepEqual(clusterRows(withDr).map((r) => [r.subset, r.destinationRule]), [['v1', 'reviews.default'], ['-', '<unknown>']]);
});

test('listener and route filters', () => {
  const d = parseConfigDump(fixture('envoy/config_dump/authz_sidecar_listeners_only_configdump.json'));
  const rows = listenerRows(d);
  assert.ok(filterListeners(rows, { port: 15006 }).every((r) => r.port === 15006));
  assert.ok(filterListeners(rows, { port: 15006 }).length > 1);
  assert.deepEqual([...new Set(filterListeners(rows, { type: 'tcp' }).map((r) => r.type))], ['TCP']);
  assert.equal(filterListeners(rows, { address: '1.2.3.4' }).length, 0);
  const routes = routeRows(parseConfigDump(fixture('envoy/config_dump/routes_istio-gateway-http-route-prefix_configdump.json')));
  assert.deepEqual(filterRoutes(routes, { name: 'http.8080' }).map((r) => r.vhost), ['httpbin.example.com:80']);
});

test('tabwriter: column blocks end at lines without that cell; trailing empty cells are padded', () => {
  assert.equal(tabwrite('a\tbb\tc\nlonger\t\t\n\nx\ty\n', { padding: 2 }), 'a       bb  c\nlonger      \n\nx  y\n');
  assert.equal(tabwrite('héllo\tx\nh\ty\n', { padding: 1 }), 'héllo x\nh     y\n');
});
