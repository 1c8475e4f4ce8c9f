import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/protocol/settings';

test('defaults for missing or garbage input', () => {
  for (const raw of [undefined, null, 42, 'x', [], {}, { validation: 'yes', trace: [] }]) {
    assert.deepEqual(normalizeSettings(raw), DEFAULT_SETTINGS, JSON.stringify(raw));
  }
  assert.deepEqual(DEFAULT_SETTINGS, { validation: { enable: true, delayMs: 150 }, trace: { server: 'off' } });
});

test('coerces values and clamps the delay', () => {
  assert.deepEqual(normalizeSettings({ validation: { enable: false, delayMs: 20.4 }, trace: { server: 'verbose' } }),
    { validation: { enable: false, delayMs: 20 }, trace: { server: 'verbose' } });
  assert.equal(normalizeSettings({ validation: { enable: 'false' } }).validation.enable, false);
  assert.equal(normalizeSettings({ validation: { enable: 0 } }).validation.enable, true);
  assert.equal(normalizeSettings({ validation: { delayMs: -5 } }).validation.delayMs, 0);
  assert.equal(normalizeSettings({ validation: { delayMs: 1e9 } }).validation.delayMs, 5000);
  assert.equal(normalizeSettings({ validation: { delayMs: '300' } }).validation.delayMs, 300);
  assert.equal(normalizeSettings({ validation: { delayMs: NaN } }).validation.delayMs, 150);
  assert.equal(normalizeSettings({ trace: { server: 'loud' } }).trace.server, 'off');
});
