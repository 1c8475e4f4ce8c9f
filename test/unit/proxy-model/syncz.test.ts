// proxy-status rows from istiod's /debug/syncz and from the CSDS answer istioctl uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSyncz, renderTable, syncState, ProxyDataError } from '../../../server/src/core/proxy';
import { fixture } from './fixtures';

const CDS = 'type.googleapis.com/envoy.config.cluster.v3.Cluster';
const RDS = 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration';

test('syncState follows statusgen: error, not sent, synced, stale', () => {
  assert.equal(syncState('v1', 'v1', 'boom'), 'ERROR');
  assert.equal(syncState('', '', ''), 'NOT SENT');
  assert.equal(syncState('v2', 'v2', ''), 'SYNCED');
  assert.equal(syncState('v2', 'v1', ''), 'STALE');
});

test('/debug/syncz (constructed example): all types synced for the VM', () => {
  const [row, ...rest] = parseSyncz(fixture('derived/CONSTRUCTED_istiod_debug_syncz.example.json'), { istiod: 'istiod-7f9c' });
  assert.equal(rest.length, 0);
  assert.deepEqual([row!.proxy, row!.clusterId, row!.istiod, row!.version, row!.proxyType], ['sidecar~10.128.0.15~vm-ratings-1.vm-ns~vm-ns.svc.cluster.local', 'Kubernetes', 'istiod-7f9c', '1.24.0', 'sidecar']);
  assert.deepEqual([row!.cds, row!.lds, row!.eds, row!.rds, row!.ecds], ['SYNCED', 'SYNCED', 'SYNCED', 'SYNCED', 'SYNCED']);
  assert.deepEqual(row!.subscribedTypes, ['CDS', 'LDS', 'EDS', 'RDS', 'ECDS']);
});

test('/debug/syncz: stale, not sent and NACK (lastError) per type', () => {
  const body = JSON.stringify([{ cluster_id: 'c1', proxy: 'sidecar~10.0.0.9~vm1.ns~ns.svc.cluster.local', istio_version: '1.24.0', resources: {
    [CDS]: { sent: 'v2/x', acked: 'v1/y' },
    [RDS]: { sent: 'v2/z', acked: 'v1/z', lastError: 'Proto constraint validation failed: route: value is required' },
    'type.googleapis.com/envoy.config.listener.v3.Listener': { sent: '', acked: '' },
  } }]);
  const [row] = parseSyncz(body);
  assert.deepEqual([row!.cds, row!.rds, row!.lds, row!.eds], ['STALE', 'ERROR', 'NOT SENT', 'NOT SENT']);
  assert.deepEqual(row!.errors, { RDS: 'Proto constraint validation failed: route: value is required' });
});

test('CSDS response: golden istioctl tables (SinglePilot, MultiPilot verbose)', () => {
  const response = JSON.parse(fixture('istiod/proxy-status-goldens/multiXdsStatusSinglePilot.json')) as { resources: { node: { id: string; metadata: Record<string, string> } }[] };
  // The golden .txt lists two proxies; the .json holds proxy1 only, so proxy2 is proxy1 in cluster2.
  const proxy2 = structuredClone(response.resources[0]!);
  proxy2.node.id = 'proxy2';
  proxy2.node.metadata.CLUSTER_ID = 'cluster2';
  const rows = parseSyncz({ ...response, resources: [proxy2, response.resources[0]] });
  assert.deepEqual(rows.map((r) => r.proxy), ['proxy1', 'proxy2']);
  assert.equal(renderTable('status', rows), fixture('istiod/proxy-status-goldens/multiXdsStatusSinglePilot.txt'));
  assert.equal(renderTable('status', [rows[0]!], { verbose: true }), fixture('istiod/proxy-status-goldens/multiXdsStatusMultiPilot_verbose.txt'));
});

test('CSDS map of istiods (multi pilot), a proxy without subscriptions prints 0', () => {
  const one = (istiod: string, id: string, cluster: string, version: string, types: string[]) => ({
    resources: [{ node: { id, metadata: { CLUSTER_ID: cluster, ISTIO_VERSION: version } }, genericXdsConfigs: types.map((t) => ({ typeUrl: t, configStatus: 'SYNCED' })) }],
    controlPlane: { identifier: JSON.stringify({ Component: 'istiod', ID: istiod }) },
  });
  const all = [CDS, 'type.googleapis.com/envoy.config.listener.v3.Listener', 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment', RDS, 'type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig'];
  const rows = parseSyncz({ a: one('istiod1', 'proxy1', 'cluster1', '1.20', all), b: one('istiod2', 'proxy2', 'cluster2', '1.19', all), c: one('istiod3', 'proxy3', 'cluster3', '1.20', all), d: one('istiod4', 'proxy4', 'cluster4', '1.20', []) });
  assert.equal(renderTable('status', rows), fixture('istiod/proxy-status-goldens/multiXdsStatusMultiPilot.txt'));
});

test('CSDS NACK: client_status NACKED / error_state becomes ERROR with the message', () => {
  const [row] = parseSyncz({ resources: [{ node: { id: 'p' }, generic_xds_configs: [{ type_url: CDS, config_status: 'SYNCED', client_status: 'NACKED', error_state: { details: 'cluster foo: bad TLS' } }] }] });
  assert.equal(row!.cds, 'ERROR');
  assert.deepEqual(row!.errors, { CDS: 'cluster foo: bad TLS' });
});

test('garbage and wrong shapes throw ProxyDataError', () => {
  assert.throws(() => parseSyncz('<html>'), (e: unknown) => e instanceof ProxyDataError && /^syncz: invalid JSON at position 0/.test(e.message));
  assert.throws(() => parseSyncz('{"hello":1}'), /^ProxyDataError: syncz: expected a \/debug\/syncz array|syncz: expected a \/debug\/syncz array/);
  assert.throws(() => parseSyncz('[1]'), /syncz: element 0 is a number/);
});
