import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certTone, formatTimeLeft } from '../../../client/src/certs/timeLeft';
import { decodeTokenExpiry } from '../../../client/src/certs/jwt';
import { soonest, statusBarLook, toNotify, type CertEntry } from '../../../client/src/certs/summary';
import type { CertTone } from '../../../client/src/certs/timeLeft';

const H = 3600;
const T = { warningHours: 72, errorHours: 24 };

test('formatTimeLeft never rounds up and says when a certificate expired', () => {
  assert.equal(formatTimeLeft(H + 58 * 60 + 59), '1h 58m');
  assert.equal(formatTimeLeft(2 * 86_400 + 3 * H + 59 * 60), '2d 3h');
  assert.equal(formatTimeLeft(3 * 86_400), '3d');
  assert.equal(formatTimeLeft(4 * 60 + 59), '4m');
  assert.equal(formatTimeLeft(59), '<1m');
  assert.equal(formatTimeLeft(0), 'expired');
  assert.equal(formatTimeLeft(-30), 'expired');
  assert.equal(formatTimeLeft(-(H + 2 * 60)), 'expired 1h 2m ago');
  assert.equal(formatTimeLeft(Number.NaN), 'unknown');
});

test('certTone: thresholds are inclusive; expired is an error', () => {
  assert.equal(certTone(72 * H + 1, T), 'ok');
  assert.equal(certTone(72 * H, T), 'warning');
  assert.equal(certTone(24 * H + 1, T), 'warning');
  assert.equal(certTone(24 * H, T), 'error');
  assert.equal(certTone(-5, T), 'error');
  assert.equal(certTone(2 * H, { warningHours: 1, errorHours: 0 }), 'ok');
});

const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

test('decodeTokenExpiry reads exp without verifying, and explains bad tokens', () => {
  const tok = `${b64url({ alg: 'RS256' })}.${b64url({ exp: 1_900_000_000, sub: 'system:serviceaccount:vm-ns:vm-sa', aud: ['istio-ca'] })}.c2ln`;
  assert.deepEqual(decodeTokenExpiry(`${tok}\n`), { ok: true, exp: 1_900_000_000, sub: 'system:serviceaccount:vm-ns:vm-sa', aud: 'istio-ca' });
  assert.deepEqual(decodeTokenExpiry('abc'), { ok: false, reason: 'not a JWT (expected three dot-separated parts)' });
  assert.deepEqual(decodeTokenExpiry('a.b+c.d'), { ok: false, reason: 'the payload is not base64url' });
  assert.deepEqual(decodeTokenExpiry(`x.${Buffer.from('not json').toString('base64url')}.y`), { ok: false, reason: 'the payload is not JSON' });
  assert.deepEqual(decodeTokenExpiry(`x.${b64url([1])}.y`), { ok: false, reason: 'the payload is not a JSON object' });
  assert.deepEqual(decodeTokenExpiry(`x.${b64url({ exp: '1900000000' })}.y`), { ok: false, reason: 'the token has no numeric exp claim' });
});

const now = Date.parse('2026-11-23T06:00:00Z');
const entries: CertEntry[] = [
  { id: 'vm:a', label: 'vm-1', notAfter: now + 23 * H * 1000 },
  { id: 'vm:b', label: 'vm-2', notAfter: now + (H + 58 * 60) * 1000 + 500 },
  { id: 'vm:c', label: 'vm-3', notAfter: now + 30 * 86_400_000 },
];

test('status bar shows the soonest-expiring certificate with its tone', () => {
  assert.equal(soonest(entries)?.label, 'vm-2');
  const look = statusBarLook(entries, now, T)!;
  assert.equal(look.text, '$(shield) vm-2 cert 1h 58m');
  assert.equal(look.tone, 'error');
  assert.match(look.tooltip, /vm-2, 2026-11-23T07:58:00Z \(2 other proxy certificates checked\)/);
  assert.equal(statusBarLook([entries[2]!], now, T)!.tone, 'ok');
  assert.equal(statusBarLook([{ ...entries[2]!, notAfter: now + 48 * H * 1000 }], now, T)!.tone, 'warning');
  assert.equal(statusBarLook([], now, T), undefined);
});

test('notifies once per proxy and again only when it gets worse', () => {
  const seen = new Map<string, CertTone>();
  const first = toNotify(entries, now, T, seen);
  assert.deepEqual(first.map((n) => [n.entry.label, n.tone]), [['vm-1', 'error'], ['vm-2', 'error']]);
  assert.equal(first[1]!.message, 'The workload certificate of vm-2 expires in 1h 58m.');
  assert.deepEqual(toNotify(entries, now + 60_000, T, seen), [], 'no repeat');
  const warnOnly = [{ id: 'vm:d', label: 'vm-4', notAfter: now + 48 * H * 1000 }];
  assert.deepEqual(toNotify(warnOnly, now, T, seen).map((n) => n.tone), ['warning']);
  assert.deepEqual(toNotify(warnOnly, now + 25 * H * 1000, T, seen).map((n) => n.tone), ['error'], 'crossing into error notifies again');
  const expired = toNotify([{ id: 'vm:e', label: 'vm-5', notAfter: now - 2 * H * 1000 }], now, T, seen);
  assert.equal(expired[0]!.message, 'The workload certificate of vm-5 has expired (expired 2h 0m ago).');
});
