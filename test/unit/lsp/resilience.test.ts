// The server's own code (Session) in process, over in-memory streams, with an engine that
// throws: the throwing document gets an HM1014 finding and a log line, its neighbours still
// report, and failing handlers answer neutrally while the next request still works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createEngine, type Engine } from '../../../server/src/node/engine';
import { Session } from '../../../server/src/lsp/session';
import { finding } from '../../../server/src/core/diagnostics/finding';
import { LineIndex } from '../../../server/src/core/text/span';

type Published = { uri: string; diagnostics: Array<{ code: string; severity: number; range: unknown; message: string }> };

let client: MessageConnection;
let session: Session;
const published: Published[] = [];
const logs: string[] = [];

function faultyEngine(): Engine {
  const real = createEngine();
  return {
    ...real,
    checkFile(uri, text) {
      if (text.includes('kind: Boom')) throw new TypeError('rule exploded');
      return real.checkFile(uri, text);
    },
    schemaAt(apiVersion, kind, path) {
      if (path.includes('explode')) throw new Error('hover exploded');
      return real.schemaAt(apiVersion, kind, path);
    },
  };
}

before(async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const conn = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  session = new Session(conn, faultyEngine());
  session.listen();
  client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.onNotification('textDocument/publishDiagnostics', (p: Published) => void published.push(p));
  client.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  client.listen();
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  void client.sendNotification('initialized', {});
});

after(() => client.dispose());

async function waitFor<T>(get: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const GOOD_THEN_BOOM = [
  'apiVersion: networking.istio.io/v1',
  'kind: DestinationRule',
  'metadata:',
  '  name: reviews',
  'spec:',
  '  hostt: reviews',
  '---',
  'apiVersion: example.com/v1',
  'kind: Boom',
  'metadata: {name: b}',
  '',
].join('\n');

test('a document whose check throws gets HM1014; the other document still reports', async () => {
  const uri = 'file:///ws/boom.yaml';
  void client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: GOOD_THEN_BOOM } });
  const p = await waitFor(() => published.find((x) => x.uri === uri));
  const codes = p.diagnostics.map((d) => d.code).sort();
  assert.ok(codes.includes('HM2003'), codes.join());
  const internal = p.diagnostics.find((d) => d.code === 'HM1014');
  assert.ok(internal);
  assert.deepEqual(internal.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 26 } });
  assert.equal(internal.severity, 2);
  assert.match(internal.message, /rule exploded/);
  const unknown = p.diagnostics.find((d) => d.code === 'HM2003');
  assert.deepEqual(unknown?.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 7 } });
  await waitFor(() => logs.find((l) => l.includes('rule exploded') && l.includes('file:///ws/boom.yaml (document 1)')));
});

test('a handler that throws answers null, logs, and the next request still works', async () => {
  const uri = 'file:///ws/hover.yaml';
  const text = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nspec:\n  explode: 1\n  host: x\n';
  void client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const bad = await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } });
  assert.equal(bad, null);
  await waitFor(() => logs.find((l) => l.includes('hover failed') && l.includes('hover exploded')));
  const good = await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 3 } }) as { contents: { value: string } };
  assert.match(good.contents.value, /^\*\*host\*\* `string`/);
});

test('cross-file findings merge with per-file diagnostics and reach files that are not open', async () => {
  const open = 'file:///ws/boom.yaml';
  const closed = 'file:///ws/closed.yaml';
  const seen = published.length;
  const f = (uri: string, start: number, end: number) => finding('YamlSyntax', { detail: 'cross' }, { uri, span: { start, end } });
  session.applyCrossFile(new Map([[open, [f(open, 0, 10)]], [closed, [f(closed, 5, 9)]]]), (u) => (u === closed ? new LineIndex('a: 1\nbbbb: 2\n') : undefined));
  const mine = (uri: string) => waitFor(() => published.slice(seen).find((x) => x.uri === uri));
  const c = await mine(closed);
  assert.deepEqual(c.diagnostics.map((d) => [d.message, d.range]), [['YAML syntax error: cross', { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }]]);
  const o = await mine(open);
  assert.deepEqual(o.diagnostics.map((d) => d.code).sort(), ['HM1001', 'HM1014', 'HM2003', 'HM2004']);
  const again = published.length;
  session.applyCrossFile(new Map([[closed, [f(closed, 5, 9)]]]), () => new LineIndex('a: 1\nbbbb: 2\n'));
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(published.length, again, 'unchanged lists are not re-sent');
});
