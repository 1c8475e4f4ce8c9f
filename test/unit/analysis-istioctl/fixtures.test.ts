// Each istioctl-parity analyzer has test/unit/fixtures/analysis-istioctl/<analyzer>.yaml; its caret
// annotations must equal the findings of the whole analysis exactly (code, message, range).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/repo';
import { asExpected, parseFixture } from '../helpers/fixture';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { allAnalyzers, createAnalysis } from '../../../server/src/core/analysis/index';

const dir = path.join(repoRoot, 'test/unit/fixtures/analysis-istioctl');
const mine = allAnalyzers.filter((a) => a.name.startsWith('ist'));

test('every istioctl-parity analyzer is registered', () => {
  assert.deepEqual(mine.map((a) => a.name).sort(), fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort());
});

for (const a of mine) {
  test(`fixture ${a.name}.yaml`, () => {
    const fx = parseFixture(fs.readFileSync(path.join(dir, `${a.name}.yaml`), 'utf8'));
    const analysis = createAnalysis();
    analysis.apply(fx.files.map((f) => ({ uri: f.uri, resources: resourcesOf(parseYamlFile(f.uri, f.text)) })));
    const actual = fx.files.flatMap((f) => analysis.findingsOf(f.uri));
    const codes = new Set(fx.expected.map((x) => x.code));
    assert.ok(fx.expected.length > 0, 'a fixture needs at least one positive case');
    assert.ok([...codes].some((c) => actual.some((f) => f.code === c)), 'the fixture exercises its analyzer');
    assert.deepEqual(asExpected(actual), fx.expected);
  });
}
