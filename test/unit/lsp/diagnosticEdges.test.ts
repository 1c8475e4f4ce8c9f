// The real server on two edge cases of published diagnostics: a `\r`-only file (VS Code counts a
// lone CR as a line break) and a document with more findings than are shown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from './serverHarness';
import { MAX_FINDINGS_PER_DOCUMENT } from '../../../server/src/core/validate/limit';

describe('published diagnostics at the edges', () => {
  let s: TestServer;
  before(async () => { s = await startServer('stdio'); });
  after(async () => { await s.stop(); });

  test('a YAML syntax error in a \\r-only file is published on its line and character', async () => {
    const uri = 'file:///ws/old-mac.yaml';
    s.open(uri, ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cfg', 'data:', '  a: [1, 2', '  b: 3', ''].join('\r'));
    const p = await s.diagnostics(uri, (d) => d.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range]), [
      ['HM1001', { start: { line: 6, character: 2 }, end: { line: 6, character: 3 } }],
    ]);
  });

  test('a document with too many findings publishes the first ones and one information notice on its kind', async () => {
    const uri = 'file:///ws/many.yaml';
    const extra = Array.from({ length: MAX_FINDINGS_PER_DOCUMENT + 40 }, (_, i) => `  unknownKey${i}: 1`);
    s.open(uri, ['apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', '  name: cart', 'spec:', '  hosts:', '  - a.example.com', ...extra, ''].join('\n'));
    const p = await s.diagnostics(uri, (d) => d.diagnostics.length > 0);
    assert.equal(p.diagnostics.length, MAX_FINDINGS_PER_DOCUMENT + 1);
    const notices = p.diagnostics.filter((d) => d.code === 'HM1015');
    assert.equal(notices.length, 1);
    assert.deepEqual([notices[0].severity, notices[0].range], [3, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }]);
    assert.match(notices[0].message, /^40 more findings in this document were not shown/);
  });
});
