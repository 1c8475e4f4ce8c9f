// Starts simulated VM sidecars (`hybrid-mesh simulate-sidecar`) on free 127.0.0.1 ports and writes
// them into a workspace's settings (`hybridMesh.proxies`). Stays in the foreground until SIGINT /
// SIGTERM, then stops them. Used by the e2e runner and the demo.
// Usage: node scripts/e2e/sidecars.mjs [--cli dist/cli.js] --settings <ws>/.vscode/settings.json [--out list.json] NAME:SCENARIO[:NAMESPACE]...
//   SCENARIO `unreachable` configures a URL nobody listens on (a VM that is down).
// Writes --out ([{name, scenario, adminUrl}]) once every sidecar listens; exit 3 if the simulator is missing.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); if (i < 0) return undefined; const v = args[i + 1]; args.splice(i, 2); return v; };
const cli = path.resolve(opt('--cli') ?? path.join(root, 'bin', 'hybrid-mesh.js'));
const settingsFile = opt('--settings');
const outFile = opt('--out');
const wanted = args.map((a) => { const [name, scenario, namespace] = a.split(':'); return { name, scenario, namespace }; });
if (!settingsFile || wanted.length === 0 || wanted.some((w) => !w.name || !w.scenario)) {
  console.error('usage: sidecars.mjs --settings FILE [--out FILE] NAME:SCENARIO...');
  process.exit(2);
}

const help = spawnSync(process.execPath, [cli, 'simulate-sidecar', '--help'], { encoding: 'utf8' });
if (help.status !== 0) {
  console.error(`sidecars: 'hybrid-mesh simulate-sidecar' is not available (${(help.stderr || help.stdout || '').trim().split('\n')[0]})`);
  process.exit(3);
}

const children = [];
const stop = () => { for (const c of children) c.kill('SIGTERM'); };
process.on('SIGINT', () => { stop(); process.exit(0); });
process.on('SIGTERM', () => { stop(); process.exit(0); });

/** A port that was free a moment ago and has nothing listening now. */
const closedPort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

function start({ name, scenario, namespace }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'simulate-sidecar', '--port', '0', '--scenario', scenario, '--name', name,
      ...(namespace ? ['--namespace', namespace] : [])],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name}: no admin URL within 20 s; output: ${out}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^admin (http:\/\/127\.0\.0\.1:\d+)/m.exec(out);
      if (m) { clearTimeout(timer); resolve({ name, scenario, adminUrl: m[1] }); }
    });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${name}: simulator exited (${code}): ${out.trim()}`)); });
  });
}

try {
  const list = [];
  for (const w of wanted) {
    list.push(w.scenario === 'unreachable' ? { name: w.name, scenario: w.scenario, adminUrl: `http://127.0.0.1:${await closedPort()}` } : await start(w).then(({ name, scenario, adminUrl }) => ({ name, scenario, adminUrl })));
  }
  let settings = {};
  try { settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')); } catch { /* none yet */ }
  settings['hybridMesh.proxies'] = list.map(({ name, adminUrl }) => ({ name, adminUrl }));
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + '\n');
  if (outFile) fs.writeFileSync(outFile, JSON.stringify(list, null, 2));
  for (const s of list) console.log(`sidecar ${s.name.padEnd(16)} ${s.scenario.padEnd(14)} ${s.adminUrl}`);
} catch (e) {
  console.error(`sidecars: ${e.message}`);
  stop();
  process.exit(1);
}
setInterval(() => {}, 1 << 30);   // keep serving until signalled
