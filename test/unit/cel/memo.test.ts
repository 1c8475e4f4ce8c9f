// Remembered rule results (cel/memo.ts) must be invisible: for every served schema, random
// documents drawn from the schema itself (small value pools, so values repeat across documents
// and the memo is hit) give exactly the violations the plain evaluation gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCelRules } from '../../../server/src/core/cel/evaluate';
import { memoKey, withoutMemo } from '../../../server/src/core/cel/memo';
import { loadSchema, schemaFiles } from './rules';

type Node = Record<string, unknown>;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 0x100000000);
}

const STRINGS = ['', 'a', '*', '*.example.com', 'unix:///var/run/a.sock', 'unix://@abs', 'unix://', 'unix:///x/', '10.0.0.1',
  '10.0.0.0/8', 'ns/host', '1ms', '0s', '5s', '100us', '1h', 'bad', 'http://a', 'https://example.com/x', 'reviews.default.svc.cluster.local',
  'a'.repeat(70), 'GET', '/path', 'UPPER', 'DNS', 'STATIC', 'NONE', 'DNS_ROUND_ROBIN'];
const INTS = [0, 1, 80, 8080, 65535, 65536, -1, 4294967296];
const KEYS = ['app', 'version', 'k', '*', 'a/b', '', 'http'];

function generator(seed: number) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const gen = (node: Node, depth: number): unknown => {
    if (rnd() < 0.03 && node.nullable === true) return null;
    if (node['x-kubernetes-int-or-string'] === true) return rnd() < 0.5 ? pick(INTS) : pick(['80', 'http', '', '10%']);
    if (Array.isArray(node.enum) && rnd() < 0.9) return pick(node.enum);
    switch (node.type) {
      case 'string': return pick(STRINGS);
      case 'integer': return pick(INTS);
      case 'number': return pick([...INTS, 2.5]);
      case 'boolean': return rnd() < 0.5;
      case 'array': {
        const n = depth > 6 ? 0 : Math.floor(rnd() * 4);
        return Array.from({ length: n }, () => (node.items && typeof node.items === 'object' ? gen(node.items as Node, depth + 1) : pick(STRINGS)));
      }
      default: break;
    }
    const props = node.properties as Record<string, Node> | undefined;
    if (props) {
      const out: Record<string, unknown> = {};
      for (const [k, sub] of Object.entries(props)) {
        if (depth < 7 && rnd() < 0.45) out[k] = rnd() < 0.03 ? null : gen(sub, depth + 1);
      }
      return out;
    }
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      const out: Record<string, unknown> = {};
      const n = Math.floor(rnd() * 4);
      for (let i = 0; i < n; i++) out[pick(KEYS)] = gen(node.additionalProperties as Node, depth + 1);
      return out;
    }
    // Untyped (preserve-unknown-fields) data.
    return pick([{}, { a: 1 }, { a: 'x', b: [1, 2] }, 'x', 3]);
  };
  return gen;
}

test('memoKey tells types, values and key order apart and refuses what JSON cannot carry', () => {
  const keys = [1, '1', true, 'true', null, 'null', [1], ['1'], { a: 1, b: 2 }, { b: 2, a: 1 }, { a: '1' }, [], {}, 's', 'n1'].map(memoKey);
  assert.equal(new Set(keys).size, keys.length);
  assert.ok(keys.every((k) => typeof k === 'string'));
  for (const v of [NaN, Infinity, -Infinity, -0, [NaN], { a: -0 }, { a: { b: 1 } }, [[1]], 'x'.repeat(300), undefined, () => 1]) {
    assert.equal(memoKey(v), undefined, `memoKey(${String(v)})`);
  }
  assert.equal(memoKey(new Map()), undefined);
});

test('rule results with the memo equal the plain evaluation on random documents of every schema', () => {
  let docs = 0;
  let violations = 0;
  for (const file of schemaFiles()) {
    const schema = loadSchema(file);
    const gen = generator(file.length * 7919 + 1);
    const spec = (schema.properties as Record<string, Node>).spec;
    for (let i = 0; i < 120; i++) {
      const value = { apiVersion: 'x/v1', kind: 'K', metadata: { name: 'n' }, spec: gen(spec, 0) };
      const plain = withoutMemo(() => evaluateCelRules(schema, value));
      assert.deepEqual(evaluateCelRules(schema, value), plain, `${file} document ${i}: ${JSON.stringify(value)}`);
      // Again: now every memoizable value is a hit.
      assert.deepEqual(evaluateCelRules(schema, structuredClone(value)), plain, `${file} document ${i} (second pass)`);
      docs++;
      violations += plain.length;
    }
  }
  assert.ok(docs >= 30 * 120, `only ${docs} documents`);
  // The documents must break rules, or the comparison says little.
  assert.ok(violations > 1000, `only ${violations} violations`);
});
