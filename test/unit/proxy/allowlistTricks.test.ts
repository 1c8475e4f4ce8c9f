// Paths crafted so the allowlist would check one path while a different one is sent: refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkPath } from '../../../server/src/proxy/allowlist';
import { AdminUrlConnection } from '../../../server/src/proxy/transport/adminUrl';

const reason = (p: string) => { const c = checkPath(p); return c.ok ? `ok ${c.entry.pathname} mutating=${c.mutating}` : c.reason; };

test('dot segments, encoded dots, backslashes and tabs are refused before any lookup', () => {
  assert.equal(reason('/config_dump/../quitquitquit'), `refused "/config_dump/../quitquitquit": not a plain admin path (the URL parser reads it as path '/quitquitquit')`);
  assert.equal(reason('/%2e%2e/quitquitquit'), `refused "/%2e%2e/quitquitquit": not a plain admin path (the URL parser reads it as path '/quitquitquit')`);
  assert.equal(reason('/\\evil.example/config_dump'), `refused "/\\\\evil.example/config_dump": not a plain admin path (the URL parser reads it as host 'evil.example', path '/config_dump')`);
  assert.equal(reason('/config_dump\t/../quitquitquit'), `refused "/config_dump\\t/../quitquitquit": not a plain admin path (the URL parser reads it as path '/quitquitquit')`);
});

test('case, double slashes, absolute URLs and query tricks stay refused; plain paths still pass', () => {
  assert.equal(reason('/QUITQUITQUIT'), 'refused /QUITQUITQUIT: not on the read-only allowlist');
  assert.equal(reason('//quitquitquit'), `'//quitquitquit' is not an admin path`);
  assert.equal(reason('http://127.0.0.1:15000/config_dump'), `'http://127.0.0.1:15000/config_dump' is not an admin path`);
  assert.equal(reason('/config_dump?x=1&/quitquitquit'), `refused /config_dump: query parameter 'x' is not allowed`);
  assert.equal(reason('/config_dump%2F..%2Fquitquitquit'), 'refused /config_dump%2F..%2Fquitquitquit: not on the read-only allowlist');
  assert.equal(reason('/config_dump?resource=dynamic_active_clusters'), 'ok /config_dump mutating=false');
  assert.equal(reason('/logging?level=debug'), 'ok /logging mutating=true');
});

test('a refused trick never reaches the admin server', async () => {
  const seen: string[] = [];
  const server = http.createServer((req, res) => { seen.push(`${req.method} ${req.url}`); res.end('{}'); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const conn = new AdminUrlConnection({ adminUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    await assert.rejects(conn.get('/\\x/config_dump'), /not a plain admin path/);
    await assert.rejects(conn.get('/config_dump/../quitquitquit', { confirmMutation: () => true }), /not a plain admin path/);
    const ok = await conn.get('/server_info');
    assert.equal(ok.status, 200);
    assert.deepEqual(seen, ['GET /server_info']);
  } finally {
    server.close();
  }
});
