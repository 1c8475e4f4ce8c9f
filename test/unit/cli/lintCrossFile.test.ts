// `lint` over several files runs the workspace analysis across them: a route's subset checked
// against a DestinationRule in another file, a ServiceEntry selector against VMs elsewhere; in
// every format, merged in file order, with the usual exit codes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SE_TYPO, SHOP, VS, writeWorkspace } from '../lsp/analysisFixtures';

let root = '';
let clean = '';
let broken = '';

function lint(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'hybrid-mesh.js'), 'lint', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  root = __dirname;
  while (!fs.existsSync(path.join(root, 'bin', 'hybrid-mesh.js'))) root = path.dirname(root);
  if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(root, 'server/src/cli/main.ts')], outfile: path.join(root, 'dist/cli.js'), platform: 'node', target: 'node20', format: 'cjs', bundle: true, logLevel: 'warning' });
  }
  clean = writeWorkspace(SHOP);
  broken = writeWorkspace({ ...SHOP, 'vs.yaml': VS.replace('subset: v2', 'subset: v3'), 'se.yaml': SE_TYPO });
});
after(() => {
  fs.rmSync(clean, { recursive: true, force: true });
  fs.rmSync(broken, { recursive: true, force: true });
});

const HM4001 = 'ServiceEntry reviews-vms workloadSelector app=reviewz selects no WorkloadGroup, WorkloadEntry or pod in namespace shop; did you mean `app: reviews` (WorkloadGroup reviews-vm)?';
const IST0101 = 'Referenced host+subset in destinationrule not found: "reviews+v3"';

test('a consistent set of files is clean; VM workloads count as workloads', () => {
  assert.deepEqual(lint(clean, ['.']), { code: 0, stdout: '', stderr: '' });
});

test('text: cross-file findings in file order, exit 1 for the error', () => {
  const r = lint(broken, ['vs.yaml', 'se.yaml', 'dr.yaml', 'k8s.yaml', 'vm.yaml']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, `vs.yaml:12:17: error IST0101 ${IST0101}\nse.yaml:14:12: warning HM4001 ${HM4001}\n`);
});

test('json: the same findings under the unchanged contract', () => {
  const r = lint(broken, ['--format', 'json', 'se.yaml', 'vs.yaml', 'dr.yaml', 'k8s.yaml', 'vm.yaml']);
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.stdout), { diagnostics: [
    { file: 'se.yaml', range: { start: { line: 13, character: 11 }, end: { line: 13, character: 18 } }, severity: 'warning', code: 'HM4001', message: HM4001, resource: { kind: 'ServiceEntry', name: 'reviews-vms', namespace: 'shop' } },
    { file: 'vs.yaml', range: { start: { line: 11, character: 16 }, end: { line: 11, character: 18 } }, severity: 'error', code: 'IST0101', message: IST0101, resource: { kind: 'VirtualService', name: 'reviews', namespace: 'shop' } },
  ] });
});

test('sarif: rules and results for the cross-file codes', () => {
  const r = lint(broken, ['--format', 'sarif', '.']);
  assert.equal(r.code, 1);
  const run = JSON.parse(r.stdout).runs[0];
  assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), ['HM4001', 'IST0101']);
  assert.deepEqual(run.results.map((x: { ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }) => {
    const p = x.locations[0].physicalLocation;
    return [x.ruleId, x.level, p.artifactLocation.uri, p.region.startLine, p.region.startColumn];
  }), [['HM4001', 'warning', 'se.yaml', 14, 12], ['IST0101', 'error', 'vs.yaml', 12, 17]]);
});

test('only the files given are analysed together: without the DestinationRule the route host is unknown too', () => {
  const r = lint(broken, ['vs.yaml', 'vs.yaml']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, 'vs.yaml:11:15: error IST0101 Referenced host not found: "reviews"\n');
});
