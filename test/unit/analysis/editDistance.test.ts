// The rolling-row edit distance behind every did-you-mean, checked against the textbook
// full-matrix optimal string alignment distance on random and hand-picked pairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance } from '../../../server/src/core/text/editDistance';
import { isNearMiss } from '../../../server/src/core/analysis/labels';

function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

test('edit distance equals the full-matrix distance, capped at max + 1 (common prefixes and suffixes included)', () => {
  let seed = 11;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const word = () => Array.from({ length: rnd(12) }, () => 'abcde-'[rnd(6)]).join('');
  for (let k = 0; k < 20000; k++) {
    const a = word();
    const b = rnd(3) === 0 ? a.slice(0, rnd(a.length + 1)) + word().slice(0, 2) + a.slice(rnd(a.length + 1)) : word();
    const max = 1 + rnd(4);
    // An empty candidate is never meant: it gives up at once.
    const expected = a === b ? 0 : b === '' ? max + 1 : Math.min(reference(a, b), max + 1);
    assert.equal(editDistance(a, b, max), expected, `${a} / ${b} / ${max}`);
  }
  // A long pair after short ones: the reused rows grow.
  const long = 'x'.repeat(300);
  assert.equal(editDistance(long, `${long}y`, 3), 1);
});

test('near misses: case slips, transpositions and a couple of edits, never the same word', () => {
  assert.equal(isNearMiss('cart', 'cart'), false);
  assert.equal(isNearMiss('Cart', 'cart'), true);
  assert.equal(isNearMiss('shopping-cart', 'shoping-cart'), true);
  assert.equal(isNearMiss('crat', 'cart'), true);
  assert.equal(isNearMiss('cart', 'payments'), false);
  assert.equal(isNearMiss('v1', 'v10'), true);
  assert.equal(isNearMiss('v1', 'v100'), false);
});
