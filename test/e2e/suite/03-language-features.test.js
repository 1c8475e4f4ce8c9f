'use strict';
// Quick fix, hover and go-to-definition through VS Code's command API (what the editor itself calls).
// A feature the server does not provide yet is skipped with its reason from pending.js.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const pending = require('./pending');
const { open, waitForDiagnostics, waitForAnalysis, codeOf, rangeOf, activateExtension, workspaceUri } = require('./helpers');

function skipIfPending(ctx, feature) {
  if (!pending[feature]) return;
  ctx.test.skipReason = pending[feature];
  ctx.skip();
}
const textOfHover = (h) => h.flatMap((x) => x.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');

describe('language features', () => {
  before(activateExtension);

  it('the quick fix for an enum typo ("did you mean") applies and clears the diagnostic', async function () {
    skipIfPending(this, 'quickfix');
    const doc = await open('broken/bad-enum.yaml');
    const list = await waitForDiagnostics(doc.uri, (l) => l.some((d) => codeOf(d) === 'HM2006'));
    const diag = list.find((d) => codeOf(d) === 'HM2006');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range);
    // (the command API does not hand back each action's `diagnostics`: match on kind and title)
    const fix = (actions || []).find((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind)
      && a.title === "Change 'STATICC' to 'STATIC'");
    assert.ok(fix, `no quick fix to STATIC for HM2006 at ${rangeOf(diag.range)}; offered: ${JSON.stringify((actions || []).map((a) => [a.title, a.kind && a.kind.value, (a.diagnostics || []).map(codeOf)]))}`);
    if (fix.edit) assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));
    assert.equal(doc.lineAt(8).text, '  resolution: STATIC');
    await waitForDiagnostics(doc.uri, (l) => !l.some((d) => codeOf(d) === 'HM2006'));
  });

  it('hover on `kind: VirtualService` describes the kind; on `hosts` the field', async function () {
    skipIfPending(this, 'hover');
    const doc = await open('mesh/reviews-virtualservice.yaml');
    const onKind = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 8));
    assert.equal(onKind.length, 1, 'one hover (from this extension only)');
    assert.match(textOfHover(onKind), /\*\*VirtualService\*\*/);
    assert.match(textOfHover(onKind), /networking\.istio\.io\/v1/);
    assert.deepEqual(rangeOf(onKind[0].range), [1, 6, 1, 20]);       // the value `VirtualService`
    const onField = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(6, 3));
    assert.match(textOfHover(onField), /\*\*hosts\*\*/);
    const onNothing = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(14, 0));
    assert.deepEqual(onNothing, []);                                 // the empty last line: no hover
  });

  it('go to definition on a route subset jumps to the DestinationRule subset', async function () {
    skipIfPending(this, 'definition');
    await waitForAnalysis();
    const doc = await open('mesh/reviews-virtualservice.yaml');
    assert.equal(doc.lineAt(12).text, '        subset: v2');
    const locs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(12, 17));
    assert.equal(locs.length, 1);
    const target = locs[0].targetUri ? { uri: locs[0].targetUri, range: locs[0].targetSelectionRange || locs[0].targetRange } : locs[0];
    assert.equal(target.uri.toString(), workspaceUri('mesh/reviews-destinationrule.yaml').toString());
    assert.deepEqual(rangeOf(target.range), [11, 10, 11, 12]);       // `v2` in `  - name: v2`
  });
});
