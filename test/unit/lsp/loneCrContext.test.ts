// A file with lone-CR line endings (old Mac): the editor counts each `\r` as a line break, so
// completion and hover at a position must answer exactly as in the same file with `\n` endings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from './serverHarness';

const LF = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: a',
  '---',
  'apiVersion: networking.istio.io/v1',
  'kind: DestinationRule',
  'metadata:',
  '  name: reviews',
  'spec:',
  '  host: reviews',
  '  trafficPolicy:',
  '    tls:',
  '      mode: ',
  '    ',
  '',
].join('\n');
const CR = LF.replace(/\n/g, '\r');

const lfUri = 'file:///hm-lone-cr/lf.yaml';
const crUri = 'file:///hm-lone-cr/cr.yaml';

let s: TestServer;
before(async () => {
  s = await startServer('stdio');
  s.open(lfUri, LF);
  s.open(crUri, CR);
});
after(async () => {
  await s.stop();
});

const ask = (method: string, uri: string, line: number, character: number) =>
  s.conn.sendRequest(method, { textDocument: { uri }, position: { line, character } });

test('completion in a \\r-only file answers as in the \\n file', async () => {
  const values = await ask('textDocument/completion', lfUri, 13, 12) as Array<{ label: string }>;
  assert.ok(values.some((i) => i.label === 'ISTIO_MUTUAL'), JSON.stringify(values.map((i) => i.label)));
  assert.deepEqual(await ask('textDocument/completion', crUri, 13, 12), values);
  const keys = await ask('textDocument/completion', lfUri, 14, 4) as Array<{ label: string }>;
  assert.ok(keys.some((i) => i.label === 'loadBalancer') && !keys.some((i) => i.label === 'tls'), JSON.stringify(keys.map((i) => i.label)));
  assert.deepEqual(await ask('textDocument/completion', crUri, 14, 4), keys);
});

test('hover in a \\r-only file answers as in the \\n file', async () => {
  for (const [line, character] of [[12, 5], [11, 4], [10, 3], [6, 8]]) {
    const hover = await ask('textDocument/hover', lfUri, line, character);
    assert.ok(hover, `a hover at ${line}:${character}`);
    assert.deepEqual(await ask('textDocument/hover', crUri, line, character), hover, `${line}:${character}`);
  }
});
