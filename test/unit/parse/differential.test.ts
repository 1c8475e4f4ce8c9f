// The fast reader must agree with `yaml` on every document it accepts, and must refuse every
// document `yaml` reports an error for. Checked on hand-written edge cases, the real samples,
// the examples, a generated corpus slice, and mutations of all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';
import { fastParse } from '../../../server/src/core/parse/fast-yaml';
import { splitDocuments } from '../../../server/src/core/parse/split';
import { repoRoot, sharedDir } from '../validate/helpers';

const EDGE = [
  'a: 1', 'a: -1', 'a: 1.5', 'a: -0.25', 'a: 007', 'a: 0x1F', 'a: 0o17', 'a: 1e3', 'a: .inf', 'a: -.inf', 'a: .nan', 'a: +1', 'a: -0',
  'a: 123456789012345678901', 'a: 1_000', 'a: 10.20.0.1', 'a: 1.', 'a: .5',
  'a: true', 'a: True', 'a: TRUE', 'a: yes', 'a: no', 'a: on', 'a: off', 'a: y', 'a: n', 'a: null', 'a: Null', 'a: ~', 'a:', 'a: ""', "a: ''",
  "a: 'it''s'", 'a: "x # y"', 'a: x # y', 'a: x#y', 'a: "a\\nb"', 'a: "\\u00e9"', "a: 'a\\nb'", 'a: "a" b', 'a: http://x:80/y', 'a: a:b',
  'a: b: c', 'a: - x', 'a: [1, 2]', 'a: []', 'a: {}', 'a: [] # c', 'a: {x: 1}', 'a: &x 1\nb: *x', 'a: !!str 1', 'a: |\n  x\n  y', 'a: >\n  x',
  'a: x\n  y', 'a:\n  b: 1\n c: 2', 'a:\n- 1\n- 2', 'a:\n  - 1\n  -\n  - 3', '- a\n- b', '- - a', '-\n  a: 1', '- a: 1\n  b: 2\n- c: 3',
  'a: 1\na: 2', '"a": 1', "'a': 1", '"a b": 1', 'true: 1', '1: x', 'null: 1', '? a\n: 1', 'a : 1', 'a:\tb', '\ta: 1',
  'a: 1 # c\n# c\nb: 2', '# only', '', '---', '--- # c\na: 1', '---\na: 1', '--- a', 'a', '"a"', 'a:  spaced  ', 'a: "x', "a: 'x",
  'a:\n  b:\n    c:\n      d: 1\n  e: 2', 'a:\n    - x: 1\n      y: 2', 'a: @x', 'a: `x`', 'a: %x', 'a: *x', 'a: -x', 'a: ?x', 'a: :x',
  'a: x\r\nb: y\r\n', 'a: x\u2028y', 'a: x\u0085y', 'a: \u00a0x', 'a: x\u0007', 'a: é ü 中文', 'a: x\u00a0', 'a:\u00a0x', 'a: "x"\u00a0', 'a: x \u00a0# c', '- \u00a0x', 'a: \u3000x', '"ключ": значение', 'a: "x"  # c', '<<: {a: 1}', '__proto__: 1', 'a: 1\n...', 'key: value with : colon', 'a: [x]\n', 'a: 1\n b: 2',
];

function yamlValue(text: string): { ok: true; value: unknown } | { ok: false } {
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'silent' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { ok: false };
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}

function agree(text: string, where: string): boolean {
  const fast = fastParse(text);
  if (!fast) return false;
  const ref = yamlValue(text);
  assert.ok(ref.ok, `${where}: fast reader accepted what yaml rejects:\n${text}`);
  assert.deepEqual(fast.value, ref.value, `${where}: values differ for:\n${text}`);
  return true;
}

function chunksOf(text: string): string[] {
  return (splitDocuments(text) ?? []).map((c) => c.text);
}

function mutations(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += Math.max(1, Math.floor(lines.length / 5))) {
    const l = lines[i];
    out.push([...lines.slice(0, i), ' ' + l, ...lines.slice(i + 1)].join('\n')); // indent shift
    out.push([...lines.slice(0, i), l.replace(': ', ':'), ...lines.slice(i + 1)].join('\n'));
    out.push([...lines.slice(0, i), l + ' #x', ...lines.slice(i + 1)].join('\n'));
    out.push([...lines.slice(0, i), l.replace(/: (\S+)$/, ': "$1"'), ...lines.slice(i + 1)].join('\n'));
    out.push([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
    out.push([...lines.slice(0, i + 1), l, ...lines.slice(i + 1)].join('\n')); // duplicate line (dup key)
  }
  return out;
}

function corpus(): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(sharedDir, 'fixtures/samples'));
  walk(path.join(sharedDir, 'fixtures/vm-onboarding'));
  walk(path.join(repoRoot, 'examples'));
  return files.map((f) => fs.readFileSync(f, 'utf8'));
}

test('fast reader agrees with yaml on edge cases (and refuses what it cannot read)', () => {
  let accepted = 0;
  for (const t of EDGE) if (agree(t, 'edge')) accepted++;
  for (const t of EDGE) if (agree(`---\n${t}\n`, 'edge+marker')) accepted++;
  assert.ok(accepted > 60, `fast reader accepted only ${accepted} edge cases`);
  // Forms it must leave to yaml.
  for (const t of ['a: &x 1\nb: *x', 'a: |\n  x', 'a: 1\na: 2', '\ta: 1', 'a: 0x1F', 'a: [1, 2]', 'a: x\n  y', 'a: "a\\x41"']) {
    assert.equal(fastParse(t), undefined, t);
  }
});

test('fast reader agrees with yaml on real manifests and their mutations', () => {
  let accepted = 0;
  let total = 0;
  for (const file of corpus()) {
    for (const chunk of chunksOf(file)) {
      for (const t of [chunk, ...mutations(chunk)]) {
        total++;
        if (agree(t, 'corpus')) accepted++;
      }
    }
  }
  assert.ok(total > 1000 && accepted > total / 3, `accepted ${accepted} of ${total}`);
});

test('fast reader agrees with yaml on a generated hybrid-mesh corpus (the bench input)', { skip: !fs.existsSync(path.join(sharedDir, 'bench/gen-corpus.mjs')) && 'generator not present' }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-diff-'));
  try {
    const r = spawnSync(process.execPath, [path.join(sharedDir, 'bench/gen-corpus.mjs'), '25', '--out', out, '--rate', '0.3'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    let accepted = 0;
    for (const f of fs.readdirSync(out).filter((x) => x.endsWith('.yaml'))) {
      for (const chunk of chunksOf(fs.readFileSync(path.join(out, f), 'utf8'))) if (agree(chunk, f)) accepted++;
    }
    assert.ok(accepted > 150, `accepted ${accepted}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('splitting agrees with parseAllDocuments on document count and content', () => {
  const texts = [...corpus(), 'a: 1\n---\nb: 2\n', '# c\n---\na: 1\n---\n', '---\n---\na: 1\n', 'a: |\n  x\n---\nb: 1\n', '--- # x\na: 1', 'a: 1\n--- \nb: 1', '-----\na: 1'];
  for (const text of texts) {
    const chunks = splitDocuments(text);
    if (!chunks) continue;
    const whole = parseAllDocuments(text, { logLevel: 'silent' });
    const docs = Array.isArray(whole) ? whole : [];
    assert.equal(chunks.length, docs.length, `document count for:\n${text.slice(0, 200)}`);
    chunks.forEach((c, i) => {
      assert.deepEqual(parseDocument(c.text, { logLevel: 'silent' }).toJS(), docs[i].toJS(), `document ${i}`);
      assert.equal(text.slice(c.start, c.end), c.text);
    });
  }
});
