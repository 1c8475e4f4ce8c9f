// Named pipes given as inputs: refused with a one-line reason instead of blocking forever on a
// read nobody will ever answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { readInputs } from '../../../server/src/cli/lintRun';
import { FileConnection } from '../../../server/src/proxy/transport/file';

function fifoDir(): { dir: string; fifo: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-fifo-'));
  const fifo = path.join(dir, 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  fs.writeFileSync(path.join(dir, 'ok.yaml'), 'a: 1\n');
  return { dir, fifo };
}

test('lint: a FIFO path is an I/O error; a folder holding one reads only its regular files', async () => {
  const { dir, fifo } = fifoDir();
  try {
    const direct = await readInputs([fifo], new PassThrough());
    assert.deepEqual(direct.ioErrors, [`${fifo}: not a regular file (a named pipe)`]);
    assert.deepEqual(direct.inputs, []);
    const walked = await readInputs([dir], new PassThrough());
    // A folder walk only picks regular files (and links), so the pipe is never opened.
    assert.deepEqual(walked.ioErrors, []);
    assert.deepEqual(walked.inputs.map((i) => path.basename(i.file)), ['ok.yaml']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('proxy-config --file on a FIFO fails at once, naming the file', async () => {
  const { dir, fifo } = fifoDir();
  try {
    const conn = new FileConnection(fifo);
    await assert.rejects(conn.get('/config_dump'), (e: Error) => {
      assert.match(e.message, /pipe\.yaml.*not a regular file \(needed for \/config_dump\)/);
      return true;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
