// The core facade: per-document cache, rule-family isolation, schema lookups for hover/completion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCore } from '../../../server/src/core/index';
import { evaluateCelRules } from '../../../server/src/core/cel/index';
import { locate, testRegistry, yaml } from '../validate/helpers';
import { SchemaRegistry } from '../../../server/src/core/schema/registry';

const doc = (name: string, resolution: string) => yaml('apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', `  name: ${name}`, 'spec:', '  hosts: [a.example.com]', `  resolution: ${resolution}`);

test('unchanged documents are not re-validated; findings follow their document when it moves', () => {
  let celCalls = 0;
  const core = createCore({ registry: testRegistry(), evaluateCel: (s, v) => (celCalls++, evaluateCelRules(s, v)) });
  const a = doc('a', 'STATIC');
  const b = doc('b', 'Static');
  const text1 = a + '---\n' + b;
  const r1 = core.checkFile('file:///x.yaml', text1);
  assert.equal(celCalls, 2);
  assert.deepEqual(locate(text1, r1.findings).map((f) => [f.code, f.line, f.text]), [['HM2006', 14, 'Static']]);
  core.checkFile('file:///x.yaml', text1);
  assert.equal(celCalls, 2, 'nothing re-validated');
  // Edit the first document (longer): only it is re-validated, b's finding moves down one line.
  const text2 = doc('a', 'STATIC') + 'status: {}\n---\n' + b;
  const r2 = core.checkFile('file:///x.yaml', text2);
  assert.equal(celCalls, 3);
  const l2 = locate(text2, r2.findings);
  assert.deepEqual(l2.map((f) => [f.code, f.line, f.text]), [['HM2006', 15, 'Static']]);
  assert.equal(r2.findings[0].docIndex, 1);
  assert.equal(r2.findings[0].uri, 'file:///x.yaml');
  // Quick-fix spans move too.
  const data = r2.findings[0].data as { span: { start: number; end: number } };
  assert.equal(text2.slice(data.span.start, data.span.end), 'Static');
  // The lazily built yaml Document of the moved document has file offsets.
  const res = r2.resources[1];
  assert.equal(res.name, 'b');
  const root = res.doc.contents as { range: number[] };
  assert.equal(root.range[0], text2.indexOf('apiVersion', text2.indexOf('---')));
});

test('the same document text in two files is placed in each file with its own uri', () => {
  const core = createCore({ registry: testRegistry() });
  const b = doc('b', 'Static');
  const r1 = core.checkFile('file:///one.yaml', b);
  const r2 = core.checkFile('file:///two.yaml', '# header\n' + b);
  assert.equal(r1.findings[0].uri, 'file:///one.yaml');
  assert.equal(r2.findings[0].uri, 'file:///two.yaml');
  assert.equal(r2.findings[0].span.start, r1.findings[0].span.start + '# header\n'.length);
});

test('cache entries are released when a file changes or is forgotten', () => {
  const core = createCore({ registry: testRegistry() });
  core.checkFile('u1', doc('a', 'STATIC') + '---\n' + doc('b', 'STATIC'));
  core.checkFile('u2', doc('a', 'STATIC'));
  assert.equal(core.cacheSize, 2);
  core.checkFile('u1', doc('c', 'STATIC'));
  assert.equal(core.cacheSize, 2, 'b released, a still used by u2');
  core.forget('u2');
  assert.equal(core.cacheSize, 1);
  core.forget('u1');
  assert.equal(core.cacheSize, 0);
});

test('a rule family that throws yields an internal-error finding; the other families still report', () => {
  const logged: string[] = [];
  const core = createCore({
    registry: testRegistry(),
    logger: { error: (m) => logged.push(m) },
    evaluateCel: () => {
      throw new Error('boom');
    },
  });
  const text = doc('Bad_Name', 'Static');
  const f = locate(text, core.checkFile('u', text).findings);
  assert.deepEqual(f.map((x) => x.code).sort(), ['HM1014', 'HM2006', 'HM2012']);
  const internal = f.find((x) => x.code === 'HM1014')!;
  assert.equal(internal.message, 'Internal error in CEL checks (boom); other checks still ran');
  assert.equal(internal.severity, 'warning');
  assert.equal(logged.length, 1);
  assert.match(logged[0], /CEL checks failed on ServiceEntry\/Bad_Name/);
});

test('without a registry only YAML, structure and metadata checks run', () => {
  const core = createCore();
  const f = core.checkFile('u', doc('Bad_Name', 'Static')).findings;
  assert.deepEqual(f.map((x) => x.code), ['HM2012']);
  assert.equal(core.schemaAt('networking.istio.io/v1', 'ServiceEntry', ['spec']), undefined);
});

test('schemaAt: description, type, enum and the serving group/version for hover', () => {
  const core = createCore({ registry: testRegistry() });
  const s = core.schemaAt('networking.istio.io/v1', 'ServiceEntry', ['spec', 'resolution']);
  assert.ok(s);
  assert.equal(s.type, 'string');
  assert.deepEqual(s.enum, ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS']);
  assert.match(s.description ?? '', /^Service resolution mode for the hosts/);
  assert.deepEqual([s.group, s.version], ['networking.istio.io', 'v1']);
  const port = core.schemaAt('networking.istio.io/v1', 'ServiceEntry', ['spec', 'ports', 0, 'number']);
  assert.deepEqual([port?.type, port?.required], ['integer', true]);
  const lbl = core.schemaAt('networking.istio.io/v1', 'WorkloadEntry', ['spec', 'labels', 'app']);
  assert.equal(lbl?.type, 'string');
  assert.equal(core.schemaAt('networking.istio.io/v1', 'ServiceEntry', ['spec', 'nope']), undefined);
  assert.equal(core.schemaAt('networking.istio.io/v1', 'Nope', ['spec']), undefined);
  assert.equal(core.schemaAt('networking.istio.io/v1', 'ServiceEntry', ['metadata', 'name'])?.type, 'string');
});

test('fieldsAt, valuesAt and kinds for completion', () => {
  const core = createCore({ registry: testRegistry() });
  const fields = core.fieldsAt('networking.istio.io/v1', 'ServiceEntry', ['spec']);
  const hosts = fields.find((f) => f.name === 'hosts');
  assert.deepEqual([hosts?.required, hosts?.type], [true, 'array']);
  assert.ok(fields.some((f) => f.name === 'workloadSelector'));
  assert.deepEqual(core.fieldsAt('networking.istio.io/v1', 'ServiceEntry', []).map((f) => f.name).slice(0, 3), ['apiVersion', 'kind', 'metadata']);
  assert.deepEqual(core.valuesAt('security.istio.io/v1', 'AuthorizationPolicy', ['spec', 'action']), ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM']);
  const kinds = core.kinds();
  assert.ok(kinds.some((k) => k.apiVersion === 'networking.istio.io/v1' && k.kind === 'WorkloadGroup' && k.storage));
});

test('a schema that cannot be loaded is one warning on kind; metadata checks still run', () => {
  const reg = testRegistry();
  const broken = new SchemaRegistry(reg.index, () => {
    throw new Error('ENOENT: schemas/networking.istio.io/v1/ServiceEntry.json');
  });
  const logged: string[] = [];
  const core = createCore({ registry: broken, logger: { error: (m) => logged.push(m) } });
  const text = doc('Bad_Name', 'Static');
  const f = locate(text, core.checkFile('u', text).findings);
  assert.deepEqual(f.map((x) => [x.code, x.severity, x.line]), [['HM2012', 'error', 3], ['HM2018', 'warning', 1]].sort((a, b) => Number(a[2]) - Number(b[2])));
  assert.match(f.find((x) => x.code === 'HM2018')!.message, /^No schema for networking\.istio\.io\/v1 ServiceEntry: ENOENT/);
  assert.equal(logged.length, 1);
});

test('a document repeated in one file stays cached until its last copy goes', () => {
  const core = createCore({ registry: testRegistry() });
  // Chunks include their `---` line, so every copy is written after one.
  const a = '---\n' + doc('a', 'STATIC');
  const b = '---\n' + doc('b', 'STATIC');
  core.checkFile('u', a + a + b);
  assert.equal(core.cacheSize, 2);
  core.checkFile('u', a + b);
  assert.equal(core.cacheSize, 2, 'one copy of a left');
  const r = core.checkFile('u', '---\n' + doc('c', 'Static') + b);
  assert.equal(core.cacheSize, 2, 'a released, c added');
  assert.deepEqual(r.findings.map((f) => [f.code, f.docIndex]), [['HM2006', 0]]);
  core.checkFile('u', b);
  assert.equal(core.cacheSize, 1);
});
