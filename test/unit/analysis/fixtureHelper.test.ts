import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFixture } from '../helpers/fixture';

test('parseFixture splits files, strips annotations and turns carets into spans', () => {
  const fx = parseFixture([
    '#- a.yaml',
    'kind: X',
    '#^^^^ HM4001 at column zero',
    'spec:',
    '  gateways: [bogus]',
    '#            ^^^^^ IST0101 Referenced gateway not found: "bogus"',
    '#           ^ HM4002 second note on the same line',
    '#- dir/b.yaml',
    'a: 1',
    '',
  ].join('\n'));
  assert.deepEqual(fx.files.map((f) => [f.path, f.uri, f.text]), [
    ['a.yaml', 'file:///fixture/a.yaml', 'kind: X\nspec:\n  gateways: [bogus]\n'],
    ['dir/b.yaml', 'file:///fixture/dir/b.yaml', 'a: 1\n'],
  ]);
  const text = fx.files[0].text;
  assert.deepEqual(fx.expected.map((e) => [e.code, text.slice(e.span.start, e.span.end), e.message]), [
    ['HM4001', 'kind', 'at column zero'],
    ['HM4002', '[', 'second note on the same line'],
    ['IST0101', 'bogus', 'Referenced gateway not found: "bogus"'],
  ]);
});

test('parseFixture rejects text before the first file header and orphan annotations', () => {
  assert.throws(() => parseFixture('kind: X\n'), /before the first/);
  assert.throws(() => parseFixture('#- a.yaml\n# ^ HM4001 nothing above\n'), /no line above/);
});
