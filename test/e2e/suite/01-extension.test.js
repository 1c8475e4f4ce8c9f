'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const { EXTENSION_ID, open, activateExtension } = require('./helpers');

describe('extension', () => {
  it('is loaded and activates without error', async () => {
    const ext = await activateExtension();
    assert.equal(ext.id, EXTENSION_ID);
    assert.equal(ext.isActive, true);
    // the copy under test: the checkout (devpath) or the installed .vsix (vsix mode)
    const devPath = process.env.HM_E2E_EXT_PATH || path.resolve(__dirname, '..', '..', '..');
    if (process.env.HM_E2E_MODE === 'devpath') assert.equal(ext.extensionPath, devPath);
    if (process.env.HM_E2E_MODE === 'vsix') {
      assert.notEqual(ext.extensionPath, devPath);
      assert.match(path.basename(ext.extensionPath), /^hybrid-mesh\.hybrid-mesh-\d+\.\d+\.\d+$/);
    }
  });

  it('gives cluster.env files the istio-cluster-env language (grammar contribution)', async () => {
    const doc = await open('vm/cluster.env');
    assert.equal(doc.languageId, 'istio-cluster-env');
    const yaml = await open('mesh/reviews-destinationrule.yaml');
    assert.equal(yaml.languageId, 'yaml');
    assert.ok(vscode.window.activeTextEditor, 'an editor is open');
  });
});
