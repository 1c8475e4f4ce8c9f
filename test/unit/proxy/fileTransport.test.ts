import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileConnection } from '../../../server/src/proxy/transport/file';
import { ProxyConnectionError } from '../../../server/src/proxy/errors';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-file-'));
  fs.writeFileSync(path.join(dir, 'config_dump.json'), '{"configs":[]}');
  fs.writeFileSync(path.join(dir, 'ready.txt'), 'LIVE\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const failure = (cause: string, re: RegExp) => (e: unknown): boolean => e instanceof ProxyConnectionError && e.cause === cause && re.test(e.message);

test('a single dump answers /config_dump whatever the query, and nothing else', async () => {
  const file = path.join(dir, 'config_dump.json');
  const conn = new FileConnection(file);
  assert.equal(conn.describe(), `file ${file}`);
  const res = await conn.get('/config_dump?mask=bootstrap');
  assert.deepEqual([res.status, res.body, res.endpoint], [200, '{"configs":[]}', file]);
  await assert.rejects(conn.get('/clusters?format=json'), failure('usage', /a saved config_dump has no \/clusters data; save a directory with clusters\.json instead$/));
});

test('a directory maps endpoints to saved bodies', async () => {
  const conn = new FileConnection(dir);
  assert.equal((await conn.get('/ready')).body, 'LIVE\n');
  await assert.rejects(conn.get('/certs'), failure('unreachable', /certs\.json: no such file \(needed for \/certs\)$/));
});

test('size cap, allowlist and mutations apply to files too', async () => {
  const conn = new FileConnection(dir, { maxBytes: 5 });
  await assert.rejects(conn.get('/config_dump'), failure('oversized', /file of 14 bytes exceeds the 5-byte cap \(maxBytes\)$/));
  await assert.rejects(conn.get('/quitquitquit'), failure('not-allowed', /not confirmed/));
  await assert.rejects(conn.get('/logging', { confirmMutation: () => true }), failure('not-allowed', /saved files cannot be changed/));
  await assert.rejects(conn.get('/etc/passwd'), failure('not-allowed', /not on the read-only allowlist/));
});
