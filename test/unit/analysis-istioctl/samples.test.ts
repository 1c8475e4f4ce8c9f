// Istio's own samples, analyzed together as one workspace, stay free of errors from the
// istioctl-parity analyzers; the one warning is the one istioctl gives too (bookinfo's
// fault-injection-details-v1 has two rules without matches). Versions of one VirtualService
// (same namespace/name in several files) are one resource and do not conflict (IST0109).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedDir } from '../helpers/repo';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { allAnalyzers, Analysis } from '../../../server/src/core/analysis/index';

const samples = [path.join(sharedDir, 'fixtures', 'samples')].find((d) => fs.existsSync(d));
const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(d, e.name)] : []));

test('Istio samples: no errors, only the known unreachable-rule warning', { skip: samples ? false : 'samples not found' }, () => {
  const analysis = new Analysis(allAnalyzers.filter((a) => a.name.startsWith('ist')));
  const files = walk(samples!).sort();
  analysis.apply(files.map((f) => ({ uri: `file://${f}`, resources: resourcesOf(parseYamlFile(`file://${f}`, fs.readFileSync(f, 'utf8'))) })));
  const found = [...analysis.allFindings()].flatMap(([uri, list]) => list.map((f) => `${f.severity} ${f.code} ${path.relative(samples!, uri.slice('file://'.length))}: ${f.message}`));
  assert.deepEqual(found, ['warning IST0130 bookinfo/networking/fault-injection-details-v1.yaml: VirtualService rule #1 not used (only the last rule can have no matches).']);
});
