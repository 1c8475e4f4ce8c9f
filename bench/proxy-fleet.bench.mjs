// Fleet scan at scale: 500 simulated VM sidecars (one process, one port each) scanned for
// certificate expiry, readiness and sync with bounded concurrency, in-process and through
// `hybrid-mesh proxy-status --certs --fleet FILE`. Target: under 10 s for 500.
// Bundles the simulator and scanner from server/src with esbuild, so it runs from a fresh clone
// after `npm run build` (which provides dist/cli.js for the CLI run).
import * as esbuild from 'esbuild';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const COUNT = Number(process.env.FLEET_SIZE ?? 500);
const CONCURRENCY = Number(process.env.FLEET_CONCURRENCY ?? 64);
const LIMIT_MS = 10_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-fleet-bench-'));
const entry = path.join(tmp, 'entry.js');
await esbuild.build({
  stdin: {
    contents: `export * from './server/src/proxy/simulator'; export { scanFleet, fleetTargetsFrom } from './server/src/proxy/fleet';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: entry, logLevel: 'warning',
});
const sim = createRequire(import.meta.url)(entry);

// Scenario mix: mostly healthy, with every condition the scan must find.
const mix = (i) => (i % 50 === 1 ? 'cert-expired' : i % 25 === 2 ? 'cert-expiring' : i % 20 === 3 ? 'not-ready' : i % 10 === 4 ? 'nacked' : 'healthy');
const t0 = performance.now();
const ca = sim.createMeshRoot();
const sidecars = Array.from({ length: COUNT }, (_, i) => sim.buildSidecar({ scenario: mix(i), name: `vm-${i}`, namespace: 'fleet', ca, ip: `10.128.${i >> 8}.${i & 255}` }));
const running = await Promise.all(sidecars.map((s) => sim.serveSidecar(s)));
const istiod = await sim.serveIstiod(sidecars);
const startMs = performance.now() - t0;

const expect = {
  certExpired: sidecars.filter((s) => s.scenario === 'cert-expired').length,
  certExpiring: sidecars.filter((s) => s.scenario === 'cert-expiring').length,
  notReady: sidecars.filter((s) => s.scenario === 'not-ready').length,
  syncErrors: sidecars.filter((s) => s.scenario === 'nacked').length,
};
const fleetFile = path.join(tmp, 'fleet.txt');
fs.writeFileSync(fleetFile, running.map((r) => r.adminUrl).join('\n') + '\n');

let failed = false;
function check(label, ms, counts) {
  const got = { certExpired: counts.certExpired, certExpiring: counts.certExpiring, notReady: counts.notReady, syncErrors: counts.syncErrors };
  const ok = ms < LIMIT_MS && counts.unreachable === 0 && JSON.stringify(got) === JSON.stringify(expect);
  if (!ok) failed = true;
  console.log(`${label}: ${COUNT} proxies in ${ms.toFixed(0)} ms (limit ${LIMIT_MS} ms, concurrency ${CONCURRENCY}) `
    + `found ${JSON.stringify(got)} unreachable=${counts.unreachable} ${ok ? 'OK' : `FAIL (expected ${JSON.stringify(expect)})`}`);
}

// 1. In-process scan.
const t1 = performance.now();
const rows = await sim.scanFleet(sim.fleetTargetsFrom([], fleetFile), { concurrency: CONCURRENCY, now: Date.now() });
const inProcessMs = performance.now() - t1;
check('in-process scan', inProcessMs, {
  unreachable: rows.filter((r) => r.error).length, notReady: rows.filter((r) => r.ready === false).length,
  certExpired: rows.filter((r) => r.certStatus === 'EXPIRED').length, certExpiring: rows.filter((r) => r.certStatus === 'EXPIRING').length,
  syncErrors: rows.filter((r) => r.sync === 'ERROR').length,
});

// 2. The CLI as users run it (separate process; the simulators keep serving from this one).
const cli = path.join(root, 'bin/hybrid-mesh.js');
if (!fs.existsSync(path.join(root, 'dist/cli.js'))) {
  console.log('CLI scan: skipped, dist/cli.js missing (run npm run build)');
  failed = true;
} else {
  const t2 = performance.now();
  const out = await new Promise((resolve, reject) => execFile(process.execPath,
    [cli, 'proxy-status', '--certs', '--fleet', fleetFile, '--istiod', istiod.url, '--concurrency', String(CONCURRENCY), '-o', 'json'],
    { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message)) : resolve(stdout))));
  const cliMs = performance.now() - t2;
  const { summary } = JSON.parse(out);
  check('CLI proxy-status --certs --fleet (incl. process start)', cliMs, summary);
}

console.log(`setup: ${COUNT} sidecars built (certs issued, dumps assembled) and listening in ${startMs.toFixed(0)} ms; `
  + `bench process RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
await Promise.all(running.map((r) => r.close()).concat(istiod.close()));
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
