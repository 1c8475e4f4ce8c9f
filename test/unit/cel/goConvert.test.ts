// int(string) and duration(string) behave as cel-go's (strconv.ParseInt, time.ParseDuration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCelError, parse, plan } from '@bufbuild/cel';
import { celRuleEnv } from '../../../server/src/core/cel/compile';

const run = (expr: string): unknown => {
  const r = plan(celRuleEnv, parse(expr))({ self: null, oldSelf: null });
  return isCelError(r) ? `error: ${r.message}` : r;
};

test('int(string) accepts base-10 int64 only', () => {
  const cases: [string, unknown][] = [
    ['080', 80n], ['+80', 80n], ['-1', -1n], ['9223372036854775807', 9223372036854775807n],
    [' 80', 'error: strconv.ParseInt: parsing " 80": invalid syntax'],
    ['0x50', 'error: strconv.ParseInt: parsing "0x50": invalid syntax'],
    ['', 'error: strconv.ParseInt: parsing "": invalid syntax'],
    ['9223372036854775808', 'error: strconv.ParseInt: parsing "9223372036854775808": value out of range'],
  ];
  for (const [s, want] of cases) assert.equal(run(`int(${JSON.stringify(s)})`), want, s);
  assert.equal(run('int(2.9)'), 2n, 'other overloads stay');
});

test('duration(string) follows time.ParseDuration', () => {
  const cases: [string, unknown][] = [
    ['1h30m', '5400s'], ['.5s', '0.500s'], ['1.s', '1s'], ['+1s', '1s'], ['-1.5h', '-5400s'], ['0', '0s'],
    ['1000μs', '0.001s'], ['1000µs', '0.001s'], ['1.5ms', '0.001500s'], ['100ns', '0.000000100s'],
    ['', 'error: time: invalid duration ""'],
    ['5', 'error: time: missing unit in duration "5"'],
    ['1d', 'error: time: unknown unit "d" in duration "1d"'],
    ['10 seconds', 'error: time: unknown unit " seconds" in duration "10 seconds"'],
    ['.s', 'error: time: invalid duration ".s"'],
    ['3000000h', 'error: time: invalid duration "3000000h"'],
  ];
  for (const [s, want] of cases) {
    const r = run(`string(duration(${JSON.stringify(s)}))`);
    assert.equal(r, want, s);
  }
  assert.equal(run("duration('1000us') >= duration('1ms')"), true);
  assert.equal(run("duration('999us') >= duration('1ms')"), false);
});
