import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSnapshot, clusterRef, diffClusters, diffNotes, endpointRef, RAW_PREVIEW_CHARS } from '../../../client/src/panel/snapshot';
import type { ClusterRow, SecretRow } from '../../../server/src/core/proxy';
import { isToWebview } from '../../../server/src/protocol/webviewProtocol';

const cluster = (over: Partial<ClusterRow>): ClusterRow => ({
  name: 'outbound|9080|v1|reviews.default.svc.cluster.local', fqdn: 'reviews.default.svc.cluster.local', port: '9080', subset: 'v1',
  direction: 'outbound', type: 'EDS', destinationRule: 'reviews.default', state: 'active', ...over,
});
const secret = (over: Partial<SecretRow>): SecretRow => ({
  name: 'default', type: 'Cert Chain', status: 'ACTIVE', validCert: true, serialNumber: '0'.repeat(30) + 'ab', notBefore: '2026-11-22T06:00:00Z',
  notAfter: '2026-11-23T08:00:00Z', trustDomain: 'cluster.local', identity: 'spiffe://cluster.local/ns/vm/sa/vm', timeLeftSeconds: 7200, chainsToRoot: true, chainLength: 2, ...over,
});

test('clusters point at their DestinationRule subset, or the ServiceEntry of their host', () => {
  assert.deepEqual(clusterRef(cluster({})), { kind: 'DestinationRule', name: 'reviews', namespace: 'default', subset: 'v1' });
  assert.deepEqual(clusterRef(cluster({ subset: '-', destinationRule: 'my.dr.name.prod' })), { kind: 'DestinationRule', name: 'my.dr.name', namespace: 'prod' });
  assert.deepEqual(clusterRef(cluster({ destinationRule: '', fqdn: 'api.example.com' })), { kind: 'ServiceEntry', namespace: '', name: 'api.example.com' });
  assert.equal(clusterRef(cluster({ destinationRule: '', direction: 'inbound' })), undefined);
  const byName = new Map([[cluster({}).name, cluster({})]]);
  const ep = { endpoint: '10.0.0.7:9080', address: '10.0.0.7', port: 9080, status: 'HEALTHY' as const, outlierCheck: 'OK' as const, cluster: cluster({}).name };
  assert.deepEqual(endpointRef({ ...ep, workload: 'vm-1.vm-ns' }, byName), { kind: 'WorkloadEntry', name: 'vm-1', namespace: 'vm-ns' });
  assert.deepEqual(endpointRef(ep, byName), { kind: 'DestinationRule', name: 'reviews', namespace: 'default', subset: 'v1' });
});

test('buildSnapshot: istioctl columns, tones by threshold, and a valid protocol message', () => {
  const now = Date.parse('2026-11-23T06:00:00Z');
  const s = buildSnapshot({
    proxy: { id: 'vm:a', label: 'a', source: 'admin http://127.0.0.1:1' },
    rows: { cluster: [cluster({}), cluster({ name: 'x', fqdn: '<img src=x onerror=alert(1)>', port: '-', state: 'warming' })], listener: [], route: [],
      endpoint: [{ endpoint: '10.0.0.9:80', address: '10.0.0.9', port: 80, status: 'UNHEALTHY', outlierCheck: 'OK', cluster: 'x' }],
      secret: [secret({}), secret({ name: 'ROOTCA', type: 'CA', timeLeftSeconds: 10 * 365 * 86_400 }), secret({ name: 'broken', type: '', timeLeftSeconds: null, error: 'bad certificate: x' })] },
    rawJson: 'x'.repeat(RAW_PREVIEW_CHARS + 10), now, thresholds: { warningHours: 72, errorHours: 24 },
  });
  assert.equal(isToWebview({ type: 'snapshot', snapshot: s }), true);
  assert.deepEqual(s.tables.clusters.columns.map((c) => c.title), ['SERVICE FQDN', 'PORT', 'SUBSET', 'DIRECTION', 'TYPE', 'DESTINATION RULE', 'STATE']);
  assert.deepEqual(s.tables.clusters.rows[0]!.cells, ['reviews.default.svc.cluster.local', 9080, 'v1', 'outbound', 'EDS', 'reviews.default', 'active']);
  assert.deepEqual(s.tables.clusters.rows[1]!.cells.slice(0, 2), ['<img src=x onerror=alert(1)>', '-']);
  assert.equal(s.tables.clusters.rows[1]!.tone, 'warning');
  assert.equal(s.tables.endpoints.rows[0]!.tone, 'error');
  const sec = s.tables.secrets;
  assert.deepEqual(sec.columns.map((c) => c.id), ['name', 'type', 'status', 'validCert', 'serialNumber', 'notAfter', 'notBefore', 'timeLeft', 'trustDomain', 'identity']);
  assert.deepEqual(sec.rows[0]!.cells.slice(5, 8), ['2026-11-23T08:00:00Z', '2026-11-22T06:00:00Z', '2h 0m']);
  assert.equal(sec.rows[0]!.tone, 'error');
  assert.equal(sec.rows[1]!.tone, undefined);
  assert.deepEqual([sec.rows[2]!.cells[7], sec.rows[2]!.tone], ['bad certificate: x', 'error']);
  assert.equal(s.raw.length, RAW_PREVIEW_CHARS);
  assert.equal(s.rawTruncated, true);
  assert.deepEqual(s.bootstrap, [['bootstrap', 'not in this dump']]);
});

test('istiod vs admin: clusters present in only one of them', () => {
  const d = diffClusters(['a', 'b', 'c'], ['b', 'c', 'd', 'e']);
  assert.deepEqual(d, { onlyAdmin: ['a'], onlyIstiod: ['d', 'e'] });
  assert.deepEqual(diffNotes(d), ['2 cluster(s) istiod sends but the proxy does not have: d, e', '1 cluster(s) on the proxy that istiod does not send: a']);
  assert.deepEqual(diffNotes(diffClusters(['a'], ['a'])), ['istiod and the proxy agree on the cluster list.']);
});

test('20k clusters: building and checking the snapshot message stays fast', () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => cluster({ name: `outbound|${8000 + (i % 1000)}||svc-${i}.ns.svc.cluster.local`, fqdn: `svc-${i}.ns.svc.cluster.local`, port: String(8000 + (i % 1000)), subset: '-', destinationRule: '' }));
  const t0 = performance.now();
  const s = buildSnapshot({ proxy: { id: 'vm:a', label: 'a', source: 's' }, rows: { cluster: rows, listener: [], route: [], endpoint: [], secret: [] }, rawJson: '{}', now: 0, thresholds: { warningHours: 72, errorHours: 24 } });
  const ok = isToWebview({ type: 'snapshot', snapshot: s });
  const ms = Math.round(performance.now() - t0);
  assert.equal(ok, true);
  assert.equal(s.tables.clusters.rows.length, 20_000);
  assert.deepEqual(s.tables.clusters.rows[19_999]!.ref, { kind: 'ServiceEntry', namespace: '', name: 'svc-19999.ns.svc.cluster.local' });
  console.log(`20k clusters: snapshot + guard ${ms} ms`);
  assert.ok(ms < 3000, `${ms} ms`);
});
