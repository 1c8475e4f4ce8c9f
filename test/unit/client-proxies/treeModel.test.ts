import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeProxy } from '../../../client/src/proxies/treeModel';

const T = { warningHours: 72, errorHours: 24 };
const now = Date.parse('2026-11-23T06:00:00Z');
const H = 3_600_000;

test('a ready, synced VM with a long-lived certificate is green', () => {
  const look = describeProxy('vm-1', 'admin http://127.0.0.1:1', { state: 'ready', sync: 'SYNCED', cert: { notAfter: now + 30 * 24 * H, serial: '' }, checkedAt: now }, T, now);
  assert.equal(look.description, 'ready · SYNCED · cert 30d');
  assert.equal(look.icon, 'pass');
  assert.equal(look.color, 'testing.iconPassed');
  assert.equal(look.tone, 'ok');
});

test('certificate thresholds colour the item', () => {
  const warn = describeProxy('vm-2', 'w', { state: 'ready', cert: { notAfter: now + 48 * H, serial: '' }, checkedAt: now }, T, now);
  assert.deepEqual([warn.description, warn.icon, warn.color, warn.tone], ['ready · cert 2d', 'shield', 'list.warningForeground', 'warning']);
  const err = describeProxy('vm-2', 'w', { state: 'ready', cert: { notAfter: now + 2 * H - 60_000, serial: '' }, checkedAt: now }, T, now);
  assert.deepEqual([err.description, err.icon, err.color, err.tone], ['ready · cert 1h 59m', 'shield', 'list.errorForeground', 'error']);
  assert.match(err.tooltip.join('\n'), /Workload certificate expires 2026-11-23T07:59:00Z \(1h 59m left\)/);
  const expired = describeProxy('vm-2', 'w', { state: 'ready', cert: { notAfter: now - H, serial: '' }, checkedAt: now }, T, now);
  assert.equal(expired.description, 'ready · cert expired 1h 0m ago');
});

test('an unreachable VM says so in the description and the tooltip', () => {
  const look = describeProxy('vm-down', 'admin http://127.0.0.1:9', { state: 'unreachable', error: 'http://127.0.0.1:9/server_info: connection refused', checkedAt: now }, T, now);
  assert.equal(look.description, 'unreachable: http://127.0.0.1:9/server_info: connection refused');
  assert.equal(look.icon, 'error');
  assert.equal(look.color, 'list.errorForeground');
  assert.deepEqual(look.tooltip, ['vm-down: unreachable', 'admin http://127.0.0.1:9', 'Error: http://127.0.0.1:9/server_info: connection refused']);
});

test('not ready and xDS errors are flagged; tokens show in the tooltip', () => {
  const look = describeProxy('vm-3', 'w', { state: 'not-ready', detail: 'INITIALIZING', sync: 'ERROR', checkedAt: now }, T, now,
    { path: 'vm/vm-3/istio-token', exp: Math.floor((now - H) / 1000) });
  assert.equal(look.description, 'not ready · ERROR · token expired');
  assert.equal(look.tone, 'error');
  assert.equal(look.icon, 'warning');
  assert.match(look.tooltip.join('\n'), /vm-3: not ready \(INITIALIZING\)/);
  assert.match(look.tooltip.join('\n'), /Bootstrap token \(vm\/vm-3\/istio-token\) expires 2026-11-23T05:00:00Z \(expired 1h 0m ago\)/);
  assert.equal(describeProxy('vm-4', 'w', undefined, T, now).description, 'checking…');
});
