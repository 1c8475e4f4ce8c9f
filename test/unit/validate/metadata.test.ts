// Object metadata rules the API server applies to every kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, yaml } from './helpers';
import { labelValueProblem, nameProblem, qualifiedNameProblem } from '../../../server/src/core/validate/metadata';

const we = (...meta: string[]) => yaml('apiVersion: networking.istio.io/v1', 'kind: WorkloadEntry', 'metadata:', ...meta, 'spec:', '  address: 10.0.0.1');

test('metadata.name required: on the metadata key', () => {
  const f = check(we('  namespace: shop'));
  assert.deepEqual(f.map((x) => [x.code, x.line, x.text, x.message]), [['HM2011', 2, 'metadata', 'metadata.name: Required value: name or generateName is required']]);
  assert.deepEqual(check(we('  generateName: vm-')), []);
  const g = check(yaml('apiVersion: v1', 'kind: ConfigMap', 'data: {}'));
  assert.deepEqual(g.map((x) => [x.code, x.line, x.text]), [['HM2011', 1, 'kind']], 'no metadata: on the document head (kind)');
});

test('metadata.name must be a DNS-1123 subdomain (Namespace: label, Service: DNS-1035 label)', () => {
  const [f] = check(we('  name: VM_1'));
  assert.deepEqual([f.code, f.line, f.character, f.text], ['HM2012', 3, 8, 'VM_1']);
  assert.match(f.message, /^metadata\.name: Invalid value: "VM_1": a lowercase RFC 1123 subdomain/);
  assert.equal(nameProblem('WorkloadEntry', 'vm-1.east'), undefined);
  assert.ok(nameProblem('Namespace', 'a.b'));
  assert.ok(nameProblem('Service', '1abc'));
  assert.equal(nameProblem('Service', 'abc-1'), undefined);
  assert.ok(nameProblem('WorkloadEntry', 'a'.repeat(254)));
});

test('metadata.namespace must be a DNS-1123 label', () => {
  const [f] = check(we('  name: vm', '  namespace: Shop.Team'));
  assert.deepEqual([f.code, f.line, f.text], ['HM2013', 4, 'Shop.Team']);
});

test('label keys and values, annotation keys', () => {
  const f = check(we('  name: vm', '  labels:', '    app.kubernetes.io/name: cart', '    bad key: x', '    ok: "not valid!"', '    long: ' + 'v'.repeat(64), '  annotations:', '    /nope: x', '    sidecar.istio.io/inject: "false"'));
  assert.deepEqual(f.map((x) => [x.code, x.line, x.text]), [
    ['HM2014', 6, 'bad key'],
    ['HM2015', 7, '"not valid!"'],
    ['HM2015', 8, 'v'.repeat(64)],
    ['HM2016', 10, '/nope'],
  ]);
  assert.match(f[0].message, /^metadata\.labels\[bad key\]: Invalid value: "bad key": name part must consist of alphanumeric/);
  assert.equal(qualifiedNameProblem('example.com/My_Name.1'), undefined);
  assert.ok(qualifiedNameProblem('Example.com/x'));
  assert.ok(qualifiedNameProblem('a/b/c'));
  assert.ok(qualifiedNameProblem('x'.repeat(64)));
  assert.equal(labelValueProblem(''), undefined);
  assert.ok(labelValueProblem('-a'));
});
