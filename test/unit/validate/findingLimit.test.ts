// At most MAX_FINDINGS_PER_DOCUMENT findings per document: the first ones by position, plus one
// HM1015 notice at the document head counting the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, testCore, yaml } from './helpers';
import { MAX_FINDINGS_PER_DOCUMENT } from '../../../server/src/core/validate/limit';

const HEAD = ['apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', '  name: cart'];
const keys = (n: number, name = (i: number) => `unknownKey${i}`) => Array.from({ length: n }, (_, i) => `  ${name(i)}: 1`);
/** A ServiceEntry whose spec has `extra` lines after its hosts (line 7 on). */
const se = (extra: string[], meta: string[] = []) => yaml(...HEAD, ...meta, 'spec:', '  hosts:', '  - a.example.com', ...extra);

test('a document with more findings than the limit: the first ones by position and one notice on its kind', () => {
  const n = MAX_FINDINGS_PER_DOCUMENT + 250;
  const found = check(se(keys(n)));
  assert.equal(found.length, MAX_FINDINGS_PER_DOCUMENT + 1);
  const [notice, ...rest] = found;
  assert.deepEqual([notice.code, notice.severity, notice.line, notice.character, notice.text], ['HM1015', 'information', 1, 0, 'kind']);
  assert.equal(notice.message, `250 more findings in this document were not shown (at most ${MAX_FINDINGS_PER_DOCUMENT} per document); fix the ones shown first`);
  assert.ok(rest.every((f) => f.code === 'HM2003'));
  assert.deepEqual(rest.map((f) => f.line), Array.from({ length: MAX_FINDINGS_PER_DOCUMENT }, (_, i) => 7 + i));
});

test('at the limit exactly: every finding, no notice', () => {
  const found = check(se(keys(MAX_FINDINGS_PER_DOCUMENT)));
  assert.equal(found.length, MAX_FINDINGS_PER_DOCUMENT);
  assert.ok(found.every((f) => f.code === 'HM2003'));
});

test('position order, not validation order: integer-like keys, which ajv reports first, come last in the file', () => {
  const text = se([...keys(MAX_FINDINGS_PER_DOCUMENT), ...keys(50, (i) => String(1000 + i))]);
  const found = check(text).filter((f) => f.code === 'HM2003');
  assert.equal(found.length, MAX_FINDINGS_PER_DOCUMENT);
  assert.ok(found.every((f) => f.text.startsWith('unknownKey')), found.find((f) => !f.text.startsWith('unknownKey'))?.text);
  assert.match(check(text)[0].message, /^50 more findings/);
});

test('findings shown keep their did-you-mean hints and quick-fix data', () => {
  const text = se(['  resolutoin: DNS', ...keys(MAX_FINDINGS_PER_DOCUMENT + 10)]);
  const raw = testCore().checkFile('file:///hint.yaml', text).findings;
  const typo = raw.find((f) => f.code === 'HM2003' && f.message.includes('resolutoin'));
  assert.equal(typo?.message, 'spec.resolutoin: unknown field "resolutoin"; did you mean "resolution"?');
  assert.deepEqual(typo?.data && 'candidates' in typo.data ? typo.data.candidates : undefined, ['resolution']);
  assert.equal(raw[0].code, 'HM1015');
  assert.match(raw[0].message, /^11 more findings/);
});

test('YAML problems and rule findings share the limit, and the notice counts both', () => {
  // 150 unknown keys, then 100 repeats of one key: 99 duplicate-key errors + 1 unknown field.
  const text = se([...keys(150), ...Array.from({ length: 100 }, (_, i) => `  again: ${i}`)]);
  const found = check(text);
  assert.equal(found.length, MAX_FINDINGS_PER_DOCUMENT + 1);
  assert.equal(found[0].code, 'HM1015');
  assert.match(found[0].message, /^50 more findings/);
  const lines = found.slice(1).map((f) => f.line);
  assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  const codes = new Set(found.slice(1).map((f) => f.code));
  assert.deepEqual([...codes].sort(), ['HM1002', 'HM2003']);
});

test('each document of a file has its own limit', () => {
  const doc = se(keys(MAX_FINDINGS_PER_DOCUMENT + 1));
  const r = testCore().checkFile('file:///two.yaml', `${doc}---\n${doc}`);
  assert.deepEqual(r.findings.filter((f) => f.code === 'HM1015').map((f) => [f.docIndex, f.message.split(' ')[0]]), [[0, '1'], [1, '1']]);
  assert.equal(r.findings.length, 2 * (MAX_FINDINGS_PER_DOCUMENT + 1));
});

test('suppressed codes do not count: what is left fits, so there is no notice', () => {
  const meta = ['  annotations:', '    galley.istio.io/analyze-suppress: "HM2003"'];
  const found = check(se([...keys(MAX_FINDINGS_PER_DOCUMENT + 50), '  resolution: SOMETIMES'], meta));
  assert.deepEqual(found.map((f) => f.code), ['HM2006']);
});

test('the notice itself can be suppressed', () => {
  const meta = ['  annotations:', '    galley.istio.io/analyze-suppress: "HM1015"'];
  const found = check(se(keys(MAX_FINDINGS_PER_DOCUMENT + 50), meta));
  assert.equal(found.length, MAX_FINDINGS_PER_DOCUMENT);
  assert.ok(found.every((f) => f.code === 'HM2003'));
});

test('a suppressed schema error still keeps the object from admission (the API server rejects it)', () => {
  const ef = (meta: string[]) => yaml('apiVersion: networking.istio.io/v1alpha3', 'kind: EnvoyFilter', 'metadata:', '  name: ef', ...meta, 'spec:', '  configPatches: []', '  bogus: 1');
  assert.deepEqual(check(ef([])).map((f) => f.code), ['HM2003']);
  assert.deepEqual(check(ef(['  annotations:', '    galley.istio.io/analyze-suppress: "HM2003"'])).map((f) => f.code), []);
});
