// Istio's published sample configurations break no CEL rule (the API server accepts them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { evaluateCelRules } from '../../../server/src/core/cel/evaluate';
import { loadSchemaRegistry } from '../../../server/src/schemaFiles';
import { repoRoot, sharedDir } from '../helpers/repo';

const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(d, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(d, e.name)] : []);

test('every Istio resource under fixtures/samples passes every CEL rule', () => {
  const registry = loadSchemaRegistry(repoRoot);
  let checked = 0;
  const found: string[] = [];
  for (const file of walk(path.join(sharedDir, 'fixtures', 'samples'))) {
    for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      const v = doc.toJS() as Record<string, unknown> | null;
      if (!v || typeof v !== 'object') continue;
      const r = registry.lookup(String(v.apiVersion), String(v.kind));
      if (!('schema' in r)) continue;
      checked++;
      for (const x of evaluateCelRules(r.schema, v)) found.push(`${path.basename(file)} ${String(v.kind)}: ${x.pathText}: ${x.message}`);
    }
  }
  assert.ok(checked >= 60, `only ${checked} Istio resources found`);
  assert.deepEqual(found, []);
});
