// The panel's loader and the view's probe against simulated sidecars on 127.0.0.1.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadInspection } from '../../../client/src/proxies/load';
import { probeTarget } from '../../../client/src/proxies/probe';
import { dumpTarget, vmTarget } from '../../../client/src/proxies/targets';
import { buildSnapshot } from '../../../client/src/panel/snapshot';
import { buildSidecar, createMeshRoot, HOSTILE, serveIstiod, serveSidecar, type RunningIstiod, type RunningSidecar } from '../../../server/src/proxy/simulator';

const ca = createMeshRoot();
const T = { warningHours: 72, errorHours: 24 };
let expiring: RunningSidecar;
let hostile: RunningSidecar;
let istiod: RunningIstiod;
let tmp: string;

before(async () => {
  expiring = await serveSidecar(buildSidecar({ scenario: 'cert-expiring', name: 'vm-2', namespace: 'vm-ns', ca }));
  hostile = await serveSidecar(buildSidecar({ scenario: 'hostile-names', name: 'vm-x', namespace: 'vm-ns', ca }));
  istiod = await serveIstiod([expiring.sidecar]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-dump-'));
});
after(async () => {
  await Promise.all([expiring.close(), hostile.close(), istiod.close()]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

const closedPort = (): Promise<number> => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as net.AddressInfo; s.close(() => resolve(port)); });
});

test('probe: a live VM is ready and its workload certificate is the one /certs serves', async () => {
  const certs = await (await fetch(`${expiring.adminUrl}/certs`)).json() as { certificates: { cert_chain: { expiration_time: string }[] }[] };
  const s = await probeTarget(vmTarget({ name: 'vm-2', adminUrl: expiring.adminUrl }, { allowSsh: false }), Date.now(), {});
  assert.equal(s.state, 'ready', s.error);
  assert.equal(s.cert?.notAfter, Date.parse(certs.certificates[0]!.cert_chain[0]!.expiration_time));
  const left = (s.cert!.notAfter - Date.now()) / 3_600_000;
  assert.ok(left > 1.9 && left <= 2, `about 2 h left, got ${left}`);
});

test('probe: a VM nobody listens for is unreachable with the endpoint in the message', async () => {
  const port = await closedPort();
  const s = await probeTarget(vmTarget({ name: 'vm-down', adminUrl: `http://127.0.0.1:${port}` }, { allowSsh: false }), Date.now(), { connectTimeoutMs: 2000, totalTimeoutMs: 3000 });
  assert.equal(s.state, 'unreachable');
  assert.match(s.error ?? '', new RegExp(`127\\.0\\.0\\.1:${port}.*(refused|ECONNREFUSED)`, 'i'));
});

test('probe: ssh targets refuse to open when ssh is not allowed (untrusted workspace)', async () => {
  const t = vmTarget({ name: 'vm-s', ssh: 'ops@10.0.0.7' }, { allowSsh: false });
  await assert.rejects(t.openAdmin!(), /untrusted workspace/);
});

test('inspection: secrets carry the served certificate; hostile names stay verbatim text', async () => {
  const now = Date.now();
  const ins = await loadInspection(vmTarget({ name: 'vm-2', adminUrl: expiring.adminUrl }, { allowSsh: false }), now);
  const certs = await (await fetch(`${expiring.adminUrl}/certs`)).json() as { certificates: { cert_chain: { serial_number: string; expiration_time: string }[] }[] };
  const leaf = certs.certificates[0]!.cert_chain[0]!;
  const snap = buildSnapshot({ proxy: { id: 'vm:vm-2', label: 'vm-2', source: 's' }, rows: ins.rows, rawJson: ins.rawJson, now, thresholds: T });
  const row = snap.tables.secrets.rows.find((r) => String(r.cells[4]).endsWith(leaf.serial_number))!;
  assert.ok(row, 'the leaf serial is listed');
  assert.equal(row.cells[5], leaf.expiration_time.replace(/\.\d+Z$/, 'Z'));
  assert.equal(row.tone, 'error');
  assert.ok(snap.tables.clusters.rows.length > 0 && snap.tables.listeners.rows.length > 0 && snap.tables.endpoints.rows.length > 0);
  assert.ok(snap.bootstrap.some(([k, v]) => k === 'Node ID' && v.includes('vm-2.vm-ns')));
  const bad = await loadInspection(vmTarget({ name: 'vm-x', adminUrl: hostile.adminUrl }, { allowSsh: false }), now);
  assert.ok(bad.rows.cluster.some((c) => c.name.includes(HOSTILE) || c.fqdn.includes(HOSTILE)), 'a hostile cluster name arrives unchanged');
});

test('inspection through istiod: its view alone, and compared with the admin', async () => {
  const now = Date.now();
  const only = await loadInspection(vmTarget({ name: 'vm-2', istiodUrl: istiod.url }, { allowSsh: false }), now);
  assert.ok(only.rows.cluster.length > 0);
  assert.equal(only.rows.secret.length, 0, 'istiod sends no secrets in its dump');
  assert.match(only.notes[0]!, /istiod's view/);
  const both = await loadInspection(vmTarget({ name: 'vm-2', adminUrl: expiring.adminUrl, istiodUrl: istiod.url }, { allowSsh: false }), now);
  assert.ok(both.notes.some((n) => /istiod and the proxy agree|cluster\(s\)/.test(n)), both.notes.join('\n'));
  assert.ok(both.notes.some((n) => /^istiod sync: CDS SYNCED/.test(n)), both.notes.join('\n'));
  await assert.rejects(loadInspection(vmTarget({ name: 'nobody', istiodUrl: istiod.url }, { allowSsh: false }), now), /istiod does not know a proxy 'nobody\.'/);
});

test('saved dump: listed as saved with its certificate; bad files give a clear error', async () => {
  const file = path.join(tmp, 'vm-2.json');
  fs.writeFileSync(file, await (await fetch(`${expiring.adminUrl}/config_dump?include_eds=true`)).text());
  const s = await probeTarget(dumpTarget(file), Date.now(), {});
  assert.equal(s.state, 'saved');
  assert.ok(s.cert && s.cert.notAfter > Date.now());
  const ins = await loadInspection(dumpTarget(file), Date.now());
  assert.ok(ins.rows.cluster.length > 0 && ins.rows.secret.length > 0);
  assert.deepEqual(ins.notes, []);
  const junk = path.join(tmp, 'junk.json');
  fs.writeFileSync(junk, 'not json');
  const j = await probeTarget(dumpTarget(junk), Date.now(), {});
  assert.equal(j.state, 'unreachable');
  assert.match(j.error ?? '', /junk\.json.*not valid JSON/);
});
