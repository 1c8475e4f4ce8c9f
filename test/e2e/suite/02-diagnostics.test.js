'use strict';
// Diagnostics from the language server with exact ranges (the same ranges `hybrid-mesh lint` prints),
// waited for on onDidChangeDiagnostics with a timeout, never a sleep.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { open, waitForDiagnostics, describe: describeDiag, codeOf, rangeOf, activateExtension } = require('./helpers');

const errorsOf = (list) => list.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
const summary = (list) => list.map((d) => [codeOf(d), ...rangeOf(d.range)]);

describe('diagnostics', () => {
  before(activateExtension);

  const cases = [
    // [file, code, [line, char, line, char] zero-based, text under the range, message]
    ['broken/duplicate-key.yaml', 'HM1002', [4, 2, 4, 6], 'name', /^Duplicate key "name"/],
    ['broken/unclosed-flow.yaml', 'HM1001', [6, 2, 6, 3], 'h', /^YAML syntax error: Flow sequence/],
    ['broken/bad-enum.yaml', 'HM2006', [8, 14, 8, 21], 'STATICC', /^spec\.resolution: Unsupported value: "STATICC".*did you mean "STATIC"\?/],
  ];
  for (const [file, code, range, text, message] of cases) {
    it(`${file}: ${code} at ${range.join(':')}`, async () => {
      const doc = await open(file);
      const list = await waitForDiagnostics(doc.uri, (l) => l.some((d) => codeOf(d) === code));
      assert.deepEqual(summary(errorsOf(list)), [[code, ...range]], JSON.stringify(list.map(describeDiag)));
      const [d] = errorsOf(list);
      assert.equal(doc.getText(d.range), text);
      assert.match(d.message, message);
    });
  }

  it('a valid VirtualService has no errors; an edit adds one, undoing it clears it', async () => {
    const doc = await open('mesh/reviews-virtualservice.yaml');
    assert.equal(doc.lineAt(4).text, '  namespace: bookinfo');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(5, 0), '  namespace: bookinfo\n');   // line 5 repeats the key
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const withError = await waitForDiagnostics(doc.uri, (l) => errorsOf(l).length > 0);
    assert.deepEqual(summary(errorsOf(withError)), [['HM1002', 5, 2, 5, 11]]);

    const undo = new vscode.WorkspaceEdit();
    undo.delete(doc.uri, new vscode.Range(5, 0, 6, 0));
    assert.equal(await vscode.workspace.applyEdit(undo), true);
    const clean = await waitForDiagnostics(doc.uri, (l) => errorsOf(l).length === 0);
    assert.deepEqual(summary(errorsOf(clean)), []);
  });
});
