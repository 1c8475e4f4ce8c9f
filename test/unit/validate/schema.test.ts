// Schema rule family: each finding's code, exact range (0-based line/character and covered
// text) and kubectl-style message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, testCore, yaml } from './helpers';
import { SchemaCompiler } from '../../../server/src/core/validate/ajv';
import { parseDocument } from 'yaml';
import { makeContext } from '../../../server/src/core/validate/context';
import { firstSchemaFindings } from '../../../server/src/core/validate/schema-check';

const se = (...spec: string[]) => yaml('apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', '  name: cart', '  namespace: shop', 'spec:', ...spec);
const only = (text: string, code: string) => check(text).filter((f) => f.code === code);

test('valid ServiceEntry: no findings', () => {
  assert.deepEqual(check(se('  hosts:', '  - cart.example.com', '  ports:', '  - number: 8080', '    name: http', '    protocol: HTTP', '  resolution: DNS')), []);
});

test('unknown field: on its key, with did-you-mean candidates for a quick fix', () => {
  const text = se('  hosts: [cart.example.com]', '  resolutoin: DNS');
  const [f] = only(text, 'HM2003');
  assert.deepEqual([f.line, f.character, f.endCharacter, f.text], [7, 2, 12, 'resolutoin']);
  assert.equal(f.message, 'spec.resolutoin: unknown field "resolutoin"; did you mean "resolution"?');
  const raw = testCore().checkFile('u', text).findings.find((x) => x.code === 'HM2003');
  assert.deepEqual(raw?.data && 'candidates' in raw.data ? raw.data.candidates : undefined, ['resolution']);
  assert.equal(text.slice((raw?.data as { span: { start: number; end: number } }).span.start, (raw?.data as { span: { start: number; end: number } }).span.end), 'resolutoin');
});

test('unknown field deep in a list item, and no suggestion when nothing is close', () => {
  const [f] = only(se('  hosts: [a.example.com]', '  ports:', '  - number: 80', '    name: http', '    zzzzzz: 1'), 'HM2003');
  assert.deepEqual([f.line, f.character, f.text], [10, 4, 'zzzzzz']);
  assert.equal(f.message, 'spec.ports[0].zzzzzz: unknown field "zzzzzz"');
});

test('unknown top-level and metadata fields are rejected; apiVersion/kind/metadata/status accepted', () => {
  const text = yaml('apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', '  name: x', '  labelz: {}', 'spec:', '  hosts: [a.example.com]', 'status: {}', 'extra: 1');
  const fs = only(text, 'HM2003');
  assert.deepEqual(fs.map((f) => [f.line, f.text]), [[4, 'labelz'], [8, 'extra']]);
  assert.match(fs[0].message, /did you mean "labels"/);
});

test('preserve-unknown-fields: anything goes below it (EnvoyFilter patch value)', () => {
  const text = yaml('apiVersion: networking.istio.io/v1alpha3', 'kind: EnvoyFilter', 'metadata:', '  name: ef', 'spec:', '  configPatches:', '  - applyTo: HTTP_FILTER', '    patch:', '      operation: INSERT_BEFORE', '      value:', '        name: my.filter', '        anything: {deep: [1, 2]}');
  // Only istiod's standing EnvoyFilter warning (admission), no schema finding.
  assert.deepEqual(check(text).map((f) => f.code), ['IST0133']);
});

test('missing required field: on the parent key', () => {
  const [f] = only(se('  ports:', '  - number: 80', '    name: http'), 'HM2004');
  assert.deepEqual([f.line, f.character, f.text], [5, 0, 'spec']);
  assert.equal(f.message, 'spec.hosts: Required value');
  const [g] = only(se('  hosts: [a.example.com]', '  ports:', '  - name: http'), 'HM2004');
  assert.equal(g.message, 'spec.ports[0].number: Required value');
  assert.deepEqual([g.line, g.character, g.text], [8, 4, 'name: http\n']);
});

test('wrong type: on the value', () => {
  const [f] = only(se('  hosts: cart.example.com'), 'HM2005');
  assert.deepEqual([f.line, f.character, f.text], [6, 9, 'cart.example.com']);
  assert.equal(f.message, 'spec.hosts: Invalid value: "string": spec.hosts in body must be of type array: "string"');
});

test('enum: Unsupported value with the supported list and did-you-mean', () => {
  const [f] = only(se('  hosts: [a.example.com]', '  resolution: Static'), 'HM2006');
  assert.deepEqual([f.line, f.character, f.text], [7, 14, 'Static']);
  assert.equal(f.message, 'spec.resolution: Unsupported value: "Static": supported values: "NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS"; did you mean "STATIC"?');
  const [g] = only(se('  hosts: [a.example.com]', '  location: MESH_INTERAL'), 'HM2006');
  assert.match(g.message, /did you mean "MESH_INTERNAL"\?$/);
});

test('numeric range: Invalid value with the bound (schema maximum)', () => {
  const text = se('  hosts: [a.example.com]', '  ports:', '  - number: 4294967296', '    name: http');
  const [f] = only(text, 'HM2007');
  assert.deepEqual([f.line, f.text], [8, '4294967296']);
  assert.equal(f.message, 'spec.ports[0].number: Invalid value: 4294967296: must be less than or equal to 4294967295');
});

test('maxLength and maxItems', () => {
  const [f] = only(se('  hosts: [a.example.com]', '  ports:', '  - number: 80', `    name: ${'n'.repeat(257)}`), 'HM2017');
  assert.equal(f.message, 'spec.ports[0].name: Too long: may not be longer than 256');
  assert.equal(f.line, 9);
  const many = se('  hosts: [a.example.com]', '  addresses:', ...Array.from({ length: 257 }, (_, i) => `  - 10.0.${i >> 8}.${i & 255}`));
  const [g] = only(many, 'HM2008');
  assert.equal(g.message, 'spec.addresses: Too many: 257: must have at most 256 items');
  assert.equal(g.line, 8);
});

test('list-map keys unique: the second entry with the same key is a Duplicate value', () => {
  const text = se('  hosts: [a.example.com]', '  ports:', '  - number: 80', '    name: http', '  - number: 81', '    name: http');
  const [f] = only(text, 'HM2009');
  assert.ok(f, JSON.stringify(check(text)));
  assert.equal(f.message, 'spec.ports[1]: Duplicate value: {"name":"http"}');
  assert.equal(f.line, 10);
});

test('oneOf group: setting two members is reported on the second one', () => {
  const text = yaml('apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', '  name: dr', 'spec:', '  host: a', '  trafficPolicy:', '    loadBalancer:', '      simple: ROUND_ROBIN', '      consistentHash:', '        useSourceIp: true');
  const [f] = only(text, 'HM2010');
  assert.ok(f, JSON.stringify(check(text)));
  assert.equal(f.message, 'spec.trafficPolicy.loadBalancer: Invalid value: only one of [simple, consistentHash, backendUtilization] (found simple, consistentHash) may be set');
  assert.deepEqual([f.line, f.text], [9, 'consistentHash']);
  assert.equal(check(text).filter((x) => x.severity === 'error').length, 1, 'branch errors are not reported');
});

test('nullable: null accepted where the CRD says nullable, wrong types still rejected', () => {
  const dr = (v: string) => yaml('apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', '  name: dr', 'spec:', '  host: a', '  trafficPolicy:', '    outlierDetection:', `      consecutive5xxErrors: ${v}`);
  assert.deepEqual(check(dr('5')), []);
  assert.deepEqual(check(dr('null')), []);
  const [f] = only(dr('"5"'), 'HM2005');
  assert.match(f.message, /must be of type integer or null/);
  assert.equal(only(yaml('apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', '  name: x', 'spec:', '  hosts: null'), 'HM2005').length, 1, 'not nullable');
});

test('int-or-string (used in status schemas): integer and string accepted, others rejected', () => {
  const compiler = new SchemaCompiler();
  const crd = { type: 'object', properties: { spec: { type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] } } } } };
  assert.deepEqual(compiler.validate(crd, { spec: { port: 80 } }), []);
  assert.deepEqual(compiler.validate(crd, { spec: { port: 'http' } }), []);
  const errs = compiler.validate(crd, { spec: { port: true } });
  assert.deepEqual(errs.map((e) => [e.keyword, e.instancePath]), [['type', '/spec/port']]);
  assert.deepEqual(compiler.validate(crd, { spec: { port: 1, other: 1 } }).map((e) => e.keyword), ['additionalProperties']);
});

test('format int32: out-of-range integers are rejected', () => {
  const text = yaml('apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', '  name: dr', 'spec:', '  host: a', '  trafficPolicy:', '    connectionPool:', '      tcp:', '        maxConnections: 3000000000');
  const [f] = only(text, 'HM2007');
  assert.ok(f, JSON.stringify(check(text)));
  assert.match(f.message, /^spec\.trafficPolicy\.connectionPool\.tcp\.maxConnections: Invalid value: 3000000000: .*int32/);
});

test('non-Istio kinds are kept as resources but not schema-validated', () => {
  const text = yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  whatever: 1');
  const r = testCore().checkFile('file:///d.yaml', text);
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.resources.map((x) => [x.kind, x.name, x.group, x.version]), [['Deployment', 'web', 'apps', 'v1']]);
});

test('list-type set and pattern on a synthetic CRD schema, through the facade mapping', () => {
  const compiler = new SchemaCompiler();
  const crd = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          tags: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
          code: { type: 'string', pattern: '^[a-z]+$' },
          when: { type: 'string', format: 'date-time' },
        },
      },
    },
  };
  assert.deepEqual(compiler.validate(crd, { spec: { tags: ['a', 'b'], code: 'abc', when: '2026-01-02T03:04:05Z' } }), []);
  const errs = compiler.validate(crd, { spec: { tags: ['a', 'b', 'a'], code: 'ABC', when: 'yesterday' } });
  assert.deepEqual(errs.map((e) => [e.keyword, e.instancePath]).sort(), [['format', '/spec/when'], ['pattern', '/spec/code'], ['x-kubernetes-list-type', '/spec/tags']]);
  assert.deepEqual((errs.find((e) => e.keyword === 'x-kubernetes-list-type')!.params as { index: number }).index, 2);
});

test('pattern, format and set duplicates are worded like kubectl and placed on the value', () => {
  const compiler = new SchemaCompiler();
  const crd = { type: 'object', properties: { spec: { type: 'object', properties: {
    tags: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
    code: { type: 'string', pattern: '^[a-z]+$' },
    when: { type: 'string', format: 'date-time' },
  } } } };
  const text = yaml('apiVersion: example.istio.io/v1', 'kind: Thing', 'metadata:', '  name: t', 'spec:', '  tags: [a, b, a]', '  code: ABC', '  when: yesterday');
  const doc = parseDocument(text);
  const value = doc.toJS() as Record<string, unknown>;
  const ctx = makeContext(value, { apiVersion: 'example.istio.io/v1', group: 'example.istio.io', version: 'v1', kind: 'Thing' }, false, () => doc);
  const out = firstSchemaFindings(ctx, compiler.validate(crd, value), Infinity).findings.map((f) => [f.code, text.slice(f.span.start, f.span.end), f.message]).sort();
  assert.deepEqual(out, [
    ['HM2007', 'ABC', "spec.code: Invalid value: \"ABC\": spec.code in body should match '^[a-z]+$'"],
    ['HM2007', 'yesterday', 'spec.when: Invalid value: "yesterday": spec.when in body must be of type date-time: "yesterday"'],
    ['HM2009', 'a', 'spec.tags[2]: Duplicate value: "a"'],
  ]);
});
