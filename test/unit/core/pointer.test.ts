import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { spanOfPath } from '../../../server/src/core/parse/pointer';
import { LineIndex } from '../../../server/src/core/text/span';

const text = 'apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - name: http\n    port: 80\n';
const doc = parseDocument(text);
const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);

test('value and key spans of an existing path', () => {
  assert.equal(slice(spanOfPath(doc, ['spec', 'ports', 0, 'port'])), '80');
  assert.equal(slice(spanOfPath(doc, ['spec', 'ports', 0, 'port'], 'key')), 'port');
});

test('a missing field falls back to the key of its deepest existing parent', () => {
  assert.equal(slice(spanOfPath(doc, ['spec', 'ports', 0, 'protocol'])), 'name: http\n    port: 80\n');
  assert.equal(slice(spanOfPath(doc, ['spec', 'selector', 'app'])), 'spec');
  assert.equal(slice(spanOfPath(doc, ['metadata', 'name'])), 'kind');
});

test('LineIndex maps offsets both ways, CRLF included', () => {
  const li = new LineIndex('a\r\nbc\nd');
  assert.deepEqual(li.positionAt(4), { line: 1, character: 1 });
  assert.equal(li.offsetAt({ line: 2, character: 0 }), 6);
  assert.equal(li.lineCount, 3);
});

test('paths through an alias resolve to the anchored node', () => {
  const t = 'base: &b\n  port: 80\nuse: *b\n';
  const d = parseDocument(t);
  const s = spanOfPath(d, ['use', 'port']);
  assert.equal(t.slice(s.start, s.end), '80');
  assert.equal(s.start, t.indexOf('80'));
});
