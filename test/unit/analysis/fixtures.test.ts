// Every analyzer has test/unit/fixtures/analysis/<analyzer>.yaml; its caret annotations must
// equal the findings of that analyzer over the fixture's files exactly (code, message and
// range), nothing more. Each analyzer runs alone so fixtures do not depend on one another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/repo';
import { annotate, asExpected, parseFixture } from '../helpers/fixture';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { Analysis, allAnalyzers } from '../../../server/src/core/analysis/index';
import type { Analyzer } from '../../../server/src/core/analysis/analyzer';

const dir = path.join(repoRoot, 'test/unit/fixtures/analysis');

function analyzeFixture(source: string, analyzer: Analyzer) {
  const fx = parseFixture(source);
  const analysis = new Analysis([analyzer]);
  analysis.apply(fx.files.map((f) => ({ uri: f.uri, resources: resourcesOf(parseYamlFile(f.uri, f.text)) })));
  const actual = fx.files.flatMap((f) => analysis.findingsOf(f.uri));
  return { fx, analysis, actual };
}

for (const a of allAnalyzers) {
  test(`fixture ${a.name}.yaml`, () => {
    // istioctl-parity analyzers (analyzers/ist*.ts) keep their fixtures in fixtures/analysis-istioctl/.
    const file = path.join(a.name.startsWith('ist') ? `${dir}-istioctl` : dir, `${a.name}.yaml`);
    assert.ok(fs.existsSync(file), `missing fixture ${file}`);
    const { fx, actual } = analyzeFixture(fs.readFileSync(file, 'utf8'), a);
    assert.ok(fx.expected.length > 0, 'a fixture needs at least one positive case');
    assert.deepEqual(asExpected(actual), fx.expected);
  });
}

// Spans found from the file text (FileChange.text) must be the ones the yaml Documents give.
test('every fixture gives the same findings with and without the file texts', () => {
  for (const d of [dir, `${dir}-istioctl`]) {
    for (const name of fs.readdirSync(d).filter((f) => f.endsWith('.yaml'))) {
      const fx = parseFixture(fs.readFileSync(path.join(d, name), 'utf8'));
      const run = (withText: boolean) => {
        const analysis = new Analysis(allAnalyzers);
        analysis.apply(fx.files.map((f) => ({ uri: f.uri, resources: resourcesOf(parseYamlFile(f.uri, f.text)), ...(withText ? { text: f.text } : {}) })));
        return fx.files.map((f) => analysis.findingsOf(f.uri));
      };
      const withText = run(true);
      assert.ok(withText.flat().length > 0, `${name} has findings`);
      assert.deepEqual(withText, run(false), name);
    }
  }
});

test('annotate is the inverse of parseFixture', () => {
  const source = fs.readFileSync(path.join(dir, 'virtualServiceRefs.yaml'), 'utf8');
  const { fx, actual } = analyzeFixture(source, allAnalyzers.find((a) => a.name === 'virtualServiceRefs')!);
  assert.equal(annotate(fx.files, actual), source);
});
