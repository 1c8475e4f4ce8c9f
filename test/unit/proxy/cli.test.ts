// The proxy CLI as users run it: `node bin/hybrid-mesh.js ...` (dist is built by `npm run test:unit`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildSidecar, createMeshRoot, HOSTILE, serveIstiod, serveSidecar, type RunningIstiod, type RunningSidecar, type ScenarioName } from '../../../server/src/proxy/simulator';
import { freePort } from '../../../server/src/proxy/transport/freePort';

const BIN = path.resolve('bin/hybrid-mesh.js');
const ca = createMeshRoot();
const sims = new Map<ScenarioName, RunningSidecar>();
let istiod: RunningIstiod;
let tmp: string;

before(async () => {
  assert.ok(fs.existsSync('dist/cli.js'), 'dist/cli.js missing: run npm run build');
  for (const s of ['healthy', 'unhealthy-endpoints', 'cert-expired', 'hostile-names', 'foreign-root', 'garbage', 'truncated', 'slow', 'nacked'] as ScenarioName[]) {
    sims.set(s, await serveSidecar(buildSidecar({ scenario: s, name: `vm-${s}`, ca }), { delayMs: 5000 }));
  }
  istiod = await serveIstiod(['healthy', 'nacked'].map((s) => sims.get(s as ScenarioName)!.sidecar));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-cli-'));
});
after(async () => {
  await Promise.all([...sims.values()].map((s) => s.close()).concat(istiod.close()));
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Run { code: number; stdout: string; stderr: string; ms: number }
function cli(...args: string[]): Promise<Run> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}
const admin = (s: ScenarioName): string => sims.get(s)!.adminUrl;
const json = <T>(r: Run): T => { assert.equal(r.code, 0, r.stderr); return JSON.parse(r.stdout) as T; };

function failsWith(r: Run, message: RegExp): void {
  assert.equal(r.code, 2, `exit code; stdout=${r.stdout}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.match(lines[0], message);
  assert.doesNotMatch(r.stderr, /\bat .*\.js:\d+/, 'no stack trace');
}

interface ClusterJson { fqdn: string; port: number | null; subset: string; direction: string; type: string; destinationRule: string }
test('proxy-config cluster -o json: contract fields, filters', async () => {
  const all = json<{ clusters: ClusterJson[] }>(await cli('proxy-config', 'cluster', '--admin', admin('healthy'), '-o', 'json'));
  const reviews = all.clusters.find((c) => c.fqdn === 'reviews.default.svc.cluster.local');
  assert.deepEqual(
    { fqdn: reviews?.fqdn, port: reviews?.port, subset: reviews?.subset, direction: reviews?.direction, type: reviews?.type, destinationRule: reviews?.destinationRule },
    { fqdn: 'reviews.default.svc.cluster.local', port: 9080, subset: '', direction: 'outbound', type: 'EDS', destinationRule: 'reviews.default' });
  assert.equal(all.clusters.length, 34, '32 dynamic + agent + prometheus_stats');
  const filtered = json<{ clusters: ClusterJson[] }>(await cli('proxy-config', 'cluster', '--admin', admin('healthy'), '--fqdn', 'istiod', '--port', '15012', '-o', 'json'));
  assert.deepEqual(filtered.clusters.map((c) => `${c.direction}|${c.port}|${c.fqdn}`), ['outbound|15012|istiod.istio-system.svc.cluster.local']);
  const yaml = await cli('proxy-config', 'cluster', '--admin', admin('healthy'), '--fqdn', 'istiod', '--port', '15012', '-o', 'yaml');
  assert.deepEqual(parseYaml(yaml.stdout), filtered);
  const table = await cli('proxy-config', 'cluster', '--admin', admin('healthy'), '--direction', 'inbound');
  assert.deepEqual(table.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s{2,}/).filter(Boolean)), [
    ['SERVICE FQDN', 'PORT', 'SUBSET', 'DIRECTION', 'TYPE', 'DESTINATION RULE'], ['9080', '-', 'inbound', 'STATIC']]);
});

interface EndpointJson { endpoint: string; status: string; outlierCheck: string; cluster: string; workload?: string }
test('proxy-config endpoint -o json: unhealthy and outlier-ejected hosts', async () => {
  const { endpoints } = json<{ endpoints: EndpointJson[] }>(await cli('proxy-config', 'endpoint', '--admin', admin('unhealthy-endpoints'), '-o', 'json'));
  const pick = (e: string, c: string): EndpointJson | undefined => endpoints.find((x) => x.endpoint === e && x.cluster.includes(c));
  assert.deepEqual([pick('10.244.0.192:9080', 'reviews')?.status, pick('10.244.0.192:9080', 'reviews')?.outlierCheck], ['UNHEALTHY', 'OK']);
  assert.deepEqual([pick('10.244.0.191:9080', 'ratings')?.status, pick('10.244.0.191:9080', 'ratings')?.outlierCheck], ['HEALTHY', 'FAILED']);
  assert.deepEqual([pick('10.244.0.178:80', 'httpbin')?.status, pick('10.244.0.178:80', 'httpbin')?.outlierCheck], ['UNHEALTHY', 'FAILED']);
  assert.match(pick('10.244.0.192:9080', 'reviews')?.workload ?? '', /^reviews/, 'workload from EDS metadata');
  const bad = json<{ endpoints: EndpointJson[] }>(await cli('proxy-config', 'endpoint', '--admin', admin('unhealthy-endpoints'), '--status', 'unhealthy', '-o', 'json'));
  assert.deepEqual(bad.endpoints.map((e) => e.endpoint), ['10.244.0.178:80', '10.244.0.192:9080']);
  const healthy = json<{ endpoints: EndpointJson[] }>(await cli('proxy-config', 'endpoint', '--admin', admin('healthy'), '--status', 'unhealthy', '-o', 'json'));
  assert.deepEqual(healthy.endpoints, []);
});

interface SecretJson { name: string; type: string; status: string; validCert: boolean; serialNumber: string; notBefore: string; notAfter: string; trustDomain: string }
test('proxy-config secret -o json: expired workload cert, RFC 3339 times', async () => {
  const { secrets } = json<{ secrets: SecretJson[] }>(await cli('proxy-config', 'secret', '--admin', admin('cert-expired'), '-o', 'json'));
  assert.deepEqual(secrets.map((s) => [s.name, s.type, s.status, s.validCert]), [['default', 'Cert Chain', 'ACTIVE', false], ['ROOTCA', 'CA', 'ACTIVE', true]]);
  const leaf = secrets[0];
  assert.match(leaf.notAfter, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const ago = Date.now() - Date.parse(leaf.notAfter);
  assert.ok(ago > 3500_000 && ago < 3700_000, `expired about an hour ago (${ago} ms)`);
  assert.equal(leaf.serialNumber, sims.get('cert-expired')!.sidecar.leafSerial.padStart(32, '0'));
  assert.equal(leaf.trustDomain, 'cluster.local');
});

test('a workload cert signed by another CA does not chain to ROOTCA', async () => {
  const chains = async (s: ScenarioName): Promise<unknown> =>
    json<{ secrets: { name: string; chainsToRoot: boolean | null }[] }>(await cli('proxy-config', 'secret', '--admin', admin(s), '-o', 'json')).secrets[0].chainsToRoot;
  assert.equal(await chains('foreign-root'), false);
  assert.equal(await chains('healthy'), true);
});

test('simulate-sidecar serves until stopped; bad scenario is a usage error', async () => {
  failsWith(await cli('simulate-sidecar', '--scenario', 'bogus'), /^hybrid-mesh simulate-sidecar: unknown scenario 'bogus' \(one of healthy, /);
  const child = spawn(process.execPath, [BIN, 'simulate-sidecar', '--port', '0', '--scenario', 'not-ready', '--name', 'demo-vm']);
  try {
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (d: Buffer) => { text += d.toString(); if (/\nagent /.test(text)) resolve(text); });
      child.once('exit', () => reject(new Error(`exited early: ${text}`)));
    });
    assert.match(out, /^simulated sidecar sidecar~10\.128\.0\.15~demo-vm\.vm-ns~vm-ns\.svc\.cluster\.local \(scenario not-ready\)\n/);
    const url = /admin (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
    const ready = await fetch(`${url}/ready`);
    assert.deepEqual([ready.status, await ready.text()], [503, 'INITIALIZING\n']);
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  }
});

test('names with HTML stay plain text in every output', async () => {
  const r = await cli('proxy-config', 'cluster', '--admin', admin('hostile-names'), '-o', 'json');
  const { clusters } = json<{ clusters: ClusterJson[] }>(r);
  assert.ok(clusters.some((c) => c.fqdn === `${HOSTILE}.default.svc.cluster.local`));
  const table = await cli('proxy-config', 'cluster', '--admin', admin('hostile-names'), '--fqdn', 'onerror');
  assert.match(table.stdout, /<img src=x onerror=alert\(1\)>\.default\.svc\.cluster\.local\s+9080/);
});

test('proxy-config bootstrap and all', async () => {
  const b = json<{ bootstrap: { nodeId: string; istioVersion: string; clusterId: string } }>(await cli('proxy-config', 'bootstrap', '--admin', admin('healthy'), '-o', 'json'));
  assert.deepEqual([b.bootstrap.nodeId, b.bootstrap.istioVersion, b.bootstrap.clusterId], ['sidecar~10.128.0.15~vm-healthy.vm-ns~vm-ns.svc.cluster.local', '1.24.0', 'Kubernetes']);
  const all = json<Record<string, unknown[]>>(await cli('proxy-config', 'all', '--admin', admin('healthy'), '-o', 'json'));
  assert.deepEqual(Object.keys(all).sort(), ['bootstrap', 'clusters', 'endpoints', 'listeners', 'routes', 'secrets']);
  const text = await cli('proxy-config', 'all', '--admin', admin('healthy'));
  assert.match(text.stdout, /^Istio Version:\s+1\.24\.0$/m);
  assert.match(text.stdout, /^NAME\s+SERVICE FQDN/m);
});

test('saved dumps: a config_dump file and a directory of bodies', async () => {
  const dumpFile = path.join(tmp, 'dump.json');
  fs.writeFileSync(dumpFile, await (await fetch(`${admin('unhealthy-endpoints')}/config_dump?include_eds`)).text());
  const fromFile = json<{ clusters: ClusterJson[] }>(await cli('proxy-config', 'cluster', '--file', dumpFile, '-o', 'json'));
  const live = json<{ clusters: ClusterJson[] }>(await cli('proxy-config', 'cluster', '--admin', admin('unhealthy-endpoints'), '-o', 'json'));
  assert.deepEqual(fromFile, live);
  const eds = json<{ endpoints: EndpointJson[] }>(await cli('proxy-config', 'endpoint', '--file', dumpFile, '-o', 'json'));
  assert.equal(eds.endpoints.find((e) => e.endpoint === '10.244.0.191:9080')?.outlierCheck, 'OK', 'a dump alone has no outlier data');
  const dir = path.join(tmp, 'saved');
  fs.mkdirSync(dir);
  fs.copyFileSync(dumpFile, path.join(dir, 'config_dump.json'));
  fs.writeFileSync(path.join(dir, 'clusters.json'), await (await fetch(`${admin('unhealthy-endpoints')}/clusters?format=json`)).text());
  const fromDir = json<{ endpoints: EndpointJson[] }>(await cli('proxy-config', 'endpoint', '--file', dir, '-o', 'json'));
  assert.equal(fromDir.endpoints.find((e) => e.endpoint === '10.244.0.191:9080')?.outlierCheck, 'FAILED');
  failsWith(await cli('proxy-config', 'cluster', '--file', path.join(tmp, 'nope.json')), /^hybrid-mesh proxy-config: .*nope\.json: no such file \(needed for \/config_dump\)$/);
  fs.writeFileSync(path.join(tmp, 'junk.json'), 'not json at all');
  failsWith(await cli('proxy-config', 'cluster', '--file', path.join(tmp, 'junk.json')), /^hybrid-mesh proxy-config: .*junk\.json: response is not valid JSON/);
});

test('failures: one line, exit 2, within the timeout', async () => {
  const dead = await freePort();
  failsWith(await cli('proxy-config', 'cluster', '--admin', `http://127.0.0.1:${dead}`),
    new RegExp(`^hybrid-mesh proxy-config: http://127\\.0\\.0\\.1:${dead}/config_dump\\?mask=dynamic_active_clusters,dynamic_warming_clusters,static_clusters: connection refused$`));
  failsWith(await cli('proxy-config', 'secret', '--admin', admin('garbage')), /config_dump\?mask=dynamic_active_secrets,dynamic_warming_secrets: response is not valid JSON/);
  failsWith(await cli('proxy-config', 'endpoint', '--admin', admin('truncated')), /: truncated body: got \d+ of \d+ bytes$/);
  const slow = await cli('proxy-config', 'bootstrap', '--admin', admin('slow'), '--timeout', '400');
  failsWith(slow, /config_dump\?mask=bootstrap: no answer within 400 ms$/);
  assert.ok(slow.ms < 4000, `took ${slow.ms} ms`);
  failsWith(await cli('proxy-config', 'all', '--admin', admin('healthy'), '--max-bytes', '100000'),
    /config_dump\?include_eds=true: response of \d+ bytes exceeds the 100000-byte cap \(maxBytes\)$/);
  failsWith(await cli('proxy-config', 'cluster'), /give exactly one of --admin URL, --ssh/);
  failsWith(await cli('proxy-config', 'cluster', '--admin', admin('healthy'), '--file', 'x'), /give exactly one of/);
  failsWith(await cli('proxy-config', 'clusterz', '--admin', admin('healthy')), /expected one of cluster, listener, route, endpoint, secret, bootstrap, all, got 'clusterz'/);
  failsWith(await cli('proxy-config', 'cluster', '--admin', admin('healthy'), '--bogus'), /unknown option '--bogus'/);
  failsWith(await cli('proxy-config', 'cluster', '--admin', admin('healthy'), '-o', 'xml'), /-o must be table, json or yaml/);
  failsWith(await cli('proxy-config', 'cluster', '--admin', 'ftp://127.0.0.1:1'), /only http:\/\/ admin URLs are supported/);
});

interface SyncJson { proxy: string; cds: string; lds: string; errors: Record<string, string> }
test('proxy-status from istiod syncz, VMs included; NACK shows as ERROR', async () => {
  const { proxies } = json<{ proxies: SyncJson[] }>(await cli('proxy-status', '--istiod', istiod.url, '-o', 'json'));
  assert.deepEqual(proxies.map((p) => [p.proxy, p.cds, p.lds]), [
    ['sidecar~10.128.0.15~vm-healthy.vm-ns~vm-ns.svc.cluster.local', 'SYNCED', 'SYNCED'],
    ['sidecar~10.128.0.15~vm-nacked.vm-ns~vm-ns.svc.cluster.local', 'SYNCED', 'ERROR'],
  ]);
  assert.match(proxies[1].errors.LDS ?? '', /duplicate listener name virtualInbound/);
  const dead = await freePort();
  failsWith(await cli('proxy-status', '--istiod', `http://127.0.0.1:${dead}`), /\/debug\/syncz: connection refused$/);
  failsWith(await cli('proxy-status'), /give --istiod URL or --k8s CONTEXT/);
});

interface FleetJson { summary: Record<string, number>; proxies: { target: string; ready: boolean; certStatus: string; sync: string; syncSource: string; error?: string }[] }
test('proxy-status --certs summarises a fleet and keeps going past broken proxies', async () => {
  const dead = await freePort();
  const fleet = path.join(tmp, 'fleet.txt');
  fs.writeFileSync(fleet, `# VMs\n${admin('healthy')}\n${admin('cert-expired')}\nhttp://127.0.0.1:${dead}\n`);
  const r = json<FleetJson>(await cli('proxy-status', '--certs', '--fleet', fleet, '--admin', admin('nacked'), '-o', 'json'));
  assert.deepEqual(r.proxies.map((p) => [p.target, p.ready ?? null, p.certStatus ?? null, p.sync ?? null]), [
    [admin('nacked'), true, 'OK', 'ERROR'],
    [admin('healthy'), true, 'OK', 'SYNCED'],
    [admin('cert-expired'), true, 'EXPIRED', 'SYNCED'],
    [`http://127.0.0.1:${dead}`, null, null, null],
  ]);
  assert.match(r.proxies[3].error ?? '', /connection refused/);
  assert.deepEqual({ ...r.summary, elapsedMs: 0 }, { proxies: 4, adminUnreachable: 0, unreachable: 1, notReady: 0, certExpired: 1, certExpiring: 0, syncErrors: 1, elapsedMs: 0 });
  const withIstiod = json<FleetJson>(await cli('proxy-status', '--certs', '--admin', admin('nacked'), '--istiod', istiod.url, '-o', 'json'));
  assert.deepEqual([withIstiod.proxies[0].sync, withIstiod.proxies[0].syncSource], ['ERROR', 'istiod']);
});
