// CEL violations placed on the object the rule guards and on the fields it names; the
// analyze-suppress annotation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, yaml } from './helpers';

const se = (...lines: string[]) => yaml('apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', ...lines);

test('port out of range: the CEL message on the port field, kubectl wording', () => {
  const text = se('metadata:', '  name: x', 'spec:', '  hosts: [a.example.com]', '  ports:', '  - number: 80800', '    name: http');
  const f = check(text).filter((x) => x.code === 'HM3001');
  assert.deepEqual(f.map((x) => [x.line, x.character, x.text, x.message]), [[7, 4, 'number', 'spec.ports[0].number: port must be between 1-65535']]);
});

test('WorkloadEntry port map value: on the map key', () => {
  const text = yaml('apiVersion: networking.istio.io/v1', 'kind: WorkloadEntry', 'metadata:', '  name: vm', 'spec:', '  address: 10.0.0.1', '  ports:', '    http: 80800');
  const f = check(text);
  assert.deepEqual(f.map((x) => [x.code, x.line, x.text]), [['HM3001', 7, 'http']]);
  assert.match(f[0].message, /^spec\.ports\[http\]: port must be between 1-65535$/);
});

test('rule naming fields (has(self.x)): on the guarded object and on each named field present', () => {
  const text = se('metadata:', '  name: x', 'spec:', '  hosts: [a.example.com]', '  resolution: STATIC', '  endpoints:', '  - address: 10.0.0.1', '  workloadSelector:', '    labels:', '      app: a');
  const f = check(text).filter((x) => x.message.includes('only one of WorkloadSelector or Endpoints'));
  assert.deepEqual(f.map((x) => [x.line, x.text]).sort(), [[4, 'spec'], [7, 'endpoints'], [9, 'workloadSelector']]);
  assert.ok(f.every((x) => x.code === 'HM3001' && x.severity === 'error'));
  assert.equal(f[0].message, 'spec: only one of WorkloadSelector or Endpoints can be set');
});

test('valid values pass the CEL rules', () => {
  assert.deepEqual(check(se('metadata:', '  name: x', 'spec:', '  hosts: [a.example.com]', '  ports:', '  - number: 65535', '    name: http')), []);
});

test('galley.istio.io/analyze-suppress drops the listed codes for that resource only', () => {
  const bad = (ann: string) => se('metadata:', '  name: x', ...(ann ? ['  annotations:', `    galley.istio.io/analyze-suppress: "${ann}"`] : []), 'spec:', '  hosts: [a.example.com]', '  resolution: Static', '  ports:', '  - number: 80800', '    name: http');
  assert.deepEqual(check(bad('')).map((x) => x.code), ['HM2006', 'HM3001']);
  assert.deepEqual(check(bad('HM2006')).map((x) => x.code), ['HM3001']);
  assert.deepEqual(check(bad('HM3001, HM2006')).map((x) => x.code), []);
  assert.deepEqual(check(bad('*')).map((x) => x.code), []);
  const two = bad('*') + '---\n' + bad('');
  assert.deepEqual(check(two).map((x) => x.code), ['HM2006', 'HM3001'], 'the other resource keeps its findings');
});
