// Helpers for the in-host tests: open fixture files, wait for diagnostics on an event (never a sleep).
'use strict';
const vscode = require('vscode');

const EXTENSION_ID = 'hybrid-mesh.hybrid-mesh';

function workspaceUri(rel) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('the e2e run must open test/e2e/workspace as the folder');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

async function open(rel) {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Resolves with the diagnostics of `uri` once `accept(list)` holds; rejects after `ms` with what was seen. */
function waitForDiagnostics(uri, accept, ms = 90_000) {
  return new Promise((resolve, reject) => {
    let sub;
    const check = () => {
      const list = vscode.languages.getDiagnostics(uri);
      if (!accept(list)) return false;
      clearTimeout(timer);
      if (sub) sub.dispose();
      resolve(list);
      return true;
    };
    const timer = setTimeout(() => {
      if (sub) sub.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map(describe);
      reject(new Error(`diagnostics of ${uri.path} not as expected after ${ms} ms; saw ${JSON.stringify(seen)}`));
    }, ms);
    if (check()) return;
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
  });
}

const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const rangeOf = (r) => [r.start.line, r.start.character, r.end.line, r.end.character];
const describe = (d) => ({ code: codeOf(d), range: rangeOf(d.range), severity: d.severity, message: d.message });

async function activateExtension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}

/**
 * Resolves once the server's workspace analysis has run: the planted selector typo in
 * analysis/cart-vms-typo.yaml (a file no test opens before this) has its HM4001.
 */
function waitForAnalysis() {
  return waitForDiagnostics(workspaceUri('analysis/cart-vms-typo.yaml'), (l) => l.some((d) => codeOf(d) === 'HM4001'));
}

module.exports = { EXTENSION_ID, workspaceUri, open, waitForDiagnostics, waitForAnalysis, codeOf, rangeOf, describe, activateExtension };
