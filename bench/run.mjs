// `npm run bench`: runs every bench/*.bench.mjs (or those whose name contains an argument) one
// after another, each in its own Node process so peak RSS figures are per benchmark.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const benches = fs.readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const b of benches) {
  console.log(`\n=== ${b} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(here, b)], { stdio: 'inherit', cwd: path.join(here, '..') });
  if (r.status !== 0) { failed++; console.log(`${b} exited with ${r.status}`); }
}
process.exit(failed ? 1 : 0);
