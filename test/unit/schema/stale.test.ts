// The committed schemas/ must match what the generator makes from the CRD file; and the check
// must notice a change in that file (otherwise this test could never fail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, sharedDir } from '../helpers/repo';

const script = path.join(repoRoot, 'scripts', 'gen-schemas.mjs');
const crdFile = path.join(sharedDir, 'istio', 'crd-all.gen.yaml');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

test('committed schemas/ are up to date with the CRD file', () => {
  const r = run('--crd', crdFile, '--check');
  assert.equal(r.status, 0, `stale schemas:\n${r.stderr}`);
  assert.match(r.stdout, /schemas up to date \(35 files\)/);
});

test('check mode reports the files a modified CRD text changes, and only those', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-schemas-'));
  try {
    const text = fs.readFileSync(crdFile, 'utf8');
    const needle = 'message: port must be between 1-65535';
    assert.ok(text.includes(needle));
    fs.writeFileSync(path.join(tmp, 'crd-all.gen.yaml'), text.replace(needle, 'message: port out of range'));
    fs.copyFileSync(path.join(sharedDir, 'istio', 'SOURCE'), path.join(tmp, 'SOURCE'));
    const r = run('--crd', path.join(tmp, 'crd-all.gen.yaml'), '--check');
    assert.equal(r.status, 1);
    const listed = r.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
    assert.equal(listed.length, 1, r.stderr);
    assert.match(listed[0], /^[a-z.]+\/v[0-9a-z]+\/[A-Za-z]+\.json \(differs\)$/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('generating into an empty directory reproduces the committed files byte for byte', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-schemas-'));
  try {
    const r = run('--crd', crdFile, '--out', tmp);
    assert.equal(r.status, 0, r.stderr);
    const rel = 'networking.istio.io/v1/WorkloadEntry.json';
    assert.equal(fs.readFileSync(path.join(tmp, rel), 'utf8'), fs.readFileSync(path.join(repoRoot, 'schemas', rel), 'utf8'));
    fs.writeFileSync(path.join(tmp, 'extra.json'), '{}\n');
    const c = run('--crd', crdFile, '--out', tmp, '--check');
    assert.equal(c.status, 1);
    assert.match(c.stderr, /extra\.json \(not generated\)/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('a CRD file that is not YAML fails with a clear message and status 2', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-schemas-'));
  try {
    fs.writeFileSync(path.join(tmp, 'bad.yaml'), 'a: [1\n');
    const r = run('--crd', path.join(tmp, 'bad.yaml'), '--check');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not valid YAML/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
