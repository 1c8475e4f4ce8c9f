// The nesting pre-check that keeps pathologically deep YAML away from `yaml`'s recursive code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SCAN_DEPTH, nestsDeeperThan } from '../../../server/src/core/parse/depthScan';
import { parseChunk } from '../../../server/src/core/parse/chunk';

const flow = (n: number) => 'a: ' + '['.repeat(n) + ']'.repeat(n) + '\n';

test('flow brackets: the cap is exact (one level for the top map plus the brackets)', () => {
  assert.equal(MAX_SCAN_DEPTH, 1000);
  assert.equal(nestsDeeperThan(flow(999)), false);
  assert.equal(nestsDeeperThan(flow(1000)), true);
  assert.equal(nestsDeeperThan('a: ' + '{a: '.repeat(5000) + '1' + '}'.repeat(5000)), true);
});

test('brackets inside quotes, comments and block scalars do not count', () => {
  assert.equal(nestsDeeperThan(`a: "${'['.repeat(5000)}"\n`), false);
  assert.equal(nestsDeeperThan(`a: '${'{'.repeat(5000)}'\n`), false);
  assert.equal(nestsDeeperThan(`a: 1 # ${'['.repeat(5000)}\n`), false);
  const scalar = 'a: |\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i + 1) + '[x').join('\n') + '\nb: 1\n';
  assert.equal(nestsDeeperThan(scalar), false);
});

test('block nesting by indentation and by compact sequences', () => {
  const block = (n: number) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n';
  assert.equal(nestsDeeperThan(block(1000)), false);
  assert.equal(nestsDeeperThan(block(1001)), true);
  assert.equal(nestsDeeperThan('a:\n' + '- '.repeat(2000) + 'x\n'), true);
  assert.equal(nestsDeeperThan('a:\n' + '- '.repeat(10) + 'x\n'), false);
});

test('a 10,000-deep flow document is refused before parsing: HM1008 only, no stack-overflow syntax error', () => {
  const c = parseChunk(flow(10000));
  assert.deepEqual(c.problems.map((p) => [p.code, p.span.start, p.span.end]), [['HM1008', 0, 3]]);
  assert.equal(c.value, undefined);
  // A real, moderately nested document is still parsed normally.
  const ok = parseChunk('a:\n  b: [1, [2, {c: 3}]]\n');
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(ok.value, { a: { b: [1, [2, { c: 3 }]] } });
});
