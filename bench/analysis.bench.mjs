// Cross-resource analysis on the synthetic hybrid-mesh corpus (../shared/bench/gen-corpus.mjs):
//   - cold analysis time at N=1000 and N=5000 as the language server's first scan spends it (each
//     file indexed right after its validation, then the checks), next to cold parse and cold
//     validation (createCore().checkFile), so the overhead ratio can be read off;
//   - recall on the planted `cross-resource` mistakes and every other finding, classified;
//   - incremental edits that change a selector, a label, a host or a subset: p50/p95 of the time
//     from new file text to updated findings (re-parse + apply) and of apply alone;
//   - after the edits, incremental findings must equal a cold analysis of the same texts.
// Usage: node bench/analysis.bench.mjs [N...]   (default 1000 5000; corpora cached in corpus/)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const NS = sizes.length ? sizes : [1000, 5000];
// Each size in a process of its own: a second size in the same process would find the code
// already optimized, and its "cold" figures would not be cold.
if (NS.length > 1) {
  for (const n of NS) {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(n)], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
  process.exit();
}

// ---- bundle the pure core entry points this bench drives ----
const coreFile = findCreateCore();
const entry = [
  "export { parseYamlFile, resourcesOf } from './server/src/core/parse/documents';",
  "export { spanOfPath } from './server/src/core/parse/pointer';",
  "export { createAnalysis, Analysis, allAnalyzers } from './server/src/core/analysis/index';",
  coreFile ? `export { createCore } from './${coreFile.replace(/\.ts$/, '')}';` : 'export const createCore = undefined;',
  fs.existsSync(path.join(repo, 'server/src/schemaFiles.ts')) ? "export { loadSchemaRegistry } from './server/src/schemaFiles';" : 'export const loadSchemaRegistry = undefined;',
].join('\n');
const outfile = path.join(os.tmpdir(), `hm-analysis-bench-${process.pid}.cjs`);
await esbuild.build({ stdin: { contents: entry, resolveDir: repo, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
const core = createRequire(import.meta.url)(outfile);
fs.rmSync(outfile, { force: true });

function findCreateCore() {
  const root = path.join(repo, 'server/src/core');
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const hit = walk(root).find((f) => f.endsWith('.ts') && /export (function|const) createCore\b/.test(fs.readFileSync(f, 'utf8')));
  return hit ? path.relative(repo, hit) : null;
}

function corpus(n) {
  const dir = path.join(repo, 'corpus', `n${n}`);
  if (!fs.existsSync(path.join(dir, 'expected-mistakes.json'))) {
    const gen = [process.env.HM_GEN_CORPUS, path.join(repo, '..', 'shared', 'bench', 'gen-corpus.mjs'), '/work/shared/bench/gen-corpus.mjs'].find((p) => p && fs.existsSync(p));
    if (!gen) throw new Error('gen-corpus.mjs not found: set HM_GEN_CORPUS');
    const r = spawnSync(process.execPath, [gen, String(n), '--out', dir], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('corpus generation failed');
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return { dir, files: files.map((f) => ({ uri: `file://${path.join(dir, f)}`, name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') })), expected: JSON.parse(fs.readFileSync(path.join(dir, 'expected-mistakes.json'), 'utf8')) };
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const now = () => process.hrtime.bigint();
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const r1 = (x) => Math.round(x * 10) / 10;

// seeded PRNG so every run edits the same resources
let seed = 7;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };

for (const n of NS) {
  const { files, expected } = corpus(n);
  console.log(`\n--- N=${n}: ${files.length} files, ${expected.total} planted mistakes (${expected.byLayer['cross-resource']} cross-resource) ---`);
  globalThis.gc?.();

  let t0 = now();
  let parsed = files.map((f) => ({ ...f, resources: core.resourcesOf(core.parseYamlFile(f.uri, f.text)) }));
  const parseMs = ms(t0);
  let validateMs = null;
  let validator = null;
  let analysis;
  let coldMs;
  let indexMs = 0;
  let checksMs = 0;
  if (core.createCore) {
    // As the language server's first scan runs it: each file is validated (schema + CEL), then
    // indexed at once (WorkspaceAnalysis preloads during the scan); after the last file, the checks.
    validator = core.createCore(core.loadSchemaRegistry ? { registry: core.loadSchemaRegistry(repo) } : {});
    globalThis.gc?.();
    analysis = core.createAnalysis();
    validateMs = 0;
    parsed = files.map((f) => {
      let t = now();
      const resources = validator.checkFile(f.uri, f.text).resources;
      validateMs += ms(t);
      t = now();
      analysis.load([{ uri: f.uri, resources, text: f.text }]);
      indexMs += ms(t);
      return { ...f, resources };
    });
    t0 = now();
    analysis.checkSome({});
    checksMs = ms(t0);
    coldMs = indexMs + checksMs;
  } else {
    globalThis.gc?.();
    analysis = core.createAnalysis();
    t0 = now();
    analysis.apply(parsed.map((f) => ({ uri: f.uri, resources: f.resources, text: f.text })));
    coldMs = ms(t0);
  }
  const resourceCount = parsed.reduce((a, f) => a + f.resources.length, 0);
  const base = validateMs ?? parseMs;
  console.log(`resources=${resourceCount} cold parse=${Math.round(parseMs)} ms` +
    (validateMs !== null ? ` cold validation (createCore().checkFile)=${Math.round(validateMs)} ms` : ' (createCore not available: baseline is parse only)') +
    ` cold analysis=${Math.round(coldMs)} ms` + (validateMs !== null ? ` (index during the scan ${Math.round(indexMs)} ms + checks ${Math.round(checksMs)} ms)` : '') +
    ` -> analysis adds ${r1((100 * coldMs) / base)}% of ${validateMs !== null ? 'validation' : 'parse'}`);

  // The same analysis as one apply after the whole validation (indexing then reads every
  // resource again, long after it was validated). Not cold any more: the code is warm from above.
  {
    globalThis.gc?.();
    t0 = now();
    core.createAnalysis().apply(parsed.map((f) => ({ uri: f.uri, resources: f.resources, text: f.text })));
    console.log(`  one apply after the whole validation, second run: ${Math.round(ms(t0))} ms`);
  }

  // Where the cold time goes: the index and engine alone, then every analyzer timed.
  {
    const times = {};
    const timed = core.allAnalyzers.map((a) => ({ ...a, check(e, ctx) { const t = performance.now(); try { return a.check(e, ctx); } finally { times[a.name] = (times[a.name] ?? 0) + performance.now() - t; } } }));
    const input = parsed.map((f) => ({ uri: f.uri, resources: f.resources, text: f.text }));
    globalThis.gc?.();
    t0 = now();
    new core.Analysis([]).apply(input);
    const bare = ms(t0);
    globalThis.gc?.();
    new core.Analysis(timed).apply(input);
    console.log(`  cold breakdown (ms): index + engine without analyzers=${Math.round(bare)}; ` +
      Object.entries(times).sort((x, y) => y[1] - x[1]).map(([k, x]) => `${k}=${Math.round(x)}`).join(' '));
  }

  // The language server's first analysis: files indexed in ~25 ms parts, then the checks in
  // ~25 ms slices (load + checkSome); its findings must equal the one-shot apply's.
  {
    const input = parsed.map((f) => ({ uri: f.uri, resources: f.resources, text: f.text }));
    globalThis.gc?.();
    const sliced = core.createAnalysis();
    const slices = [];
    t0 = now();
    for (let i = 0; i < input.length;) {
      const t = now();
      while (i < input.length && ms(t) < 25) sliced.load([input[i++]]);
      slices.push(ms(t));
    }
    const indexMs = ms(t0);
    for (;;) {
      const t = now();
      const r = sliced.checkSome({ maxMs: 25 });
      slices.push(ms(t));
      if (r.done) break;
    }
    const total = ms(t0);
    const same = JSON.stringify([...sliced.allFindings()]) === JSON.stringify([...analysis.allFindings()]);
    console.log(`  sliced cold analysis (load + checkSome, 25 ms): ${Math.round(total)} ms (index ${Math.round(indexMs)} ms), ${slices.length} slices, ` +
      `p95 ${r1(pct(slices, 95))} ms, longest ${r1(Math.max(...slices))} ms; findings equal one apply: ${same ? 'yes' : 'NO'}`);
  }

  // ---- recall and false positives ----
  const all = analysis.allFindings();
  const byUri = new Map(parsed.map((f) => [f.uri, f]));
  const planted = expected.mistakes.filter((m) => m.layer === 'cross-resource');
  const plantedKey = new Set(expected.mistakes.map((m) => `file://${path.join(path.dirname(files[0].uri.slice(7)), m.file)}#${m.docIndex}`));
  const plantedSpans = [];
  for (const m of expected.mistakes) {
    const f = byUri.get(`file://${path.join(path.dirname(files[0].uri.slice(7)), m.file)}`);
    const r = f?.resources.find((x) => x.docIndex === m.docIndex);
    if (r) plantedSpans.push({ uri: f.uri, span: r.span });
  }
  const found = {};
  let hit = 0;
  for (const m of planted) {
    const uri = `file://${path.join(path.dirname(files[0].uri.slice(7)), m.file)}`;
    const fs_ = (all.get(uri) ?? []).filter((x) => x.docIndex === m.docIndex);
    const ok = fs_.length > 0;
    found[`${m.type}/${m.kind}`] ??= [0, 0];
    found[`${m.type}/${m.kind}`][1]++;
    if (ok) { found[`${m.type}/${m.kind}`][0]++; hit++; }
  }
  console.log(`recall on planted cross-resource mistakes: ${hit}/${planted.length}`);
  for (const [k, [a, b]] of Object.entries(found)) console.log(`  ${k}: ${a}/${b}`);
  const other = { consequence: {}, unrelated: {} };
  const samples = [];
  for (const [uri, list] of all) {
    for (const f of list) {
      if (plantedKey.has(`${uri}#${f.docIndex}`)) continue;
      const consequence = (f.related ?? []).some((r) => plantedSpans.some((p) => p.uri === r.uri && r.span.start >= p.span.start && r.span.end <= p.span.end));
      const bucket = consequence ? other.consequence : other.unrelated;
      bucket[f.code] = (bucket[f.code] ?? 0) + 1;
      if (!consequence && samples.length < 3 && !samples.some((s) => s.code === f.code)) samples.push(f);
    }
  }
  const count = (o) => Object.values(o).reduce((a, b) => a + b, 0);
  console.log(`other findings caused by a planted mistake (related link into it): ${count(other.consequence)} ${JSON.stringify(other.consequence)}`);
  console.log(`false positives (findings on unplanted resources, no link to a planted one): ${count(other.unrelated)} ${JSON.stringify(other.unrelated)}`);
  for (const s of samples) console.log(`  e.g. ${s.code} ${s.resource?.kind} ${s.resource?.namespace}/${s.resource?.name}: ${s.message}`);

  // ---- incremental edits ----
  const EDITS = [
    { kind: 'WorkloadEntry', path: ['spec', 'labels', 'app'], to: (v) => `${v}x`, what: 'label' },
    { kind: 'WorkloadGroup', path: ['spec', 'metadata', 'labels', 'version'], to: () => 'v9', what: 'label' },
    { kind: 'ServiceEntry', path: ['spec', 'workloadSelector', 'labels', 'app'], to: (v) => `${v}x`, what: 'selector' },
    { kind: 'ServiceEntry', path: ['spec', 'hosts', 0], to: (v) => `x${v}`, what: 'host' },
    { kind: 'DestinationRule', path: ['spec', 'host'], to: (v) => `x${v}`, what: 'host' },
    { kind: 'DestinationRule', path: ['spec', 'subsets', 1, 'name'], to: () => 'v9', what: 'subset' },
    { kind: 'VirtualService', path: null, to: () => 'v9', what: 'subset' },
  ];
  const perEdit = n >= 5000 ? 25 : 10;
  const total = [];
  const applyOnly = [];
  const checked = [];
  const changedFiles = [];
  const current = new Map(parsed.map((f) => [f.uri, { text: f.text, resources: f.resources }]));
  // Unchanged documents are reused from the parser's chunk cache, as the language server does.
  const chunks = new Map();
  const cache = { get: (t) => chunks.get(t), set: (t, c) => chunks.set(t, c) };
  if (!validator) for (const f of files) core.parseYamlFile(f.uri, f.text, cache);
  const reparse = (uri, text) => (validator ? validator.checkFile(uri, text).resources : core.resourcesOf(core.parseYamlFile(uri, text, cache)));
  const doEdit = (uri, text) => {
    const t = now();
    const resources = reparse(uri, text);
    const t1 = now();
    const out = analysis.apply([{ uri, resources, text }]);
    total.push(ms(t));
    applyOnly.push(ms(t1));
    checked.push(analysis.lastChecked);
    changedFiles.push(out.size);
    current.set(uri, { text, resources });
  };
  for (const ed of EDITS) {
    const candidates = parsed.flatMap((f) => f.resources.filter((r) => r.kind === ed.kind).map((r) => ({ f, r })));
    for (let i = 0; i < perEdit; i++) {
      const { f, r: r0 } = candidates[Math.floor(rnd() * candidates.length)];
      const cur = current.get(f.uri);
      const r = cur.resources.find((x) => x.docIndex === r0.docIndex);
      const p = ed.path ?? ['spec', 'http', r.value.spec.http.length - 1, 'route', 1, 'destination', 'subset'];
      const span = core.spanOfPath(r.doc, p, 'value');
      const old = cur.text.slice(span.start, span.end);
      const edited = cur.text.slice(0, span.start) + ed.to(old) + cur.text.slice(span.end);
      doEdit(f.uri, edited);
      doEdit(f.uri, cur.text); // and back
    }
  }
  console.log(`incremental (${total.length} edits of selectors, labels, hosts and subsets, each followed by its revert):`);
  console.log(`  ${validator ? 'checkFile' : 're-parse'} + apply: p50=${r1(pct(total, 50))} ms p95=${r1(pct(total, 95))} ms max=${r1(Math.max(...total))} ms`);
  console.log(`  apply only:       p50=${r1(pct(applyOnly, 50))} ms p95=${r1(pct(applyOnly, 95))} ms max=${r1(Math.max(...applyOnly))} ms`);
  console.log(`  resources re-checked per edit: p50=${pct(checked, 50)} max=${Math.max(...checked)} (of ${resourceCount}); files with changed findings: max=${Math.max(...changedFiles)}`);

  // ---- incremental == cold ----
  // The cold side gets no texts: spans then come from the yaml Documents, so this also checks
  // that the text-based spans are the same.
  const cold = core.createAnalysis();
  cold.apply([...current].map(([uri, c]) => ({ uri, resources: core.resourcesOf(core.parseYamlFile(uri, c.text)) })));
  const a = JSON.stringify([...analysis.allFindings()].sort(([x], [y]) => x.localeCompare(y)));
  const b = JSON.stringify([...cold.allFindings()].sort(([x], [y]) => x.localeCompare(y)));
  console.log(`incremental findings equal a cold re-analysis: ${a === b ? 'yes' : 'NO'}`);
  if (a !== b) {
    process.exitCode = 1;
    const inc = analysis.allFindings();
    const col = cold.allFindings();
    for (const uri of new Set([...inc.keys(), ...col.keys()])) {
      const x = JSON.stringify(inc.get(uri) ?? []);
      const y = JSON.stringify(col.get(uri) ?? []);
      if (x === y) continue;
      const xi = inc.get(uri) ?? [];
      const yi = col.get(uri) ?? [];
      console.log(`  first difference in ${uri}: incremental ${xi.length} findings, cold ${yi.length}`);
      for (let i = 0; i < Math.max(xi.length, yi.length); i++) {
        if (JSON.stringify(xi[i]) !== JSON.stringify(yi[i])) { console.log('   inc', JSON.stringify(xi[i])?.slice(0, 400)); console.log('   cold', JSON.stringify(yi[i])?.slice(0, 400)); break; }
      }
      break;
    }
  }
}
