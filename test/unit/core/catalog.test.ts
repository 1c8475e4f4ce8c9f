import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Catalog, formatMessage } from '../../../server/src/core/diagnostics/catalog';
import { repoRoot } from '../helpers/repo';

const entries = Object.entries(Catalog).map(([name, e]) => ({ name, ...(e as (typeof Catalog)[keyof typeof Catalog]) }));
const root = repoRoot;

test('codes are unique and well-formed', () => {
  const seen = new Map<string, string>();
  for (const e of entries) {
    assert.match(e.code, /^(IST|HM)\d{4}$/, `${e.name}: bad code ${e.code}`);
    assert.ok(!seen.has(e.code), `${e.code} used by ${seen.get(e.code)} and ${e.name}`);
    seen.set(e.code, e.name);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(e.severity), `${e.name}: severity`);
    assert.ok(e.summary.length > 0, `${e.name}: summary`);
  }
});

test('every template placeholder is a declared arg and every arg is used', () => {
  for (const e of entries) {
    const used = [...e.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual([...new Set(used)], [...e.args].sort(), `${e.name}: template ${e.template}`);
  }
});

test('formatMessage fills placeholders and leaves unknown ones visible', () => {
  assert.equal(formatMessage('a {x} b {y}', { x: 1 }), 'a 1 b {y}');
});

test('no locked code disappeared or changed meaning', () => {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'docs/codes.lock.json'), 'utf8')) as Record<string, { name: string; severity: string; retired?: boolean }>;
  const byCode = new Map<string, (typeof entries)[number]>(entries.map((e) => [e.code, e]));
  for (const [code, l] of Object.entries(lock)) {
    if (l.retired) continue;
    const e = byCode.get(code);
    assert.ok(e, `${code} (${l.name}) was removed: retire it in docs/codes.lock.json instead`);
    assert.equal(e.name, l.name, `${code} renamed`);
    assert.equal(e.severity, l.severity, `${code} changed severity`);
  }
});

test('README table and code pages match the catalog', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/gen-diagnostics-docs.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
});
