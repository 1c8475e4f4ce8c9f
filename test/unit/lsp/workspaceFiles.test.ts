import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceFiles } from '../../../server/src/lsp/workspaceFiles';

test('the scan reports each file alone, yields between files and logs files that are not text', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-wsfiles-'));
  try {
    for (const n of ['a', 'b', 'c']) fs.writeFileSync(path.join(dir, `${n}.yaml`), `name: ${n}\n`);
    fs.writeFileSync(path.join(dir, 'bin.yaml'), Buffer.from([0x61, 0, 0x62]));
    const logs: string[] = [];
    const files = new WorkspaceFiles((m) => logs.push(m));
    const events: string[] = [];
    files.onFile((uri, text) => {
      events.push(`file ${path.basename(new URL(uri).pathname)} ${JSON.stringify(text)}`);
      // Runs before the next file is reported only if the scan yields to the event loop.
      setImmediate(() => events.push('tick'));
    });
    const n = await files.scan([pathToFileURL(dir).toString()]);
    assert.equal(n, 4);
    const reported = events.filter((e) => e.startsWith('file')).sort();
    assert.deepEqual(reported, ['file a.yaml "name: a\\n"', 'file b.yaml "name: b\\n"', 'file c.yaml "name: c\\n"']);
    for (let i = 0; i < events.length - 1; i++) assert.notEqual(events[i].startsWith('file') && events[i + 1].startsWith('file'), true, events.join(' | '));
    assert.equal(files.known.size, 3);
    assert.equal(files.known.has(pathToFileURL(path.join(dir, 'bin.yaml')).toString()), false);
    assert.deepEqual(logs.filter((l) => l.includes('bin.yaml')).length, 1, logs.join('\n'));
    assert.match(logs.find((l) => l.includes('bin.yaml'))!, /left out, NUL byte at offset 1/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
