// Requests on documents the check refuses (nested 10,000 deep, larger than the file cap) answer
// at once and leave the real server process running: a deep document used to abort it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from './serverHarness';

let server: TestServer;
before(async () => { server = await startServer('stdio'); });
after(() => server.stop());

async function timed<T>(p: Promise<T>): Promise<[T, number]> {
  const t0 = Date.now();
  const r = await p;
  return [r, Date.now() - t0];
}

test('hover and completion on a 10,000-deep flow document: HM1008, null answers, server alive', async () => {
  const uri = 'file:///hostile/deep.yaml';
  server.open(uri, 'a: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n');
  const d = await server.diagnostics(uri);
  assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range.start.line, x.range.start.character, x.range.end.character]), [['HM1008', 0, 0, 3]]);
  for (const character of [0, 3, 5000]) {
    const [hover, ms] = await timed(server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } }));
    assert.equal(hover, null);
    assert.ok(ms < 2000, `hover took ${ms} ms`);
  }
  const completion = await server.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 4 } });
  assert.deepEqual(completion, []);
  assert.equal(server.child.exitCode, null);
  assert.equal(server.child.signalCode, null);
});

test('hover and completion on a 20 MB file (over the file cap) answer at once', async () => {
  const uri = 'file:///hostile/big.yaml';
  server.open(uri, 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nx: "' + 'a'.repeat(20 * 1024 * 1024) + '"\n');
  const d = await server.diagnostics(uri, undefined, 15000);
  assert.deepEqual(d.diagnostics.map((x) => x.code), ['HM1005']);
  const [hover, ms] = await timed(server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }));
  assert.equal(hover, null);
  const [completion, ms2] = await timed(server.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } }));
  assert.deepEqual(completion, []);
  assert.ok(ms < 1000 && ms2 < 1000, `hover ${ms} ms, completion ${ms2} ms`);
});

test('hover on a document with 100,000 keys answers within seconds', async () => {
  const uri = 'file:///hostile/keys.yaml';
  const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n');
  server.open(uri, `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: a\nspec:\n  hosts: [a]\n${keys}\n`);
  await server.diagnostics(uri, (p) => p.diagnostics.length > 0, 30000);
  const [hover, ms] = await timed(server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }));
  assert.match(JSON.stringify(hover), /VirtualService/);
  assert.ok(ms < 5000, `hover took ${ms} ms`);
});
