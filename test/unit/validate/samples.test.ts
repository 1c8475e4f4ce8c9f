// Real manifests: every upstream sample lints without errors, and the examples workspace
// produces no finding at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { check, repoRoot, sharedDir } from './helpers';

const samplesDir = path.join(sharedDir, 'fixtures/samples');

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

test('every sample manifest lints with zero errors', { skip: !fs.existsSync(samplesDir) && 'shared fixtures not present' }, () => {
  const files = yamlFiles(samplesDir);
  assert.ok(files.length >= 30, `expected the sample manifests, found ${files.length}`);
  const errors = files.flatMap((f) => check(fs.readFileSync(f, 'utf8'), f).filter((x) => x.severity === 'error').map((x) => `${path.relative(samplesDir, f)}:${x.line + 1}: ${x.code} ${x.message}`));
  assert.deepEqual(errors, []);
});

test('the examples workspace produces no findings', () => {
  const files = yamlFiles(path.join(repoRoot, 'examples'));
  assert.ok(files.length >= 8);
  const all = files.flatMap((f) => check(fs.readFileSync(f, 'utf8'), f).map((x) => `${path.relative(repoRoot, f)}:${x.line + 1}: ${x.code} ${x.message}`));
  assert.deepEqual(all, []);
});

test('the examples hold the hybrid mesh kinds', () => {
  const kinds = new Set<string>();
  for (const f of yamlFiles(path.join(repoRoot, 'examples'))) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/^kind: (\w+)$/gm)) kinds.add(m[1]);
  }
  for (const k of ['WorkloadGroup', 'WorkloadEntry', 'ServiceEntry', 'DestinationRule', 'VirtualService', 'AuthorizationPolicy', 'PeerAuthentication', 'Namespace', 'Deployment', 'Service', 'ServiceAccount']) {
    assert.ok(kinds.has(k), `examples lack a ${k}`);
  }
});
