// Maps with very many keys: duplicate keys and per-key findings stay linear, so a 100,000-key
// document is checked in seconds rather than minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { duplicateKeyStarts } from '../../../server/src/core/parse/duplicateKeys';
import { parseChunk } from '../../../server/src/core/parse/chunk';
import { spanOfPath } from '../../../server/src/core/parse/pointer';

test('duplicateKeyStarts: repeated scalar keys at every level, 1 and "1" are different keys', () => {
  const text = 'a: 1\nb:\n  x: 1\n  x: 2\na: 3\nc: [{y: 1, y: 2}]\n1: a\n"1": b\n';
  const doc = parseDocument(text, { uniqueKeys: false });
  const starts = duplicateKeyStarts(doc.contents);
  assert.deepEqual(starts.map((s) => text.slice(s, s + 1) + '@' + s), ['x@17', 'a@22', 'y@38']);
  assert.deepEqual(duplicateKeyStarts(parseDocument('a: 1\nb: 2\n').contents), []);
});

test('a chunk reports each duplicate key once, on the repeated key', () => {
  const c = parseChunk('a: 1\nb: 2\na: 3\n');
  assert.deepEqual(c.problems.map((p) => [p.code, p.span.start, p.span.end]), [['HM1002', 10, 11]]);
});

test('100,000 keys with one duplicate: parsed in well under the old quadratic time', () => {
  const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`);
  keys.push('k5: again');
  const text = keys.join('\n') + '\n';
  const t0 = Date.now();
  const c = parseChunk(text);
  const ms = Date.now() - t0;
  assert.deepEqual(c.problems.map((p) => [p.code, text.slice(p.span.start, p.span.end)]), [['HM1002', 'k5']]);
  assert.ok(ms < 10_000, `took ${ms} ms`);
});

test('spanOfPath on a large map finds the first pair with the key (indexed), and misses cleanly', () => {
  const lines = Array.from({ length: 200 }, (_, i) => `k${i}: ${i}`);
  lines.push('k7: dup', '3: three');
  const text = lines.join('\n') + '\n';
  const doc = parseDocument(text, { uniqueKeys: false });
  const s = spanOfPath(doc, ['k7'], 'key');
  assert.equal(text.slice(s!.start, s!.end), 'k7');
  assert.equal(s!.start, text.indexOf('k7: 7'));
  const n = spanOfPath(doc, [3], 'value');
  assert.equal(text.slice(n!.start, n!.end), 'three');
  const missing = spanOfPath(doc, ['nope', 'deeper'], 'key');
  assert.ok(missing === undefined || text.slice(missing.start, missing.end) !== 'nope');
});
