// Hostile and odd input: each case gets a clear finding (or is skipped with a reason), never a
// crash or a hang, and the rest of the file is still checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, yaml } from '../validate/helpers';
import { decodeText } from '../../../server/src/core/parse/decode';
import { parseYamlFile } from '../../../server/src/core/parse/documents';

const goodSE = yaml(
  'apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', '  name: ok', 'spec:', '  hosts: [a.example.com]', '  resolution: Static',
);

test('YAML syntax error is reported on its line and the other documents are still checked', () => {
  const text = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', 'data: [1, 2', '---') + goodSE;
  const f = check(text);
  const syntax = f.filter((x) => x.code === 'HM1001');
  assert.ok(syntax.length >= 1 && syntax.length <= 5, JSON.stringify(syntax));
  assert.equal(syntax[0].severity, 'error');
  const enumErr = f.find((x) => x.code === 'HM2006');
  assert.ok(enumErr, 'schema check of the second document still ran');
  assert.equal(enumErr.line, 12);
  assert.equal(enumErr.text, 'Static');
});

test('duplicate key: on the repeated key, and the document is still validated', () => {
  const text = yaml('apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', '  name: dup', 'spec:', '  hosts: [a.example.com]', '  hosts: [b.example.com]', '  resolution: Static');
  const f = check(text);
  const dup = f.find((x) => x.code === 'HM1002');
  assert.ok(dup);
  assert.deepEqual([dup.line, dup.character, dup.text], [6, 2, 'hosts']);
  assert.match(dup.message, /Duplicate key "hosts"/);
  assert.ok(f.some((x) => x.code === 'HM2006'), 'enum check still ran');
});

test('tab indentation is reported where the tab is', () => {
  const f = check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n');
  const tab = f.find((x) => x.code === 'HM1003');
  assert.ok(tab, JSON.stringify(f));
  assert.equal(tab.line, 3);
  assert.equal(tab.character, 0);
});

test('alias bomb: expansion capped and reported, no hang', () => {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 8; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  const t = performance.now();
  const f = check(levels.join('\n') + '\n');
  assert.ok(performance.now() - t < 5000, 'no hang');
  const bomb = f.find((x) => x.code === 'HM1004');
  assert.ok(bomb, JSON.stringify(f));
  assert.match(bomb.message, /more than 100/);
  assert.equal(bomb.text, '*a');
});

test('a 50 MB file is refused by the size cap, quickly, with the cap in the message', () => {
  const big = ('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: ' + 'v'.repeat(1000) + '\n---\n').repeat(50 * 1024);
  assert.ok(big.length > 50 * 1000 * 1000);
  const t = performance.now();
  const f = check(big);
  assert.ok(performance.now() - t < 5000, 'size check does not parse');
  assert.equal(f.length, 1);
  assert.equal(f[0].code, 'HM1005');
  assert.match(f[0].message, /over 16\.0 MiB/);
});

test('one document over the per-document cap is skipped, the others are checked', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: ' + 'v'.repeat(3.5 * 1024 * 1024) + '\n---\n' + goodSE;
  const f = check(text);
  assert.deepEqual(f.map((x) => x.code).sort(), ['HM1006', 'HM2006']);
});

test('binary content (NUL bytes) in text and in bytes', () => {
  const f = check('apiVersion: v1\u0000\u0001\u0002kind');
  assert.deepEqual(f.map((x) => x.code), ['HM1007']);
  assert.match(f[0].message, /NUL character at offset 14/);
  const d = decodeText(new Uint8Array([0x61, 0x00, 0x62]));
  assert.deepEqual(d, { error: 'binary', detail: 'NUL byte at offset 1' });
});

test('invalid UTF-8 is refused by decodeText; valid UTF-8 decodes', () => {
  const bad = decodeText(new Uint8Array([0x61, 0x3a, 0x20, 0xc3, 0x28]));
  assert.ok('error' in bad && bad.error === 'invalid-utf8', JSON.stringify(bad));
  assert.match((bad as { detail: string }).detail, /offset 3/);
  assert.deepEqual(decodeText(new TextEncoder().encode('a: é\n')), { text: 'a: é\n' });
});

test('10,000-deep nesting: flow and block forms are reported, no stack overflow', () => {
  const flow = 'a: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n';
  const f1 = check(flow);
  assert.ok(f1.some((x) => x.code === 'HM1008' || x.code === 'HM1001'), JSON.stringify(f1.slice(0, 3)));
  // Block nesting 10,000 deep on one line (compact sequences) and 2,000 deep by indentation.
  const compact = 'a:\n' + '- '.repeat(10000) + 'x\n';
  const f2 = check(compact);
  assert.ok(f2.some((x) => x.code === 'HM1008'), JSON.stringify(f2.slice(0, 3)));
  let block = '';
  for (let i = 0; i < 2000; i++) block += ' '.repeat(i) + 'a:\n';
  const f3 = check(block);
  assert.ok(f3.some((x) => x.code === 'HM1008'), JSON.stringify(f3.slice(0, 3)));
});

test('empty file and comment-only file: one information finding, no documents', () => {
  for (const [text, what] of [['', 'empty file'], ['# nothing here\n# at all\n', 'only comments'], ['\n\n   \n', 'empty file']]) {
    const f = check(text);
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['HM1010', 'information']]);
    assert.match(f[0].message, new RegExp(what));
    assert.equal(parseYamlFile('u', text).documents.length, 0);
  }
});

test('a document that is a list or a scalar is skipped with a warning; maps beside it are checked', () => {
  const text = '- a\n- b\n---\njust a string\n---\n42\n---\n' + goodSE;
  const f = check(text);
  const skipped = f.filter((x) => x.code === 'HM1009');
  assert.deepEqual(skipped.map((x) => [x.line, x.severity]), [[0, 'warning'], [3, 'warning'], [5, 'warning']]);
  assert.match(skipped[0].message, /is a list/);
  assert.match(skipped[1].message, /is a scalar/);
  assert.ok(f.some((x) => x.code === 'HM2006'));
});

test('an empty document between markers and a non-Kubernetes mapping produce nothing', () => {
  assert.deepEqual(check('---\n---\nfoo: bar\n'), []);
});

test('directives and document-end markers take the whole-file path and still work', () => {
  const text = '%YAML 1.2\n---\n' + goodSE + '...\n';
  const f = check(text);
  const e = f.find((x) => x.code === 'HM2006');
  assert.ok(e);
  assert.equal(e.text, 'Static');
  assert.equal(e.line, 8);
});

test('a file of only document separators says it has nothing to check', () => {
  const text = '---\n'.repeat(10_000) + '# trailing comment\n';
  const file = parseYamlFile('file:///seps.yaml', text);
  assert.deepEqual(file.problems.map((p) => [p.code, p.severity, p.message]),
    [['HM1010', 'information', 'File has no YAML documents (only document separators and comments): nothing to check']]);
  const one = parseYamlFile('file:///one.yaml', '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n');
  assert.deepEqual(one.problems, []);
});
