// Measures evaluateCelRules on a generated corpus (not a test: run after the unit-test build):
//   node scripts/run-unit-tests.mjs cel/url && HM_KEEP_OUT=1 ... node out/run-<pid>/test/unit/cel/celBench.js /tmp/h1corpus
// Prints µs per resource (first pass, with rule compilation, and the median of later passes) and
// checks the corpus' planted CEL mistakes are all found, with no other CEL finding.
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { evaluateCelRules } from '../../../server/src/core/cel/evaluate';
import { loadSchemaRegistry } from '../../../server/src/schemaFiles';
import { repoRoot } from '../helpers/repo';

interface Mistake { layer: string; file: string; docIndex: number; path: string; kind: string; name: string; type: string; after: unknown }

function main(dir: string): void {
  const registry = loadSchemaRegistry(repoRoot);
  const docs: { file: string; docIndex: number; value: Record<string, unknown>; schema: object | null }[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).forEach((d, docIndex) => {
      const value = d.toJS() as Record<string, unknown> | null;
      if (!value || typeof value !== 'object') return;
      const r = registry.lookup(String(value.apiVersion), String(value.kind));
      docs.push({ file, docIndex, value, schema: 'schema' in r ? r.schema : null });
    });
  }
  const pass = () => {
    const t0 = process.hrtime.bigint();
    const found: string[] = [];
    for (const d of docs) {
      if (!d.schema) continue;
      for (const v of evaluateCelRules(d.schema, d.value)) found.push(`${d.file}#${d.docIndex} ${v.path.join('.')}: ${v.message}`);
    }
    return { us: Number(process.hrtime.bigint() - t0) / 1000 / docs.length, found };
  };
  const first = pass();
  const times: number[] = [];
  for (let i = 0; i < 7; i++) times.push(pass().us);
  times.sort((a, b) => a - b);
  const expected = (JSON.parse(fs.readFileSync(path.join(dir, 'expected-mistakes.json'), 'utf8')) as Mistake[] | { mistakes: Mistake[] });
  const list = Array.isArray(expected) ? expected : expected.mistakes;
  // A port "typo" that stays within 1-65535 (3000 → 30000) breaks no CEL rule; the API server accepts it.
  const inRange = (m: Mistake) => m.type === 'port-out-of-range' && Number(m.after) >= 1 && Number(m.after) <= 65535;
  const notCel = list.filter((m) => m.layer === 'cel' && inRange(m)).length;
  const cel = list.filter((m) => m.layer === 'cel' && !inRange(m)).map((m) => `${m.file}#${m.docIndex} ${m.path.replace(/\[(\d+)\]/g, '.$1')}`);
  const foundKeys = first.found.map((f) => f.slice(0, f.indexOf(': ')));
  const missed = cel.filter((k) => !foundKeys.includes(k));
  const extra = first.found.filter((f) => !cel.includes(f.slice(0, f.indexOf(': '))));
  console.log(`resources=${docs.length} first-pass=${first.us.toFixed(1)}µs/resource median=${times[3].toFixed(1)}µs/resource min=${times[0].toFixed(1)}`);
  console.log(`planted cel mistakes=${cel.length} (+${notCel} port typos still in 1-65535, not violations) found=${cel.length - missed.length} missed=${missed.length} other findings=${extra.length}`);
  for (const m of missed.slice(0, 5)) console.log(`  missed ${m}`);
  for (const e of extra.slice(0, 5)) console.log(`  extra ${e}`);
}

if (require.main === module) main(process.argv[2] ?? '/tmp/h1corpus');
