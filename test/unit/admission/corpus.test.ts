// The admission rules against real material: Istio's samples must stay free of errors, and the
// synthetic workspace generator's planted `semantic` mistakes must be found on their line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { admissionFindings } from '../../../server/src/core/admission/index';
import { LineIndex } from '../../../server/src/core/text/span';

const SAMPLES = '/work/shared/fixtures/samples';
const GENERATOR = '/work/shared/bench/gen-corpus.mjs';

const yamlFiles = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(dir, e.name);
  return e.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
});

/** `file:line` (1-based) -> messages of IST0106 findings, plus the resource count. */
function scan(dir: string): { errors: Map<string, string[]>; resources: number; micros: number } {
  const errors = new Map<string, string[]>();
  let resources = 0;
  let micros = 0;
  for (const file of yamlFiles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    const li = new LineIndex(text);
    for (const r of resourcesOf(parseYamlFile(file, text))) {
      const t0 = performance.now();
      const found = admissionFindings(r);
      micros += (performance.now() - t0) * 1000;
      resources++;
      for (const f of found) {
        if (f.code !== 'IST0106') continue;
        const key = `${path.relative(dir, file)}:${li.positionAt(f.span.start).line + 1}`;
        errors.set(key, [...(errors.get(key) ?? []), f.message]);
      }
    }
  }
  return { errors, resources, micros };
}

test('Istio samples yield no admission errors', { skip: !fs.existsSync(SAMPLES) && 'samples not present' }, () => {
  const { errors, resources } = scan(SAMPLES);
  assert.ok(resources > 20, `expected the samples to hold Istio resources, got ${resources}`);
  assert.deepEqual([...errors.entries()], []);
});

test('planted semantic mistakes are found on their line, and nothing else is flagged', { skip: !fs.existsSync(GENERATOR) && 'generator not present' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admission-corpus-'));
  try {
    const gen = spawnSync(process.execPath, [GENERATOR, '300', '--out', dir, '--seed', '11', '--rate', '0.1'], { encoding: 'utf8' });
    assert.equal(gen.status, 0, gen.stderr);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected-mistakes.json'), 'utf8')) as unknown;
    const list = (Array.isArray(expected) ? expected : (expected as { mistakes: unknown[] }).mistakes) as {
      layer: string; file: string; line: number; type: string; after: unknown;
    }[];
    const semantic = list.filter((m) => m.layer === 'semantic');
    // A port pushed to e.g. 30000 is still a valid port: no webhook rejects it, so it cannot be a finding.
    const real = semantic.filter((m) => !(m.type === 'port-out-of-range' && typeof m.after === 'number' && m.after <= 65535));
    assert.ok(real.length >= 10, `generator planted too few semantic mistakes (${real.length})`);
    const { errors, resources, micros } = scan(dir);
    const missed = real.filter((m) => !errors.has(`${m.file}:${m.line}`));
    assert.deepEqual(missed, []);
    const planted = new Set(semantic.map((m) => `${m.file}:${m.line}`));
    assert.deepEqual([...errors.keys()].filter((k) => !planted.has(k)), []);
    console.log(`# admission: ${real.length}/${real.length} real semantic mistakes found (${semantic.length - real.length} in-range ports not flagged); ${resources} resources, ${(micros / resources).toFixed(1)} us/resource (first pass)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
