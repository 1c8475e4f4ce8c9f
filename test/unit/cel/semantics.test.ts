// How the evaluator types values and words results, on small hand-made schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCelRules } from '../../../server/src/core/cel/evaluate';
import { celFindingOf } from '../../../server/src/core/cel/index';
import { finding } from '../../../server/src/core/diagnostics/finding';

type Rule = { rule: string; message?: string; messageExpression?: string; fieldPath?: string };
const obj = (properties: Record<string, unknown>, rules: Rule[] = [], extra: Record<string, unknown> = {}) =>
  ({ type: 'object', properties, 'x-kubernetes-validations': rules, ...extra });
const msgs = (schema: object, value: unknown) => evaluateCelRules(schema, value).map((v) => `${v.pathText}: ${v.message} (${v.reason})`);

test('integer → int, number → double, int-or-string as written', () => {
  const s = obj({
    i: { type: 'integer', 'x-kubernetes-validations': [{ rule: 'type(self) == int', message: 'int' }] },
    d: { type: 'number', 'x-kubernetes-validations': [{ rule: 'type(self) == double', message: 'double' }] },
    n: { 'x-kubernetes-int-or-string': true, 'x-kubernetes-validations': [{ rule: 'type(self) == int || self.endsWith("%")', message: 'int or percent' }] },
  });
  assert.deepEqual(msgs(s, { i: 3, d: 2, n: 5 }), []);
  assert.deepEqual(msgs(s, { i: 3, d: 2.5, n: '50%' }), []);
  assert.deepEqual(msgs(s, { n: '50' }), ['n: int or percent (failed)']);
});

test('absent and non-nullable null fields are absent; selecting them is a runtime error', () => {
  // A nullable field set to null stays, as null (has() on it is a known gap of the CEL library's maps).
  const s = obj({ a: { type: 'string' }, b: { type: 'string', nullable: true } }, [{ rule: '!has(self.a) && self.b == null', message: 'null' }]);
  assert.deepEqual(msgs({ type: 'object', properties: { spec: s } }, { spec: { a: null, b: null } }), []);
  assert.deepEqual(msgs({ type: 'object', properties: { spec: s } }, { spec: { a: 'x', b: null } }), ['spec: null (failed)']);
  const sel = obj({ a: { type: 'string' } }, [{ rule: 'self.a == "x"', message: 'needs a' }]);
  assert.deepEqual(msgs(sel, {}), [': no such key: a evaluating rule: needs a (runtime-error)']);
});

test('rules do not run on a value of the wrong type (the schema error is reported instead)', () => {
  const s = obj({ port: { type: 'integer', 'x-kubernetes-validations': [{ rule: 'self > 0', message: 'positive' }] } });
  assert.deepEqual(msgs(s, { port: '80' }), []);
  assert.deepEqual(msgs(s, { port: 1.5 }), []);
  assert.deepEqual(msgs(s, { port: 0 }), ['port: positive (failed)']);
  assert.deepEqual(msgs(s, 'not an object'), []);
});

test('maps keep keys in brackets; preserve-unknown-fields data is typed natively', () => {
  const s = obj({
    m: { type: 'object', additionalProperties: { type: 'integer', 'x-kubernetes-validations': [{ rule: 'self < 10', message: 'small' }] } },
    free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, 'x-kubernetes-validations': [{ rule: 'type(self.n) == int && type(self.f) == double && self.l.size() == 2', message: 'native' }] },
  });
  assert.deepEqual(msgs(s, { m: { a: 1, 'b.c': 12 }, free: { n: 1, f: 1.5, l: [1, 'x'] } }), ['m[b.c]: small (failed)']);
  assert.deepEqual(evaluateCelRules(s, { m: { 'b.c': 12 } })[0].path, ['m', 'b.c']);
  assert.deepEqual(msgs(s, { m: { constructor: 10, toString: 1, __proto__x: 11 } }), ['m[constructor]: small (failed)', 'm[__proto__x]: small (failed)']);
});

test('default message, messageExpression, fieldPath, non-bool result, transition rule skipped', () => {
  const s = obj({ spec: obj({ a: { type: 'integer' }, b: { type: 'string' } }, [
    { rule: 'self.a > 1' },
    { rule: 'self.a > 2', messageExpression: '"a is " + string(self.a)' },
    { rule: 'self.a > 3', message: 'fallback', messageExpression: '""' },
    { rule: 'self.b == "y"', message: 'b must be y', fieldPath: '.b' },
    { rule: 'self.a', message: 'not bool' },
    { rule: 'self.a == oldSelf.a', message: 'immutable' },
  ]) });
  assert.deepEqual(msgs(s, { spec: { a: 1, b: 'x' } }), [
    'spec: failed rule: self.a > 1 (failed)',
    'spec: a is 1 (failed)',
    'spec: fallback (failed)',
    'spec.b: b must be y (failed)',
    'spec: rule evaluated to bigint, not bool: not bool (runtime-error)',
  ]);
  const fp = evaluateCelRules(s, { spec: { a: 9, b: 'x' } }).find((v) => v.message === 'b must be y');
  assert.deepEqual(fp?.path, ['spec', 'b']);
  assert.deepEqual(fp?.fieldPaths, [['spec', 'b']]);
});

test('a rule that does not compile is reported, not thrown', () => {
  const s = obj({}, [{ rule: 'self.a ==', message: 'broken' }, { rule: 'quantity(self.q) > 1', message: 'q' }]);
  const got = evaluateCelRules(s, { q: '1Gi' });
  assert.deepEqual(got.map((v) => v.reason), ['compile-error', 'compile-error']);
  assert.match(got[1].message, /^compilation failed: undeclared reference to 'quantity' for rule: q$/);
});

test('violations map to catalog entries worded like kubectl', () => {
  const s = obj({ spec: obj({ ports: { type: 'array', items: obj({ number: { type: 'integer', 'x-kubernetes-validations': [{ rule: '0 < self && self <= 65535', message: 'port must be between 1-65535' }] } }) } }) });
  const [v] = evaluateCelRules(s, { spec: { ports: [{ number: 80800 }] } });
  const { name, args } = celFindingOf(v);
  const f = finding(name, args, { uri: 'file:///x.yaml', span: { start: 0, end: 1 } });
  assert.equal(f.code, 'HM3001');
  assert.equal(f.severity, 'error');
  assert.equal(f.message, 'spec.ports[0].number: port must be between 1-65535');
  assert.equal(celFindingOf({ ...v, reason: 'runtime-error' }).name, 'CelRuleError');
  assert.equal(celFindingOf({ ...v, reason: 'compile-error', pathText: '' }).args.path, '<root>');
});

test('bad input: 10,000-deep untyped data and lists beyond maxItems neither crash nor hang', () => {
  let deep: unknown = 'leaf';
  for (let i = 0; i < 10_000; i++) deep = { n: deep };
  const s = obj({ spec: obj({ free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, ports: {
    type: 'array', maxItems: 4, items: { type: 'object', properties: { number: { type: 'integer' } } },
    'x-kubernetes-validations': [{ rule: 'self.all(l1, self.exists_one(l2, l1.number == l2.number))', message: 'dup' }],
  } }, [{ rule: 'has(self.free) && !has(self.other)', message: 'free' }, { rule: 'has(self.free.n.n.n)', message: 'deep' }]) });
  assert.deepEqual(msgs(s, { spec: { free: deep } }), []);
  assert.deepEqual(msgs(s, { spec: { free: deep, other: 1 } }), ['spec: free (failed)']);
  const many = Array.from({ length: 20_000 }, () => ({ number: 80 }));
  const t0 = Date.now();
  assert.deepEqual(msgs(s, { spec: { free: {}, ports: many } }), ['spec: no such key: n evaluating rule: deep (runtime-error)']);
  assert.ok(Date.now() - t0 < 2000, 'bounded time');
  assert.deepEqual(msgs(s, { spec: { free: { n: { n: { n: 1 } } }, ports: many.slice(0, 2) } }), ['spec.ports: dup (failed)']);
});
