// Side by side with yaml-language-server (the YAML extension's server) on the same corpus:
//   cold: initialize, configure, didOpen every file of the N=1000 workspace, time until every
//         file's diagnostics arrived; the same for our server (dist/server.js) and our core
//         in-process; the bare `yaml` parse of the same text as the floor; peak RSS (VmHWM) of
//         each server process
//   edits: one keystroke (metadata.name += 'x') in a random file, time to its new diagnostics
// yaml-language-server is configured as a user would for Istio: `yaml.schemas` maps one
// combined JSON schema to the corpus files (it picks one schema per file glob). The combined
// schema holds each served Istio kind/version's CRD openAPIV3Schema from schemas/ (plus
// apiVersion/kind/metadata) and selects it with `allOf` of `if {apiVersion, kind} then $ref`,
// as Kubernetes CRD catalogs do. Schema store and CRD store off (no network); hover and
// completion off; validation on. Its 200 ms validation debounce is built in (not a setting):
// edit figures are printed with and without it. Our server runs with hybridMesh defaults
// except `validation.delayMs: 0` (its first check of a document never waits), once with the
// cross-file analysis off (per-file checks, like for like) and once on (as shipped; its clock
// starts at `initialized`, where the workspace scan starts). Cold ends with the last diagnostics
// message before a second of silence.
//
//   node bench/yls-compare.bench.mjs [--n 1000] [--runs 3] [--edits 10] [--skip-yls] [--server FILE]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildBench, benchBundle } from './build-bench.mjs';
import { StdioLspClient } from './lsp-stdio-client.mjs';
import { nameEdits } from './lib/edits.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.HM_SHARED_DIR ?? path.join(root, '..', 'shared');
const work = path.join(os.tmpdir(), 'hybrid-mesh-bench');
const require = createRequire(import.meta.url);
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('n', '1000'));
const RUNS = Number(arg('runs', '1'));
const EDITS = Number(arg('edits', '10'));
const TIMEOUT_MS = Number(arg('timeout', '300000'));
const QUIET_MS = 1000;
// Another build of our server (before/after comparisons); it finds schemas/ through
// HYBRID_MESH_SCHEMAS_DIR when it lives outside the repository.
const SERVER = path.resolve(arg('server', path.join(root, 'dist', 'server.js')));
const ms = (x) => `${Math.round(x)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];
const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

// ---- in-process phase (a fresh process, so cold is cold) ----
if (process.argv.includes('--phase-core')) {
  const dir = process.argv[process.argv.indexOf('--phase-core') + 1];
  const core = require(benchBundle);
  const texts = readCorpus(dir);
  const sdir = path.join(root, 'schemas');
  const index = JSON.parse(fs.readFileSync(path.join(sdir, 'index.json'), 'utf8'));
  const registry = new core.SchemaRegistry(index, (f) => JSON.parse(fs.readFileSync(path.join(sdir, f), 'utf8')));
  let t = performance.now();
  const c = core.createCore({ registry });
  let findings = 0;
  for (const [f, text] of texts) findings += c.checkFile(pathToFileURL(path.join(dir, f)).href, text).findings.length;
  const cold = performance.now() - t;
  t = performance.now();
  let docs = 0;
  for (const text of texts.values()) docs += core.parseAllDocuments(text).length;
  const floor = performance.now() - t;
  console.log(JSON.stringify({ cold, floor, findings, docs, rss: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

function readCorpus(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

function corpusReady(n) {
  const dir = path.join(work, `n${n}`);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    const r = spawnSync(process.execPath, [path.join(shared, 'bench', 'gen-corpus.mjs'), String(n), '--out', dir], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`gen-corpus failed for N=${n}`);
  }
  return dir;
}

/** One JSON schema for every served Istio kind/version, chosen per document by apiVersion + kind. */
function combinedSchema() {
  const sdir = path.join(root, 'schemas');
  const index = JSON.parse(fs.readFileSync(path.join(sdir, 'index.json'), 'utf8'));
  const definitions = {};
  const allOf = [];
  for (const k of index.kinds) {
    for (const v of k.versions) {
      if (!v.served || !v.file) continue;
      const s = JSON.parse(fs.readFileSync(path.join(sdir, v.file), 'utf8'));
      delete s.$id;
      delete s['x-hybrid-mesh'];
      const apiVersion = `${k.group}/${v.name}`;
      const name = `${k.group}.${v.name}.${k.kind}`;
      s.properties = {
        apiVersion: { type: 'string', enum: [apiVersion] },
        kind: { type: 'string', enum: [k.kind] },
        metadata: { type: 'object' },
        ...s.properties,
      };
      definitions[name] = s;
      allOf.push({
        if: { properties: { apiVersion: { const: apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
        then: { $ref: `#/definitions/${name}` },
      });
    }
  }
  const file = path.join(work, 'yls-istio-combined.schema.json');
  fs.writeFileSync(file, JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', definitions, allOf }));
  return { file, kinds: allOf.length };
}

/**
 * Runs one server: cold (all files opened, all diagnostics in) then edits. `waitFor(uris)` says
 * when a set of files has its diagnostics for the versions sent.
 */
async function runServer(label, client, dir, texts, waitMode, fromInitialized = false) {
  const uris = new Map([...texts.keys()].map((f) => [f, pathToFileURL(path.join(dir, f)).href]));
  const published = new Map(); // uri -> count of publishes
  const latest = new Map(); // uri -> last diagnostics
  let checksRun = 0;
  let documentsChecked = 0;
  let wake = () => undefined;
  let lastAt = 0;
  client.on('textDocument/publishDiagnostics', (p) => {
    lastAt = performance.now();
    published.set(p.uri, (published.get(p.uri) ?? 0) + 1);
    latest.set(p.uri, p.diagnostics);
    wake();
  });
  client.on('hybridMesh/status', (p) => {
    lastAt = performance.now();
    checksRun = p.checksRun;
    documentsChecked = p.documentsChecked;
    wake();
  });
  let gone;
  void client.exited.then(({ code, signal }) => gone?.(new Error(`${label} exited (${code ?? signal}): ${client.stderr}`)));
  const until = (cond) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label}: timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    gone = (e) => {
      clearTimeout(timer);
      reject(e);
    };
    const check = () => {
      if (cond()) {
        clearTimeout(timer);
        wake = () => undefined;
        resolve(performance.now());
      }
    };
    wake = check;
    check();
  });
  let t0 = 0;
  let cpu0 = 0;
  const start = () => {
    cpu0 = client.cpuMs();
    t0 = performance.now();
  };
  // With the workspace analysis on, the server starts reading the folder at `initialized`: the
  // clock starts there. Otherwise the server settles first (configuration pulled, schemas
  // registered) and the clock starts with the first didOpen.
  await client.initialize(pathToFileURL(dir).href, fromInitialized ? start : undefined);
  client.notify('workspace/didChangeConfiguration', { settings: {} });
  if (!fromInitialized) {
    await new Promise((r) => setTimeout(r, 500));
    start();
  }
  for (const [f, text] of texts) {
    client.notify('textDocument/didOpen', { textDocument: { uri: uris.get(f), languageId: 'yaml', version: 1, text } });
  }
  // yaml-language-server publishes for every validated file (empty lists too); ours publishes
  // only changes and reports each finished check in its status notification.
  const all = waitMode === 'status'
    ? () => documentsChecked >= texts.size
    : () => [...uris.values()].every((u) => published.has(u));
  await until(all);
  // Later rounds (our cross-file analysis, a re-validation) count too: cold ends with the last
  // diagnostics message before a second of silence.
  while (performance.now() - lastAt < QUIET_MS) await new Promise((r) => setTimeout(r, 100));
  const cold = lastAt - t0;
  const coldCpu = client.cpuMs() - cpu0;
  const rssCold = client.peakRssMb();
  const diagnostics = [...latest.values()].flat();
  if (process.env.HM_BENCH_DEBUG) {
    const byMsg = new Map();
    for (const d of diagnostics) byMsg.set(d.message.slice(0, 70), (byMsg.get(d.message.slice(0, 70)) ?? 0) + 1);
    console.error(label, [...byMsg].sort((a, b) => b[1] - a[1]).slice(0, 15));
  }
  const times = [];
  let version = 1;
  for (const e of nameEdits(new Map(texts), EDITS)) {
    const uri = uris.get(e.file);
    const head = e.text.slice(0, e.at); // the keystroke's line and character, as the client sends them
    const line = head.split('\n').length - 1;
    const character = e.at - (head.lastIndexOf('\n') + 1);
    const before = waitMode === 'status' ? checksRun : published.get(uri) ?? 0;
    const t = performance.now();
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
    await until(() => (waitMode === 'status' ? checksRun > before : (published.get(uri) ?? 0) > before));
    times.push(performance.now() - t);
  }
  const rss = client.peakRssMb();
  await client.shutdown();
  const errors = diagnostics.filter((d) => d.severity === 1).length;
  return { cold, coldCpu, rssCold, rss, edits: times, diagnostics: diagnostics.length, errors };
}

async function runYls(dir, texts, schema) {
  const bin = require.resolve('yaml-language-server/bin/yaml-language-server');
  const yaml = {
    validate: true, hover: false, completion: false, format: { enable: false },
    schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
    schemas: { [pathToFileURL(schema).href]: [path.join(dir, '*.yaml'), '*.yaml'] },
  };
  const client = new StdioLspClient([bin, '--stdio'], (section) => (section === 'yaml' ? yaml : section === 'http' ? {} : null));
  return runServer('yaml-language-server', client, dir, texts, 'publish');
}

/** Our server; `analysis` false leaves per-file checks only (what yaml-language-server does). */
async function runOurs(dir, texts, analysis) {
  const settings = { validation: { enable: true, delayMs: 0 }, analysis: { enable: analysis } };
  const answer = (section) => (section === 'hybridMesh' ? settings : section === 'hybridMesh.analysis' ? settings.analysis : null);
  const client = new StdioLspClient([SERVER, '--stdio'], answer);
  return runServer('hybrid-mesh', client, dir, texts, 'status', analysis);
}

function runCore(dir) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--phase-core', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`in-process phase failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// ---- main ----
await buildBench();
if (!fs.existsSync(path.join(root, 'dist', 'server.js'))) {
  const r = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) throw new Error('build of dist/server.js failed');
}
const dir = corpusReady(N);
const texts = readCorpus(dir);
const bytes = [...texts.values()].reduce((a, t) => a + Buffer.byteLength(t), 0);
const schema = combinedSchema();
console.log(`N=${N}: ${texts.size} files, ${(bytes / 1e6).toFixed(2)} MB; ${RUNS} run(s); yaml-language-server ${require('yaml-language-server/package.json').version} with a combined schema of ${schema.kinds} Istio kind/versions`);
const rows = { core: [], floor: [], ours: [], full: [], yls: [] };
const loads = [];
for (let run = 0; run < RUNS; run++) {
  loads.push(loadavg());
  const c = runCore(dir);
  rows.core.push(c.cold);
  rows.floor.push(c.floor);
  const o = await runOurs(dir, texts, false);
  rows.ours.push(o);
  const a = await runOurs(dir, texts, true);
  rows.full.push(a);
  let y;
  if (!process.argv.includes('--skip-yls')) {
    y = await runYls(dir, texts, schema.file);
    rows.yls.push(y);
  }
  console.log(`run ${run + 1} (loadavg ${loads[run]}): core in-process ${ms(c.cold)} (${c.docs} documents, ${c.findings} findings), bare yaml parse ${ms(c.floor)}, ` +
    `hybrid-mesh server ${ms(o.cold)} (cpu ${ms(o.coldCpu)}; ${o.diagnostics} diagnostics, ${o.errors} errors), ` +
    `with cross-file analysis ${ms(a.cold)} (cpu ${ms(a.coldCpu)}; ${a.diagnostics} diagnostics)` +
    `${y ? `, yaml-language-server ${ms(y.cold)} (cpu ${ms(y.coldCpu)}; ${y.diagnostics} diagnostics, ${y.errors} errors)` : ''}`);
}
const med = (xs) => median(xs);
const ours = med(rows.ours.map((r) => r.cold));
console.log(`\ncold validation, all ${texts.size} files opened (median of ${RUNS}):`);
console.log(`  floor, bare yaml parseAllDocuments (in-process): ${ms(med(rows.floor))}`);
console.log(`  hybrid-mesh core in-process:                      ${ms(med(rows.core))}`);
console.log(`  hybrid-mesh server (stdio, open -> diagnostics):  ${ms(ours)}; peak RSS ${med(rows.ours.map((r) => r.rss)).toFixed(0)} MB  (per-file checks, analysis off)`);
console.log(`  hybrid-mesh server, cross-file analysis on:       ${ms(med(rows.full.map((r) => r.cold)))}; peak RSS ${med(rows.full.map((r) => r.rss)).toFixed(0)} MB  (clock from \`initialized\`: also reads, checks and indexes the workspace folder)`);
if (rows.yls.length) {
  const yls = med(rows.yls.map((r) => r.cold));
  console.log(`  yaml-language-server (stdio):                     ${ms(yls)}; peak RSS ${med(rows.yls.map((r) => r.rss)).toFixed(0)} MB`);
  const cpu = (rs) => med(rs.map((r) => r.coldCpu));
  console.log(`  yaml-language-server / hybrid-mesh server = ${(yls / ours).toFixed(2)}x wall clock  [budget >= 3x]; ` +
    `${(cpu(rows.yls) / cpu(rows.ours)).toFixed(2)}x in server CPU time (${ms(cpu(rows.yls))} / ${ms(cpu(rows.ours))}, steadier on a shared machine)`);
}
const editLine = (name, rs, debounce = 0) => {
  const all = rs.flatMap((r) => r.edits);
  if (!all.length) return;
  const tail = debounce ? `; without its ${debounce} ms debounce: median ${ms(pct(all, 0.5) - debounce)}, p95 ${ms(pct(all, 0.95) - debounce)}` : '';
  console.log(`  ${name}: median ${ms(pct(all, 0.5))}, p95 ${ms(pct(all, 0.95))} (${all.length} edits)${tail}`);
};
console.log(`edit -> diagnostics of the edited file (one keystroke, workspace of ${texts.size} open files):`);
editLine('hybrid-mesh server (delayMs 0)', rows.ours);
editLine('hybrid-mesh server with analysis (delayMs 0)', rows.full);
editLine('yaml-language-server', rows.yls, 200);
