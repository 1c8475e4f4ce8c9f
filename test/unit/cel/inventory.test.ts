// Every rule in the generated schemas compiles in our environment, and FUNCTIONS.md lists exactly
// the functions those rules use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { compileRule } from '../../../server/src/core/cel/compile';
import { parseAllDocuments } from 'yaml';
import { repoRoot, sharedDir } from '../helpers/repo';
import { functionInventory, ruleSites } from './rules';

const sites = ruleSites();

test('the schemas carry every rule of the CRD file, in the same places', () => {
  const crd = fs.readFileSync(path.join(sharedDir, 'istio', 'crd-all.gen.yaml'), 'utf8');
  const fromCrd: string[] = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (!n || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n)) {
      if (k === 'x-kubernetes-validations') for (const r of v as { rule: string }[]) fromCrd.push(r.rule);
      else visit(v);
    }
  };
  for (const d of parseAllDocuments(crd)) {
    const o = d.toJS() as { spec: { versions: { served: boolean }[] } };
    visit(o.spec.versions.filter((v) => v.served));
  }
  assert.ok(fromCrd.length > 300, `${fromCrd.length} rules in the CRD file`);
  assert.deepEqual(sites.map((s) => s.rule).sort(), fromCrd.sort());
});

test('every rule compiles, calls only known functions, and none is a transition rule', () => {
  for (const s of sites) {
    const c = compileRule(s.rule);
    assert.equal(c.error, undefined, `${s.file} ${s.at}: ${s.rule}`);
    assert.equal(typeof c.program, 'function');
    assert.equal(c.transition, false, s.rule);
    assert.ok(s.message && s.message.length > 0, `${s.file} ${s.at}: rule without message`);
  }
});

test('a rule that calls an unknown function or does not parse is a compile error', () => {
  assert.equal(compileRule('isIP(self) && self != ""').error, "undeclared reference to 'isIP'");
  assert.match(compileRule('self.a ==').error ?? '', /^syntax error: /);
  assert.equal(compileRule('self == oldSelf').transition, true);
});

test('FUNCTIONS.md lists exactly the functions the rules use, with their counts', () => {
  const md = fs.readFileSync(path.join(repoRoot, 'server/src/core/cel/FUNCTIONS.md'), 'utf8');
  const table = new Map<string, [number, number]>();
  for (const m of md.matchAll(/^\| `(.+?)` \| (\d+) \| (\d+) \|$/gm)) table.set(m[1].replace(/\\\|/g, '|'), [Number(m[2]), Number(m[3])]);
  const inv = functionInventory(sites);
  assert.deepEqual([...table.keys()].sort(), [...inv.keys()].sort());
  for (const [k, v] of inv) assert.deepEqual(table.get(k), v, k);
  for (const f of ['isURL', 'url', 'getScheme', 'duration', 'substring', 'matches', 'exists_one', 'int']) assert.ok(inv.has(f), f);
});
