'use strict';
// The workspace analysis in a real editor: cross-file diagnostics in files that are not open, a
// selector's hover and code lens counting VMs and pods, and a did-you-mean quick fix (HM4001).
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { open, waitForDiagnostics, waitForAnalysis, codeOf, rangeOf, describe: describeDiag, activateExtension, workspaceUri } = require('./helpers');

const summary = (list) => list.map((d) => [codeOf(d), ...rangeOf(d.range)]);
const textOfHover = (h) => h.flatMap((x) => x.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
const isOpen = (uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

describe('workspace analysis', () => {
  before(async () => {
    await activateExtension();
    await waitForAnalysis();
  });

  it('hover on a Service selector counts the VMs and pods it selects', async () => {
    const doc = await open('analysis/cart-workloads.yaml');
    assert.equal(doc.lineAt(8).text, '    app: shopping-cart');
    const hover = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(8, 10));
    assert.match(textOfHover(hover), /selects 1 VM \(WorkloadEntry shopping-cart-vm-1\), 1 WorkloadGroup \(shopping-cart-vm\) and 1 pod \(Deployment shopping-cart-v1\)/);
  });

  it('a WorkloadGroup has a code lens naming the services that select it; its command runs', async () => {
    const doc = await open('analysis/cart-workloads.yaml');
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    const titles = lenses.map((l) => l.command && l.command.title);
    assert.deepEqual(titles, ['1 VM registered · selected by Service shop/shopping-cart']);
    assert.equal(lenses[0].range.start.line, 30);                     // `kind: WorkloadGroup`
    assert.equal(lenses[0].command.command, 'hybridMesh.showReferences');
    await vscode.commands.executeCommand(lenses[0].command.command, ...lenses[0].command.arguments);
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('removing a DestinationRule subset flags the route in a file that is not open; undoing clears it', async () => {
    const routes = workspaceUri('analysis/cart-virtualservice.yaml');
    assert.equal(isOpen(routes), false);
    const doc = await open('analysis/cart-destinationrule.yaml');
    assert.equal(doc.lineAt(11).text, '  - name: v2');
    const removed = doc.getText(new vscode.Range(11, 0, 14, 0));
    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, new vscode.Range(11, 0, 14, 0));
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const list = await waitForDiagnostics(routes, (l) => l.some((d) => codeOf(d) === 'IST0101'));
    assert.deepEqual(summary(list), [['IST0101', 12, 16, 12, 18]], JSON.stringify(list.map(describeDiag)));   // `v2`
    assert.equal(list[0].message, 'Referenced host+subset in destinationrule not found: "shopping-cart+v2"');
    assert.equal(isOpen(routes), false);
    const undo = new vscode.WorkspaceEdit();
    undo.insert(doc.uri, new vscode.Position(11, 0), removed);
    assert.equal(await vscode.workspace.applyEdit(undo), true);
    await waitForDiagnostics(routes, (l) => l.length === 0);
  });

  it('the did-you-mean quick fix for a selector typo (HM4001) applies and clears the warning', async () => {
    const doc = await open('analysis/cart-vms-typo.yaml');
    const list = await waitForDiagnostics(doc.uri, (l) => l.some((d) => codeOf(d) === 'HM4001'));
    const diag = list.find((d) => codeOf(d) === 'HM4001');
    assert.deepEqual(rangeOf(diag.range), [17, 11, 17, 23]);         // `shoping-cart`
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range);
    const titles = (actions || []).map((a) => a.title);
    assert.ok(titles.includes('Suppress HM4001 on ServiceEntry shopping-cart-vms'), JSON.stringify(titles));
    const fix = (actions || []).find((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && a.title === 'Change to "shopping-cart"');
    assert.ok(fix, `no did-you-mean fix; offered: ${JSON.stringify(titles)}`);
    assert.equal(fix.isPreferred, true);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.lineAt(17).text, '      app: shopping-cart');
    await waitForDiagnostics(doc.uri, (l) => !l.some((d) => codeOf(d) === 'HM4001'));
  });
});
