import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLintArgs } from '../../../server/src/cli/lintArgs';

test('formats, paths, stdin and --', () => {
  assert.deepEqual(parseLintArgs(['a.yaml']), { ok: true, args: { format: 'text', paths: ['a.yaml'], help: false } });
  assert.deepEqual(parseLintArgs(['--format', 'json', 'a', '-']), { ok: true, args: { format: 'json', paths: ['a', '-'], help: false } });
  assert.deepEqual(parseLintArgs(['--format=sarif', '--', '--weird-name.yaml']), { ok: true, args: { format: 'sarif', paths: ['--weird-name.yaml'], help: false } });
  assert.deepEqual(parseLintArgs(['--help']), { ok: true, args: { format: 'text', paths: [], help: true } });
});

test('usage errors', () => {
  assert.deepEqual(parseLintArgs([]), { ok: false, error: 'no paths given' });
  assert.deepEqual(parseLintArgs(['--format']), { ok: false, error: "option '--format' needs a value (text, json or sarif)" });
  assert.deepEqual(parseLintArgs(['--format', 'xml', 'a']), { ok: false, error: "unknown format 'xml' (expected text, json or sarif)" });
  assert.deepEqual(parseLintArgs(['-x', 'a']), { ok: false, error: "unknown option '-x'" });
  assert.deepEqual(parseLintArgs(['-', '-']), { ok: false, error: "'-' (standard input) may be given only once" });
});
