// Lone CR line endings (old Mac `\r`): YAML and VS Code take them as line breaks, the `yaml`
// package alone does not. A `\r`-only file must read and report exactly like its `\n` twin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCore } from '../../../server/src/core/index';
import { parseYamlFile } from '../../../server/src/core/parse/documents';
import { LineIndex } from '../../../server/src/core/text/span';
import { withLineFeeds } from '../../../server/src/core/text/lineBreaks';

const BROKEN = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cfg', 'data:', '  a: [1, 2', '  b: 3', ''];

/** Findings of `text` as [code, message, start line/character, end line/character]. */
function located(text: string) {
  const li = new LineIndex(text);
  return createCore().checkFile('file:///cr.yaml', text).findings.map((f) => {
    const r = li.rangeOf(f.span);
    return [f.code, f.message, r.start.line, r.start.character, r.end.line, r.end.character];
  });
}

test('a YAML syntax error in a \\r-only file lands on its line, as in the \\n file', () => {
  const lf = BROKEN.join('\n');
  const cr = BROKEN.join('\r');
  const expected = [['HM1001', 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]', 6, 2, 6, 3]];
  assert.deepEqual(located(lf), expected);
  assert.deepEqual(located(cr), expected);
});

test('a \\r-only file has the same values, documents and offsets as its \\n twin', () => {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', 'data:', '  text: |', '    one', '    two', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: b', ''];
  const lf = parseYamlFile('u', lines.join('\n'));
  const cr = parseYamlFile('u', lines.join('\r'));
  assert.equal(cr.documents.length, 2);
  assert.deepEqual(cr.documents.map((d) => [d.span, d.value, d.problems.length]), lf.documents.map((d) => [d.span, d.value, d.problems.length]));
  assert.deepEqual(cr.documents[0].value, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { text: 'one\ntwo\n' } });
  assert.equal(cr.text, lines.join('\r'), 'the file keeps its own text');
});

test('mixed line endings: \\r, \\n and \\r\\n all break lines', () => {
  const text = 'apiVersion: v1\rkind: ConfigMap\r\nmetadata:\n  name: cfg\rdata:\r\n  a: [1, 2\n  b: 3\r';
  assert.deepEqual(located(text), located(text.replace(/\r\n?/g, '\n')));
  assert.deepEqual(located(text)[0].slice(2), [6, 2, 6, 3]);
});

test('files with directives (parsed whole) read lone CRs as line breaks too', () => {
  const lines = ['%YAML 1.2', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cfg', 'data:', '  a: [1, 2', '  b: 3', ''];
  assert.deepEqual(located(lines.join('\r')), located(lines.join('\n')));
  assert.equal(located(lines.join('\r'))[0][2], 8);
});

test('editing a \\r-only file gives what a fresh check gives', () => {
  const core = createCore();
  const before = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: b', ''].join('\r');
  core.checkFile('file:///e.yaml', before);
  const after = before.replace('  name: b', '  name: b\r  bad: [');
  const edited = core.checkFile('file:///e.yaml', after);
  const fresh = createCore().checkFile('file:///e.yaml', after);
  assert.deepEqual(edited.findings, fresh.findings);
  assert.deepEqual(edited.documents.map((d) => d.value), fresh.documents.map((d) => d.value));
  assert.equal(edited.documents.length, 2);
  assert.deepEqual([edited.findings[0]?.code, edited.findings[0]?.docIndex], ['HM1001', 1]);
  // Only the edited document was parsed again.
  assert.equal(edited.documents[0].chunk, core.checkFile('file:///e.yaml', before).documents[0].chunk);
  // Turning the line endings into \r\n re-reads the file: same values as the \n text.
  const crlf = after.replace(/\r/g, '\r\n');
  assert.deepEqual(core.checkFile('file:///e.yaml', crlf).documents.map((d) => d.value), createCore().checkFile('file:///x.yaml', after.replace(/\r/g, '\n')).documents.map((d) => d.value));
});

test('withLineFeeds keeps the length and \\r\\n pairs', () => {
  assert.equal(withLineFeeds('a\rb\r\nc\r'), 'a\nb\r\nc\n');
  const same = 'a\r\nb\n';
  assert.equal(withLineFeeds(same), same);
});
