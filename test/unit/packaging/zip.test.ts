// The central-directory reader the vsix test relies on: a real zip and a non-zip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipEntries } from './zipEntries';

test('zipEntries lists the names of a zip written by zip(1), and rejects a non-zip', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-zip-'));
  try {
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a', 'one.txt'), '1');
    fs.writeFileSync(path.join(dir, 'two.json'), '{}');
    fs.writeFileSync(path.join(dir, 'not.zip'), 'plain text, certainly not a zip archive');
    assert.throws(() => zipEntries(path.join(dir, 'not.zip')), /not a zip/);
    const r = spawnSync('zip', ['-q', '-r', 'x.zip', 'a/one.txt', 'two.json'], { cwd: dir });
    if (r.error) { t.skip('zip(1) is not installed'); return; }
    assert.deepEqual(zipEntries(path.join(dir, 'x.zip')).sort(), ['a/one.txt', 'two.json']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
