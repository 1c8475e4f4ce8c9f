import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusDetail, statusText } from '../../../client/src/statusText';

const base = { state: 'ready' as const, documentsChecked: 1, checksRun: 4, errors: 0, warnings: 1, workspaceFiles: 12 };

test('status item wording follows the server state and counts', () => {
  assert.equal(statusText(base), 'Hybrid Mesh: no errors');
  assert.equal(statusText({ ...base, errors: 1 }), 'Hybrid Mesh: 1 error');
  assert.equal(statusText({ ...base, errors: 3 }), 'Hybrid Mesh: 3 errors');
  assert.equal(statusText({ ...base, state: 'disabled', errors: 3 }), 'Hybrid Mesh: validation off');
  assert.equal(statusDetail(base), '1 warning · 1 open file checked · 12 YAML files in the workspace');
});
