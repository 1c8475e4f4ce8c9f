import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor } from '../../../server/src/lsp/handlers/codeActions';

const doc = TextDocument.create('file:///a.yaml', 'yaml', 3, 'spec:\n  hostt: x\n');
const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 7 } };
const diag = (data: unknown) => ({ range, message: 'm', code: 'HM2003', data });
const params = (data: unknown, only?: string[]) => ({ textDocument: { uri: doc.uri }, range, context: { diagnostics: [diag(data)], ...(only ? { only } : {}) } });

test('one action per candidate; insert fixes; nothing for a stale version, other kinds or bad data', () => {
  const two = codeActionsFor(doc, params({ fix: { fix: 'replace', span: { start: 8, end: 13 }, candidates: ['host', 'hosts'] } }), 3);
  assert.deepEqual(two.map((a) => [a.title, a.isPreferred, a.edit?.changes?.[doc.uri]]), [
    ["Change 'hostt' to 'host'", false, [{ range, newText: 'host' }]],
    ["Change 'hostt' to 'hosts'", false, [{ range, newText: 'hosts' }]],
  ]);
  const ins = codeActionsFor(doc, params({ fix: { fix: 'insert', offset: 6, text: '  host: y\n', title: 'Add host' } }), 3);
  assert.deepEqual(ins.map((a) => [a.title, a.edit?.changes?.[doc.uri]]), [['Add host', [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '  host: y\n' }]]]);
  const ok = { fix: { fix: 'replace', span: { start: 8, end: 13 }, candidates: ['host'] } };
  assert.deepEqual(codeActionsFor(doc, params(ok), 2), []);
  assert.deepEqual(codeActionsFor(doc, params(ok, ['refactor']), 3), []);
  assert.equal(codeActionsFor(doc, params(ok, ['quickfix']), 3).length, 1);
  for (const bad of [undefined, 'x', { fix: 'replace' }, { fix: { fix: 'replace', span: 'x', candidates: ['a'] } }, { fix: { fix: 'unknown' } }]) {
    assert.deepEqual(codeActionsFor(doc, params(bad), 3), [], JSON.stringify(bad));
  }
});
