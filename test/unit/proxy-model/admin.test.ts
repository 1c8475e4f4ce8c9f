// /ready, /stats, /stats/prometheus, /server_info, /certs and /clusters parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  endpointRows, parseCerts, parseClustersJson, parseConfigDump, parsePrometheus, parseReady, parseServerInfo, parseStats,
  ProxyDataError, secretRows, bootstrapInfo, renderTable,
} from '../../../server/src/core/proxy';
import { fixture } from './fixtures';

test('/ready bodies from Envoy tests', () => {
  assert.deepEqual(parseReady(fixture('envoy/reference/envoy-test_ready_200_LIVE.txt'), 200), { state: 'LIVE', ready: true, httpStatus: 200 });
  assert.deepEqual(parseReady(fixture('envoy/reference/envoy-test_ready_503_INITIALIZING.txt'), 503), { state: 'INITIALIZING', ready: false, httpStatus: 503 });
  assert.equal(parseReady(fixture('envoy/reference/envoy-test_ready_503_PRE_INITIALIZING.txt'), 503).state, 'PRE_INITIALIZING');
  assert.deepEqual(parseReady('', 503), { state: '', ready: false, httpStatus: 503 }, 'agent /healthz/ready: status only');
  assert.throws(() => parseReady('<html>oops</html>', 502), /^ProxyDataError|ready: unexpected body "<html>oops<\/html>" \(HTTP 502\)/);
});

test('/stats text', () => {
  const s = parseStats(fixture('envoy/thirdparty_lyft_clutch/clutch_envoyadminmock_stats.txt'));
  assert.equal(s.get('cluster_manager.cds.version_text'), '');
  assert.equal(s.get('http.admin.downstream_cx_tx_bytes_total'), 116030);
  const agent = parseStats('server.state: 0\nlistener_manager.workers_started: 1\n');
  assert.deepEqual([...agent], [['server.state', 0], ['listener_manager.workers_started', 1]]);
  assert.throws(() => parseStats('{"not":"stats"}'), (e: unknown) => e instanceof ProxyDataError && e.source === 'stats');
});

test('/stats/prometheus exposition', () => {
  const f = parsePrometheus(fixture('envoy/reference/envoy-test_stats_prometheus_expected.txt'));
  const total = f.get('envoy_cluster_upstream_cx_total')!;
  assert.equal(total.type, 'counter');
  assert.deepEqual(total.samples.map((s) => [s.labels.cluster, s.value]), [['c1', 10], ['c2', 20]]);
  assert.equal(f.get('envoy_cluster_upstream_cx_active')!.type, 'gauge');
  const istio = parsePrometheus('envoy_cluster_upstream_cx_total{cluster_name="outbound|9080||reviews.default.svc.cluster.local"} 16\n');
  assert.equal(istio.get('envoy_cluster_upstream_cx_total')!.samples[0]!.labels.cluster_name, 'outbound|9080||reviews.default.svc.cluster.local');
  assert.throws(() => parsePrometheus('ok 1\nthis is not a metric line\n'), /stats\/prometheus: malformed line 2/);
});

test('/server_info: version, state and node', () => {
  const s = parseServerInfo(fixture('envoy/reference/envoy-docs_admin_server_info_sample.json'));
  assert.deepEqual([s.state, s.version, s.uptimeCurrentEpochSeconds, s.concurrency], ['LIVE', 'b050513e840aa939a01f89b07c162f00ab3150eb/1.9.0-dev/Modified/DEBUG', 6, 8]);
  const clutch = parseServerInfo(fixture('envoy/thirdparty_lyft_clutch/clutch_envoyadminmock_server_info.json'));
  assert.equal(bootstrapInfo(clutch).nodeId, clutch.node ? String(clutch.node.id) : '');
  assert.throws(() => parseServerInfo('[]'), /server_info: expected an object/);
});

test('/certs: rows deduplicated by serial; expiry from expiration_time, not days_until_expiration', () => {
  const now = Date.parse('2026-11-23T00:00:00Z');
  const rows = secretRows(parseCerts(fixture('derived/DERIVED_certs_from_secrets_istio_config_dump.json')), { now });
  assert.deepEqual(rows.map((r) => [r.name, r.type, r.serialNumber, r.notAfter, r.validCert, r.identity]), [
    ['default', 'Cert Chain', '6fbee254c22900615cb1f74e3d2f1713', '2023-05-16T01:32:52Z', false, 'spiffe://cluster.local/ns/ambient/sa/namespace-istio-waypoint'],
    ['ROOTCA', 'CA', '0193a543fe2b0d9cd4847675394dfc54', '2033-05-02T03:41:33Z', true, ''],
  ]);
  assert.equal(rows[1]!.timeLeftSeconds, (Date.parse('2033-05-02T03:41:33Z') - now) / 1000);
  const spire = secretRows(parseCerts(fixture('derived/DERIVED_certs_from_secrets_spire_config_dump.json')), { now });
  assert.ok(spire.some((r) => r.type === 'CA' && r.trustDomain === 'east.local'));
  assert.deepEqual(secretRows(parseCerts(fixture('envoy/reference/envoy-test_server_info_handler_expected_certs_empty.json')), { now }), []);
  assert.throws(() => parseCerts('{"certs":[]}'), /certs: expected an object with a "certificates" array/);
});

test('/clusters?format=json: health flags, pipes, envoy internal addresses, workloads from EDS', () => {
  const clutch = endpointRows(parseClustersJson(fixture('envoy/thirdparty_lyft_clutch/clutch_envoyadminmock_clusters_format_json.json')));
  assert.ok(clutch.length > 0);
  const ref = endpointRows(parseClustersJson(fixture('envoy/reference/envoy-test_clusters_handler_expected_clusters_format_json.json')));
  assert.ok(ref.length > 0);
  const derived = parseClustersJson(fixture('derived/DERIVED_clusters_format_json_from_eds_include_eds_configdump.json'));
  const eds = parseConfigDump(fixture('envoy/config_dump/eds_include_eds_configdump.json'));
  const rows = endpointRows(derived, eds);
  const httpbin = rows.find((r) => r.cluster === 'outbound|8000||httpbin.default.svc.cluster.local')!;
  assert.deepEqual([httpbin.endpoint, httpbin.status, httpbin.outlierCheck, httpbin.workload], ['10.244.0.178:80', 'HEALTHY', 'OK', 'httpbin.default']);
  const json = endpointRows(parseClustersJson({ cluster_statuses: [{ name: 'c', host_statuses: [
    { address: { socket_address: { address: '10.0.0.1', port_value: 80 } }, health_status: { eds_health_status: 'DRAINING', failed_outlier_check: true } },
    { address: { envoy_internal_address: { server_listener_name: 'connect_originate', endpoint_id: '1.2.3.4:80' } }, health_status: {} },
  ] }] }));
  assert.deepEqual(json.map((r) => [r.endpoint, r.status, r.outlierCheck]), [['10.0.0.1:80', 'DRAINING', 'FAILED'], ['envoy://connect_originate/1.2.3.4:80', 'UNKNOWN', 'OK']]);
  assert.equal(renderTable('endpoint', json), [
    'ENDPOINT                                 STATUS       OUTLIER CHECK     CLUSTER',
    '10.0.0.1:80                              DRAINING     FAILED            c',
    'envoy://connect_originate/1.2.3.4:80     UNKNOWN      OK                c',
    '',
  ].join('\n'));
  assert.throws(() => parseClustersJson('outbound|80||x::default_priority::max_connections::1024'), /clusters: invalid JSON at position 0/);
  assert.throws(() => parseClustersJson('{"configs": []}'), /^ProxyDataError: clusters: no "cluster_statuses" array|clusters: no "cluster_statuses" array/);
  assert.throws(() => parseClustersJson('[]'), /clusters: expected an object with "cluster_statuses"/);
  assert.deepEqual(parseClustersJson('{}'), { clusters: [] }, 'Envoy prints {} when there are no clusters');
});
