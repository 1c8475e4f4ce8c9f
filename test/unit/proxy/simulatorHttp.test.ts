import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as net from 'node:net';
import { AdminUrlConnection } from '../../../server/src/proxy/transport/adminUrl';
import { getJson, getOk } from '../../../server/src/proxy/fetchBody';
import { ProxyConnectionError } from '../../../server/src/proxy/errors';
import { buildSidecar, createMeshRoot, serveSidecar, type RunningSidecar, type ScenarioName } from '../../../server/src/proxy/simulator';

const ca = createMeshRoot();
const running: RunningSidecar[] = [];
async function start(scenario: ScenarioName, extra: { agentPort?: number; delayMs?: number } = {}): Promise<RunningSidecar> {
  const r = await serveSidecar(buildSidecar({ scenario, ca }), extra);
  running.push(r);
  return r;
}
after(async () => { await Promise.all(running.map((r) => r.close())); });

let healthy: RunningSidecar;
let conn: AdminUrlConnection;
before(async () => {
  healthy = await start('healthy');
  conn = new AdminUrlConnection({ adminUrl: healthy.adminUrl });
});

async function rejects(p: Promise<unknown>, cause: string, message: RegExp): Promise<ProxyConnectionError> {
  try { await p; } catch (e) {
    assert.ok(e instanceof ProxyConnectionError, `expected ProxyConnectionError, got ${String(e)}`);
    assert.equal(e.cause, cause, e.message);
    assert.match(e.message, message);
    assert.ok(!e.message.includes('\n'), 'one line');
    return e;
  }
  assert.fail('expected a rejection');
}

test('mask keeps only the matching sections', async () => {
  const body = await getJson(conn, '/config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets') as { configs: Record<string, unknown>[] };
  assert.deepEqual(body.configs.map((c) => c['@type']), ['type.googleapis.com/envoy.admin.v3.SecretsConfigDump']);
  const all = await getJson(conn, '/config_dump') as { configs: Record<string, unknown>[] };
  assert.equal(all.configs.length, 6, 'no EDS without include_eds');
  const eds = await getJson(conn, '/config_dump?include_eds=true') as { configs: Record<string, unknown>[] };
  assert.equal(eds.configs.length, 7);
});

test('resource= returns typed items and name_regex filters them', async () => {
  const body = await getJson(conn, '/config_dump?resource=dynamic_active_clusters&name_regex=.*reviews.*') as { configs: Record<string, unknown>[] };
  assert.equal(body.configs.length, 1);
  assert.equal(body.configs[0]['@type'], 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump.DynamicCluster');
  assert.equal((body.configs[0].cluster as { name: string }).name, 'outbound|9080||reviews.default.svc.cluster.local');
  await rejects(getJson(conn, '/config_dump?resource=nope'), 'http-status', /HTTP 404: nope not found in config dump/);
  await rejects(getJson(conn, '/config_dump?mask=nothing_here'), 'http-status', /HTTP 400: FieldMask/);
});

test('cert-expiring issues a real workload certificate that expires in two hours', async () => {
  const r = await start('cert-expiring');
  const c = new AdminUrlConnection({ adminUrl: r.adminUrl });
  const certs = await getJson(c, '/certs') as { certificates: { cert_chain: { expiration_time: string; serial_number: string }[] }[] };
  const leaf = certs.certificates[0].cert_chain[0];
  const left = Date.parse(leaf.expiration_time) - Date.now();
  assert.ok(left > 119 * 60_000 && left <= 120 * 60_000, `left ${left}`);
  const dump = await getJson(c, '/config_dump?mask=dynamic_active_secrets') as { configs: { dynamic_active_secrets: { name: string; secret: { tls_certificate?: { certificate_chain: { inline_bytes: string } } } }[] }[] };
  const pem = Buffer.from(dump.configs[0].dynamic_active_secrets[0].secret.tls_certificate!.certificate_chain.inline_bytes, 'base64').toString();
  const x = new crypto.X509Certificate(pem);
  assert.equal(new Date(x.validTo).getTime(), Math.floor(Date.parse(leaf.expiration_time) / 1000) * 1000);
  assert.equal(x.subjectAltName, 'URI:spiffe://cluster.local/ns/vm-ns/sa/vm-1');
  assert.ok(x.verify(new crypto.X509Certificate(ca.pem).publicKey), 'signed by the mesh root');
  assert.equal(x.serialNumber.toLowerCase(), leaf.serial_number.padStart(32, '0'));
});

test('unhealthy-endpoints marks hosts UNHEALTHY and outlier-ejected in /clusters', async () => {
  const r = await start('unhealthy-endpoints');
  const body = await getJson(new AdminUrlConnection({ adminUrl: r.adminUrl }), '/clusters?format=json') as { cluster_statuses: { name: string; host_statuses: { health_status: Record<string, unknown> }[] }[] };
  const of = (n: string): Record<string, unknown> => body.cluster_statuses.find((c) => c.name === n)!.host_statuses[0].health_status;
  assert.deepEqual(of('outbound|9080||reviews.default.svc.cluster.local'), { eds_health_status: 'UNHEALTHY' });
  assert.deepEqual(of('outbound|9080||ratings.default.svc.cluster.local'), { eds_health_status: 'HEALTHY', failed_outlier_check: true });
  assert.deepEqual(of('outbound|9080||details.default.svc.cluster.local'), { eds_health_status: 'HEALTHY' });
});

test('not-ready answers 503 on /ready and on the agent port', async () => {
  const r = await start('not-ready', { agentPort: 0 });
  assert.notEqual(r.agentUrl, r.adminUrl);
  const c = new AdminUrlConnection({ adminUrl: r.adminUrl, agentUrl: r.agentUrl });
  const ready = await c.get('/ready');
  assert.deepEqual([ready.status, ready.body], [503, 'INITIALIZING\n']);
  const hz = await c.get('/healthz/ready');
  assert.equal(hz.status, 503);
  assert.equal(hz.endpoint, `${r.agentUrl}/healthz/ready`);
  assert.equal((await conn.get('/ready')).body, 'LIVE\n');
  assert.match(await getOk(conn, '/stats?filter=^server'), /^server\.state: 0\n$/);
  const listeners = await getJson(conn, '/listeners?format=json') as { listener_statuses: { name: string }[] };
  assert.ok(listeners.listener_statuses.some((l) => l.name === 'main_internal'));
  assert.match(await getOk(conn, '/stats/prometheus'), /^envoy_cluster_upstream_cx_total\{cluster_name="outbound\|9080\|\|reviews\.default\.svc\.cluster\.local"\} 0$/m);
});

test('allowlist refuses unknown paths, unknown query keys and unconfirmed mutations', async () => {
  await rejects(conn.get('/admin/secret'), 'not-allowed', /refused \/admin\/secret: not on the read-only allowlist/);
  await rejects(conn.get('/certs?x=1'), 'not-allowed', /query parameter 'x' is not allowed/);
  await rejects(conn.get('/quitquitquit'), 'not-allowed', /refused \/quitquitquit: it changes the proxy and was not confirmed/);
  await rejects(conn.get('/logging?level=debug', { confirmMutation: () => false }), 'not-allowed', /not confirmed/);
  assert.deepEqual(healthy.mutations, []);
  let asked = '';
  const res = await conn.get('/reset_counters', { confirmMutation: (what) => { asked = what; return true; } });
  assert.equal(res.status, 200);
  assert.equal(asked, `POST /reset_counters on ${healthy.adminUrl}`);
  assert.deepEqual(healthy.mutations, ['/reset_counters']);
});

test('refused connection names the endpoint', async () => {
  const port = await closedPort();
  await rejects(new AdminUrlConnection({ adminUrl: `http://127.0.0.1:${port}` }).get('/server_info'), 'refused',
    new RegExp(`^http://127\\.0\\.0\\.1:${port}/server_info: connection refused$`));
});

test('slow proxy: total timeout fires on time', async () => {
  const r = await start('slow', { delayMs: 5000 });
  const t0 = Date.now();
  await rejects(new AdminUrlConnection({ adminUrl: r.adminUrl }).get('/server_info', { totalTimeoutMs: 300 }), 'timeout', /server_info: no answer within 300 ms$/);
  assert.ok(Date.now() - t0 < 2000);
});

test('reset, truncated, oversized and garbage bodies fail with their cause', async () => {
  const reset = await start('reset');
  await rejects(new AdminUrlConnection({ adminUrl: reset.adminUrl }).get('/config_dump'), 'reset', /config_dump: connection (reset|closed)/);
  const trunc = await start('truncated');
  await rejects(new AdminUrlConnection({ adminUrl: trunc.adminUrl }).get('/config_dump'), 'truncated', /truncated body: got \d+ of \d+ bytes/);
  const big = await start('oversized');
  const t0 = Date.now();
  await rejects(new AdminUrlConnection({ adminUrl: big.adminUrl }).get('/config_dump', { maxBytes: 1024 * 1024 }), 'oversized',
    /exceeds the 1048576-byte cap \(maxBytes\)/);
  assert.ok(Date.now() - t0 < 5000);
  const junk = await start('garbage');
  await rejects(getJson(new AdminUrlConnection({ adminUrl: junk.adminUrl }), '/clusters?format=json'), 'garbage',
    /clusters\?format=json: response is not valid JSON .* it starts with/);
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
