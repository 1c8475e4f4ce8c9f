// The demo's second VM: `degraded` (certificate expiring in 2 h AND unhealthy / ejected hosts),
// in the `shop` namespace whose services mirror examples/. Checked over real HTTP on 127.0.0.1.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { AdminUrlConnection } from '../../../server/src/proxy/transport/adminUrl';
import { getJson } from '../../../server/src/proxy/fetchBody';
import { buildSidecar, createMeshRoot, serveSidecar, SCENARIOS, type RunningSidecar, type ScenarioName } from '../../../server/src/proxy/simulator';
import { clusterRows, endpointRows, parseClustersJson, parseConfigDump, type EndpointRow } from '../../../server/src/core/proxy';

const CART = 'shopping-cart.shop.svc.cluster.local';
const ca = createMeshRoot();
const running: RunningSidecar[] = [];
async function start(scenario: ScenarioName, name: string, namespace: string): Promise<AdminUrlConnection> {
  const r = await serveSidecar(buildSidecar({ scenario, name, namespace, ca }));
  running.push(r);
  return new AdminUrlConnection({ adminUrl: r.adminUrl });
}
after(async () => { await Promise.all(running.map((r) => r.close())); });

let degraded: AdminUrlConnection;
let healthy: AdminUrlConnection;
before(async () => {
  degraded = await start('degraded', 'shopping-cart-vm-2', 'shop');
  healthy = await start('healthy', 'shopping-cart-vm-1', 'shop');
});

type Certs = { certificates: { cert_chain: { expiration_time: string; subject_alt_names: { uri: string }[] }[] }[] };
const leafOf = async (c: AdminUrlConnection): Promise<Certs['certificates'][0]['cert_chain'][0]> => ((await getJson(c, '/certs')) as Certs).certificates[0].cert_chain[0];

async function liveEndpoints(c: AdminUrlConnection): Promise<EndpointRow[]> {
  const eds = parseConfigDump(await getJson(c, '/config_dump?include_eds'));
  return endpointRows(parseClustersJson(await getJson(c, '/clusters?format=json')), eds);
}
const pick = (rows: EndpointRow[], endpoint: string, cluster: string): [string, string, string | undefined] | undefined => {
  const r = rows.find((x) => x.endpoint === endpoint && x.cluster === cluster);
  return r && [r.status, r.outlierCheck, r.workload];
};

test('degraded is a listed scenario', () => {
  assert.ok(SCENARIOS.includes('degraded'));
});

test('degraded: the workload certificate expires in two hours, for the example service account', async () => {
  const leaf = await leafOf(degraded);
  const left = Date.parse(leaf.expiration_time) - Date.now();
  assert.ok(left > 119 * 60_000 && left <= 120 * 60_000, `left ${left} ms`);
  assert.deepEqual(leaf.subject_alt_names, [{ uri: 'spiffe://cluster.local/ns/shop/sa/shopping-cart' }]);
  const dump = await getJson(degraded, '/config_dump?mask=dynamic_active_secrets') as { configs: { dynamic_active_secrets: { secret: { tls_certificate?: { certificate_chain: { inline_bytes: string } } } }[] }[] };
  const pem = Buffer.from(dump.configs[0].dynamic_active_secrets[0].secret.tls_certificate!.certificate_chain.inline_bytes, 'base64').toString();
  assert.equal(new Date(new crypto.X509Certificate(pem).validTo).getTime(), Math.floor(Date.parse(leaf.expiration_time) / 1000) * 1000);
  const fine = Date.parse((await leafOf(healthy)).expiration_time) - Date.now();
  assert.ok(fine > 22 * 3_600_000, `healthy VM keeps a day-long cert (${fine} ms)`);
});

test('degraded: one shopping-cart pod UNHEALTHY and one outlier-ejected, in /clusters and EDS', async () => {
  const rows = await liveEndpoints(degraded);
  const k8s = `outbound|8080|k8s|${CART}`;
  assert.deepEqual(pick(rows, '10.244.1.31:8080', k8s), ['HEALTHY', 'OK', 'shopping-cart-k8s-7d4f9-2xkqp.shop']);
  assert.deepEqual(pick(rows, '10.244.1.32:8080', k8s), ['UNHEALTHY', 'OK', 'shopping-cart-k8s-7d4f9-9bwzt.shop']);
  assert.deepEqual(pick(rows, '10.244.1.33:8080', k8s), ['HEALTHY', 'FAILED', 'shopping-cart-k8s-7d4f9-hm5lc.shop']);
  assert.deepEqual(pick(rows, '10.244.1.32:8080', `outbound|8080||${CART}`)?.slice(0, 2), ['UNHEALTHY', 'OK']);
  assert.deepEqual(pick(rows, '10.128.0.22:8080', `outbound|8080|vm|${CART}`), ['HEALTHY', 'OK', 'shopping-cart-vm-2.shop']);
  // istiod's EDS carries the failing health check; outlier ejection is Envoy's own and is not in it.
  const eds = endpointRows(parseConfigDump(await getJson(degraded, '/config_dump?include_eds')));
  assert.deepEqual(pick(eds, '10.244.1.32:8080', k8s)?.slice(0, 2), ['UNHEALTHY', 'OK']);
  assert.deepEqual(pick(eds, '10.244.1.33:8080', k8s)?.slice(0, 2), ['HEALTHY', 'OK']);
  const noEds = await getJson(degraded, '/config_dump') as { configs: { '@type': string }[] };
  assert.ok(!noEds.configs.some((c) => c['@type'].endsWith('EndpointsConfigDump')), 'EDS only with include_eds');
});

test('healthy shop VM: the same hosts, all HEALTHY and not ejected', async () => {
  const rows = (await liveEndpoints(healthy)).filter((r) => r.cluster.endsWith('|shopping-cart.shop.svc.cluster.local'));
  assert.equal(rows.length, 5 + 3 + 2, 'all, k8s and vm subsets');
  assert.deepEqual(rows.filter((r) => r.status !== 'HEALTHY' || r.outlierCheck !== 'OK'), []);
});

test('shop clusters name the example DestinationRule and subsets; node id carries the VM address', async () => {
  const dump = parseConfigDump(await getJson(degraded, '/config_dump'));
  const cart = clusterRows(dump).filter((r) => r.fqdn === CART).map((r) => [r.subset, r.port, r.direction, r.type, r.destinationRule]);
  assert.deepEqual(cart, [['-', '8080', 'outbound', 'EDS', 'shopping-cart.shop'], ['k8s', '8080', 'outbound', 'EDS', 'shopping-cart.shop'], ['vm', '8080', 'outbound', 'EDS', 'shopping-cart.shop']]);
  const se = clusterRows(dump).find((r) => r.fqdn === 'shopping-cart-vm.shop.svc.cluster.local');
  assert.equal(se?.destinationRule, '', 'the ServiceEntry host has no DestinationRule');
  const info = await getJson(degraded, '/server_info') as { node: { id: string; metadata: { LABELS: Record<string, string> } } };
  assert.equal(info.node.id, 'sidecar~10.128.0.22~shopping-cart-vm-2.shop~shop.svc.cluster.local');
  assert.equal(info.node.metadata.LABELS.version, 'vm');
});

test('other namespaces get no shop services', async () => {
  const c = await start('degraded', 'vm-1', 'vm-ns');
  const dump = parseConfigDump(await getJson(c, '/config_dump'));
  assert.deepEqual(clusterRows(dump).filter((r) => r.fqdn.includes('shopping-cart')), []);
  const info = await getJson(c, '/server_info') as { node: { id: string } };
  assert.equal(info.node.id, 'sidecar~10.128.0.15~vm-1.vm-ns~vm-ns.svc.cluster.local');
});
