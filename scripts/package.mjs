// `npm run package`: a production build and a .vsix holding only what the .vscodeignore allowlist
// lets through. The build runs in a staging folder (sources symlinked, shipped folders copied), so
// packaging never overwrites the development bundles in dist/.
// Usage: node scripts/package.mjs [--out <file.vsix>]   (default: ./<name>-<version>.vsix)
//        node scripts/package.mjs --stage <dir>         (only a development build of the extension
//        into <dir>, kept: the e2e runner loads it, safe from concurrent rebuilds of dist/)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// README links are relative to the repository (the same base the diagnostic code pages use).
const REPO_URL = 'https://github.com/hybrid-mesh/hybrid-mesh';

// Copied: what may ship (vsce does not follow symlinks). Linked: what only the build reads.
const COPY = ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'NOTICE', 'CHANGELOG.md', 'syntaxes', 'schemas', 'media'];
const LINK = ['client', 'server', 'node_modules', 'esbuild.mjs', 'tsconfig.json'];

function stageInto(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of COPY) if (fs.existsSync(path.join(root, f))) fs.cpSync(path.join(root, f), path.join(dir, f), { recursive: true });
  for (const f of LINK) if (fs.existsSync(path.join(root, f))) fs.symlinkSync(path.join(root, f), path.join(dir, f));
}
const run = (args, cwd) => spawnSync(process.execPath, args, { cwd, stdio: 'inherit' }).status ?? 1;
const started = Date.now();
const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const stageDir = arg('--stage');
if (stageDir) {
  const dir = path.resolve(stageDir);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length) { console.error(`stage: ${dir} is not empty`); process.exit(2); }
  stageInto(dir);
  if (run([path.join(dir, 'esbuild.mjs')], dir) !== 0) { console.error('stage: build failed'); process.exit(1); }
  console.log(`stage: ${dir} in ${secs()}`);
  process.exit(0);
}

const out = path.resolve(arg('--out') ?? path.join(root, `${pkg.name}-${pkg.version}.vsix`));
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-package-'));
let status = 1;
try {
  stageInto(stage);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // vsce runs the `vscode:prepublish` script (production esbuild) in the staging folder first.
  status = run([vsce, 'package', '--allow-missing-repository', '--no-dependencies',
    '--baseContentUrl', `${REPO_URL}/blob/main`, '--baseImagesUrl', `${REPO_URL}/raw/main`, '--out', out], stage);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
if (status !== 0) {
  console.error(`package: vsce failed (exit ${status})`);
  process.exit(1);
}
const kb = (fs.statSync(out).size / 1024).toFixed(1);
console.log(`package: ${out} (${kb} KiB) in ${secs()}`);
