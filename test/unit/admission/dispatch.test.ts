import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from './helpers';
import { ADMISSION_KINDS } from '../../../server/src/core/admission/index';

const weightVS = (apiVersion: string): string => `apiVersion: ${apiVersion}
kind: VirtualService
metadata:
  name: v
spec:
  hosts: [a.example.com]
  http:
  - route:
    - destination: {host: a.example.com}
      weight: -1
`;

test('every served version of a kind shares its rules', () => {
  for (const v of ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3']) {
    assert.deepEqual(check(weightVS(v)), ['IST0106 9:14-9:16 Schema validation error: spec.http[0].route[0].weight: weight -1 < 0'], v);
  }
});

test('all fourteen Istio kinds are dispatched; other kinds and groups get no admission findings', () => {
  assert.equal(ADMISSION_KINDS.length, 14);
  assert.deepEqual(check(weightVS('example.com/v1')), []);
  assert.deepEqual(check('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 99999}]}\n'), []);
});

test('odd shapes never throw and are left to the schema validator', () => {
  const odd = [
    'spec: []',
    'spec: "text"',
    'spec:\n  hosts: 5\n  http: {a: 1}',
    'spec:\n  hosts: [a.example.com, 7, null]\n  http:\n  - null\n  - route: "x"\n  - route: [null, 3, {destination: 5, weight: "9"}]\n    match: [null, {uri: 3, headers: [1]}]\n    retries: 4\n    fault: {abort: 3, delay: []}\n    corsPolicy: {allowOrigins: [3, {exact: 4}]}',
  ];
  for (const body of odd) {
    const out = check(`apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v}\n${body}\n`);
    assert.ok(out.every((l) => !l.startsWith('HM6002')), `${body}: ${out.join('\n')}`);
  }
  for (const kind of ['DestinationRule', 'ServiceEntry', 'Gateway', 'Sidecar', 'WorkloadEntry', 'WorkloadGroup', 'EnvoyFilter']) {
    const out = check(`apiVersion: networking.istio.io/v1\nkind: ${kind}\nmetadata: {name: x}\nspec:\n  trafficPolicy: 3\n  subsets: [null, 4]\n  servers: [null, {port: 5, hosts: 3, tls: 4}]\n  ingress: [{port: {number: "a"}}]\n  egress: [null, {hosts: [3]}]\n  endpoints: [null]\n  ports: [null]\n  probe: 7\n  configPatches: [null, {applyTo: 3}]\n`);
    assert.ok(out.every((l) => !l.startsWith('HM6002')), `${kind}: ${out.join('\n')}`);
  }
});
