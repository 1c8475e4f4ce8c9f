import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { completionSpot, documentAt, headerOf, nodeAtOffset } from '../../../server/src/lsp/yamlContext';

const at = (text: string) => {
  const i = text.indexOf('|');
  return { text: text.slice(0, i) + text.slice(i + 1), offset: i };
};

test('documentAt: index agrees with parseAllDocuments', () => {
  const text = '# c\n---\na: 1\n---\nb: 2\n...\n---\n\n---\nc: 3\n';
  const docs = parseAllDocuments(text);
  for (const [needle, expected] of [['a: 1', 0], ['b: 2', 1], ['c: 3', 3]] as const) {
    const d = documentAt(text, text.indexOf(needle));
    assert.equal(d.index, expected, needle);
    assert.deepEqual(Object.keys(docs[expected].toJS() as object), [needle[0]]);
    assert.ok(d.text.includes(needle));
  }
  assert.equal(documentAt('a: 1\n---\nb: 2\n', 0).index, 0);
  assert.equal(documentAt('a: 1\n---\nb: 2\n', 12).index, 1);
});

test('headerOf reads top-level apiVersion and kind only', () => {
  assert.deepEqual(headerOf('apiVersion: "networking.istio.io/v1" # x\nkind: Gateway\nspec:\n  kind: Nope\n'), { apiVersion: 'networking.istio.io/v1', kind: 'Gateway' });
  assert.deepEqual(headerOf('spec: {}\n'), { apiVersion: undefined, kind: undefined });
});

test('nodeAtOffset: key or value with its data path, in the right document', () => {
  const { text, offset } = at('kind: X\n---\nspec:\n  ports:\n  - name: http\n    num|ber: 80\n');
  const n = nodeAtOffset(text, offset);
  assert.deepEqual(n && { path: n.path, part: n.part, s: text.slice(n.start, n.end), index: n.slice.index }, { path: ['spec', 'ports', 0, 'number'], part: 'key', s: 'number', index: 1 });
  const v = at('spec:\n  hosts: [a, b|b]\n');
  const m = nodeAtOffset(v.text, v.offset);
  assert.deepEqual(m && { path: m.path, part: m.part }, { path: ['spec', 'hosts', 1], part: 'value' });
  assert.equal(nodeAtOffset('# only a comment\n', 3), undefined);
});

test('completionSpot: keys of the parent map, through sequences', () => {
  const cases: Array<[string, unknown]> = [
    ['|', { at: 'key', path: [], prefixStart: 0, column: 0 }],
    ['spec:\n  ho|', { at: 'key', path: ['spec'], prefixStart: 8, column: 2 }],
    ['spec:\n  ports:\n  - name: a\n    |', { at: 'key', path: ['spec', 'ports', 0], prefixStart: 31, column: 4 }],
    ['spec:\n  ports:\n  - |', { at: 'key', path: ['spec', 'ports', 0], prefixStart: 19, column: 4 }],
    ['spec:\n  http:\n  - route:\n    - destination:\n        host: x\n      |', { at: 'key', path: ['spec', 'http', 0, 'route', 0], prefixStart: 66, column: 6 }],
    ['spec:\n  tls:\n    mode: IS|', { at: 'value', path: ['spec', 'tls', 'mode'], prefixStart: 23, needsSpace: false }],
    ['a: 1\n---\nspec:\n  x: |', { at: 'value', path: ['spec', 'x'], prefixStart: 20, needsSpace: false }],
    ['spec:\n  x:|', { at: 'value', path: ['spec', 'x'], prefixStart: 10, needsSpace: true }],
  ];
  for (const [src, expected] of cases) {
    const { text, offset } = at(src);
    assert.deepEqual(completionSpot(text, offset), expected, src);
  }
  const inFlow = at('spec: {a: |');
  assert.equal(completionSpot(inFlow.text, inFlow.offset), undefined);
});
