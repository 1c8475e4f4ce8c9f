import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { DiagnosticsSink } from '../../../server/src/lsp/diagnosticsSink';

const diag = (line: number, severity: DiagnosticSeverity = DiagnosticSeverity.Error, code = 'HM2003'): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } }, severity, code, message: `m${line}`, source: 'hybrid-mesh',
});

function sink() {
  const sent: Array<[string, number[]]> = [];
  const s = new DiagnosticsSink((uri, d) => sent.push([uri, d.map((x) => x.range.start.line)]));
  return { s, sent };
}

test('merges layers per URI and publishes only URIs whose list changed', () => {
  const { s, sent } = sink();
  s.set('file', 'a', [diag(1)]);
  s.set('analysis', 'a', [diag(2, DiagnosticSeverity.Warning)]);
  s.set('analysis', 'b', [diag(3)]);
  assert.equal(s.flush(), 2);
  assert.deepEqual(sent, [['a', [1, 2]], ['b', [3]]]);
  assert.deepEqual(s.totals(), { errors: 2, warnings: 1 });
  sent.length = 0;
  s.set('file', 'a', [diag(1)]); // same content
  s.set('file', 'c', []); // never published, still empty
  assert.equal(s.flush(), 0);
  assert.deepEqual(sent, []);
  s.set('file', 'a', []);
  s.flush();
  assert.deepEqual(sent, [['a', [2]]]);
});

test('replaceLayer clears URIs the layer no longer mentions; clear drops every layer', () => {
  const { s, sent } = sink();
  s.replaceLayer('analysis', new Map([['a', [diag(1)]], ['b', [diag(2)]]]));
  s.set('file', 'b', [diag(5)]);
  s.flush();
  sent.length = 0;
  s.replaceLayer('analysis', new Map([['b', [diag(2)]]]));
  s.flush();
  assert.deepEqual(sent, [['a', []]]);
  sent.length = 0;
  s.clear('b');
  s.flush();
  assert.deepEqual(sent, [['b', []]]);
  assert.deepEqual(s.totals(), { errors: 0, warnings: 0 });
});
