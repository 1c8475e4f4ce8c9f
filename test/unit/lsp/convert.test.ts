import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { finding } from '../../../server/src/core/diagnostics/finding';
import { toDiagnostic } from '../../../server/src/lsp/convert';

const doc = TextDocument.create('file:///a.yaml', 'yaml', 1, 'kind: X\r\nspec:\n  hostt: y\n');
const other = TextDocument.create('file:///b.yaml', 'yaml', 1, 'x: 1\ny: 2\n');

test('offsets become positions; code, source, href, related information and data', () => {
  const f = finding('YamlSyntax', { detail: 'bad' }, {
    uri: doc.uri, span: { start: 17, end: 22 }, docIndex: 0,
    resource: { kind: 'DestinationRule', name: 'r', namespace: null },
    related: [{ uri: other.uri, span: { start: 5, end: 9 }, message: 'here' }, { uri: 'file:///unknown.yaml', span: { start: 3, end: 4 }, message: 'gone' }],
    data: { fix: 'replace', span: { start: 17, end: 22 }, candidates: ['host'] },
  });
  const d = toDiagnostic(f, doc, (u) => (u === other.uri ? other : undefined));
  assert.deepEqual(d, {
    range: { start: { line: 2, character: 2 }, end: { line: 2, character: 7 } },
    severity: 1,
    source: 'hybrid-mesh',
    code: 'HM1001',
    codeDescription: { href: 'https://github.com/hybrid-mesh/hybrid-mesh/blob/main/docs/codes/HM1001.md' },
    message: 'YAML syntax error: bad',
    relatedInformation: [
      { location: { uri: other.uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } }, message: 'here' },
      { location: { uri: 'file:///unknown.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: 'gone' },
    ],
    data: { fix: { fix: 'replace', span: { start: 17, end: 22 }, candidates: ['host'] }, resource: { kind: 'DestinationRule', name: 'r', namespace: null }, docIndex: 0 },
  });
});

test('IST codes link to istio.io; no related information or data when there is none', () => {
  const f = { ...finding('YamlSyntax', { detail: 'x' }, { uri: doc.uri, span: { start: 0, end: 4 } }), code: 'IST0101', severity: 'warning' as const };
  const d = toDiagnostic(f, doc);
  assert.equal(d.codeDescription?.href, 'https://istio.io/latest/docs/reference/config/analysis/ist0101/');
  assert.equal(d.severity, 2);
  assert.equal('relatedInformation' in d, false);
  assert.equal('data' in d, false);
});
