// istioctl golden outputs reproduced byte for byte from the same input dumps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bootstrapInfo, clusterRows, ecdsRows, edsRows, endpointRows, filterEds, filterEndpoints, listenerRows, parseClustersJson,
  parseConfigDump, renderAll, renderTable, routeRows, secretRows,
} from '../../../server/src/core/proxy';
import { fixture } from './fixtures';

// After every fixture leaf cert expired and before the roots do: VALID CERT false / true as in the goldens.
const now = Date.parse('2026-11-23T05:00:00Z');
const dump = (f: string) => parseConfigDump(fixture(`envoy/config_dump/${f}`));
const golden = (f: string) => fixture(f);

test('secret table: istio SDS dump incl. warming secret', () => {
  assert.equal(renderTable('secret', secretRows(dump('secrets_istio_config_dump.json'), { now })), golden('envoy/config_dump/secrets_istio_golden_output.txt'));
});

test('secret table: SPIRE dump with trust-domain federation adds TRUST DOMAIN', () => {
  assert.equal(renderTable('secret', secretRows(dump('secrets_spire_config_dump.json'), { now })), golden('envoy/config_dump/secrets_spire_golden_output.txt'));
});

test('secret table: VALID CERT follows the injected clock', () => {
  const rows = secretRows(dump('secrets_istio_config_dump.json'), { now: Date.parse('2023-05-15T12:00:00Z') });
  assert.deepEqual(rows.map((r) => [r.name, r.validCert]), [['configmap://some/thing', false], ['default', true], ['ROOTCA', true]]);
  assert.notEqual(renderTable('secret', rows), golden('envoy/config_dump/secrets_istio_golden_output.txt'));
});

for (const name of ['empty-gateway', 'istio-gateway-http-route-prefix', 'k8s-gateway-http-route-path-prefix']) {
  test(`route table: ${name}`, () => {
    assert.equal(renderTable('route', routeRows(dump(`routes_${name}_configdump.json`))), golden(`envoy/config_dump/routes_${name}_golden_output.txt`));
  });
}

test('eds table: no filter and --port 8080', () => {
  const rows = edsRows(dump('eds_include_eds_configdump.json'));
  assert.equal(rows.length, 36); // 37 ClusterLoadAssignments, one without endpoints
  assert.equal(renderTable('eds', rows), golden('envoy/config_dump/eds_golden_emptyfilter_output.txt'));
  assert.equal(renderTable('eds', filterEds(rows, { port: 8080 })), golden('envoy/config_dump/eds_golden_portfilter_output.txt'));
});

test('ecds table', () => {
  assert.equal(renderTable('ecds', ecdsRows(dump('ecds_configdump.json'))), golden('envoy/config_dump/ecds_golden_output.txt'));
});

test('endpoint table from /clusters?format=json, unfiltered and --status unhealthy', () => {
  const rows = endpointRows(parseClustersJson(fixture('history/envoy_clusters/istio2020_clusters.json')));
  assert.equal(renderTable('endpoint', rows), golden('history/envoy_clusters/istio2020_clustersummary.txt'));
  assert.equal(renderTable('endpoint', filterEndpoints(rows, { status: 'Unhealthy' })), golden('history/envoy_clusters/istio2020_clustersummaryfiltered.txt'));
});

test('proxy-config all summary, with and without section headers', () => {
  const d = dump('proxyconfig_config_dump.json');
  assert.equal(renderAll(d, { now }), golden('envoy/config_dump/proxyconfig_config_dump_summary.golden.txt'));
  assert.equal(renderAll(d, { now, headers: true }), golden('envoy/config_dump/proxyconfig_config_dump_summary_withheaders.golden.txt'));
});

test('bootstrap version summary', () => {
  assert.equal(renderTable('bootstrap', bootstrapInfo(dump('configdump-writer_configdump.json'))), golden('envoy/config_dump/configdump-writer_versionsummary.golden.txt'));
  // The bare BootstrapConfigDump form gives the same answer.
  assert.equal(renderTable('bootstrap', bootstrapInfo(dump('configdump-writer_bootstrapdump.json'))), golden('envoy/config_dump/configdump-writer_versionsummary.golden.txt'));
});

test('cluster and listener rows of the waypoint dump', () => {
  const d = dump('proxyconfig_config_dump.json');
  assert.deepEqual(clusterRows(d).map((r) => [r.fqdn, r.port, r.subset, r.direction, r.type, r.destinationRule]), [
    ['agent', '-', '-', '-', 'STATIC', ''],
    ['httpbin.default.svc.cluster.local', '8000', 'http', 'inbound-vip', 'EDS', ''],
    ['prometheus_stats', '-', '-', '-', 'STATIC', ''],
  ]);
  assert.deepEqual(listenerRows(d).map((r) => [r.addresses, r.port, r.match, r.destination, r.type]).at(-1), ['0.0.0.0', 15021, 'ALL', 'Inline Route: /healthz/ready*', 'HTTP']);
});
