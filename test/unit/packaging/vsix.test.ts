// `npm run package` builds a .vsix holding ONLY the bundles, schemas, syntaxes, media, package.json,
// README and LICENSE, and that .vsix installs into a real VS Code (code-server), when one is cached.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipEntries } from './zipEntries';
import { repoRoot } from '../helpers/repo';

const root = repoRoot;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-vsix-test-'));
const vsix = path.join(tmp, 'hybrid-mesh.vsix');
let entries: string[] = [];

/** Every file under a repo folder, as vsix entry names (extension/<path>). */
const filesUnder = (dir: string): string[] => !fs.existsSync(path.join(root, dir)) ? [] : fs
  .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => `extension/${path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`);

before(() => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/package.mjs'), '--out', vsix], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
  entries = zipEntries(vsix).sort();
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the vsix holds exactly the allowlisted files', () => {
  const bundles = ['client', 'server', 'webview']
    .filter((b) => b !== 'webview' || fs.existsSync(path.join(root, 'client/webview/main.ts')))
    .map((b) => `extension/dist/${b}.js`);
  const expected = [
    '[Content_Types].xml', 'extension.vsixmanifest',
    'extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt',
    ...(fs.existsSync(path.join(root, 'CHANGELOG.md')) ? ['extension/changelog.md'] : []),
    ...(fs.existsSync(path.join(root, 'NOTICE')) ? ['extension/NOTICE'] : []),
    ...bundles, ...filesUnder('syntaxes'), ...filesUnder('schemas'), ...filesUnder('media'),
  ].sort();
  assert.deepEqual(entries, expected);
});

test('nothing from sources, tests, dependencies or source maps slipped in', () => {
  const leaks = entries.filter((e) => /(^|\/)(node_modules|src|test|out|scripts|\.e2e)\/|\.map$|\.ts$/.test(e));
  assert.deepEqual(leaks, []);
  assert.ok(entries.includes('extension/syntaxes/cluster-env.tmLanguage.json'));
});

test('the vsix installs into code-server (skipped when code-server is not installed)', (t) => {
  const cache = process.env.HM_CACHE || path.join(os.homedir(), '.cache', 'hybrid-mesh');
  const cs = path.join(cache, 'code-server-4.100.3-node20-x64', 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(cs)) {
    t.skip(`code-server is not installed at ${cs} (scripts/e2e/install.sh installs it)`);
    return;
  }
  const exts = path.join(tmp, 'exts');
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, '');
  const r = spawnSync(cs, ['--config', config, '--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', exts,
    '--install-extension', vsix, '--force'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TMPDIR: tmp } });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /was successfully installed/);
  const dir = path.join(exts, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  const installed = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string };
  assert.equal(installed.name, pkg.name);
  assert.ok(fs.existsSync(path.join(dir, 'dist', 'server.js')));
});
