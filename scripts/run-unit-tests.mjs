// Transpiles the TypeScript sources and tests to out/run-<pid>/ (no type check: `npm run
// typecheck` does that; a folder per run so concurrent runs never delete each other's files) and
// runs every *.test.js with Node's test runner. Set HM_KEEP_OUT=1 to keep the folder. Arguments narrow the run to test
// files whose path contains one of them: `node scripts/run-unit-tests.mjs proxy cel`.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['server/src', 'client/src', 'test/unit'];
const walk = (dir) => fs.existsSync(dir)
  ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : walk(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  })
  : [];

const sources = roots.flatMap(walk);
const outDir = path.join('out', `run-${process.pid}`);
fs.rmSync(outDir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: sources, outdir: outDir, outbase: '.', platform: 'node', target: 'node20',
  format: 'cjs', sourcemap: 'inline', logLevel: 'warning',
});

const filters = process.argv.slice(2);
const tests = sources
  .filter((s) => s.startsWith('test/unit') && s.endsWith('.test.ts'))
  .filter((s) => filters.length === 0 || filters.some((f) => s.includes(f)))
  .map((s) => path.join(outDir, s.replace(/\.ts$/, '.js')));
if (tests.length === 0) {
  fs.rmSync(outDir, { recursive: true, force: true });
  console.error('no test files matched');
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', `--test-concurrency=${concurrency}`, ...tests], { stdio: 'inherit' });
if (!process.env.HM_KEEP_OUT) fs.rmSync(outDir, { recursive: true, force: true });
process.exit(r.status ?? 1);
