// The real bundled server, spoken to over stdio and over node IPC: diagnostics, hover,
// completion, symbols, settings, and survival of hostile documents.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type TestServer } from './serverHarness';

const DR = [
  'apiVersion: networking.istio.io/v1',
  'kind: DestinationRule',
  'metadata:',
  '  name: reviews',
  'spec:',
  '  host: reviews',
  '  trafficPolicy:',
  '    tls:',
  '      mode: ISTIO_MUTUAL',
  '---',
  'apiVersion: networking.istio.io/v1',
  'kind: VirtualService',
  'metadata:',
  '  name: reviews-route',
  '  namespace: shop',
  'spec:',
  '  hosts: [reviews]',
  '',
].join('\n');

const BROKEN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n@x: 2\n';

for (const transport of ['stdio', 'ipc'] as const) {
  describe(`language server over ${transport}`, () => {
    let s: TestServer;
    before(async () => { s = await startServer(transport); });
    after(async () => { await s.stop(); });

    test('advertises its features', () => {
      const caps = s.initResult.capabilities;
      assert.equal(caps.hoverProvider, true);
      assert.equal(caps.documentSymbolProvider, true);
      assert.ok(caps.completionProvider);
    });

    test('publishes a YAML syntax error on its exact range, then clears it when fixed', async () => {
      const uri = `file:///ws/${transport}/broken.yaml`;
      s.open(uri, BROKEN);
      const p = await s.diagnostics(uri, (d) => d.diagnostics.length > 0);
      const d = p.diagnostics.find((x) => x.code === 'HM1001');
      assert.ok(d, JSON.stringify(p.diagnostics));
      assert.deepEqual(d.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } });
      assert.equal(d.severity, 1);
      assert.equal(d.source, 'hybrid-mesh');
      assert.match(d.message, /^YAML syntax error: /);
      assert.equal(d.codeDescription?.href, 'https://github.com/hybrid-mesh/hybrid-mesh/blob/main/docs/codes/HM1001.md');
      await new Promise((r) => setTimeout(r, 100)); // the status notification follows the diagnostics
      assert.deepEqual(s.statuses.at(-1), { state: 'ready', documentsChecked: 1, checksRun: 1, errors: p.diagnostics.filter((x) => x.severity === 1).length, warnings: 0, workspaceFiles: 0 });
      s.change(uri, BROKEN.replace('@x: 2\n', 'data: {}\n'), 2);
      const fixed = await s.diagnostics(uri);
      assert.deepEqual(fixed.diagnostics, []);
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(s.statuses.at(-1), { state: 'ready', documentsChecked: 1, checksRun: 2, errors: 0, warnings: 0, workspaceFiles: 0 });
    });

    test('a clean file publishes nothing, a binary one does not kill the server', async () => {
      const garbage = `file:///ws/${transport}/garbage.yaml`;
      s.open(garbage, '\u0000\u0001\u00ff\ufffd{{[[:::\n\t- - -\n'.repeat(50) + '['.repeat(10000));
      const deep = `file:///ws/${transport}/deep.yaml`;
      s.open(deep, `a: ${'['.repeat(10000)}${']'.repeat(10000)}\n`);
      await s.diagnostics(garbage, (d) => d.diagnostics.length > 0, 20000);
      const hover = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: garbage }, position: { line: 0, character: 2 } });
      assert.equal(hover, null);
      const symbols = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: deep } });
      assert.deepEqual(symbols, []);
      assert.equal(s.child.exitCode, null);
    });
  });
}

describe('editor features (stdio)', () => {
  let s: TestServer;
  const uri = 'file:///ws/features/dr.yaml';
  before(async () => {
    s = await startServer('stdio');
    s.open(uri, DR);
  });
  after(async () => { await s.stop(); });

  const hover = (line: number, character: number) =>
    s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<{ contents: { kind: string; value: string }; range: unknown } | null>;
  const complete = async (u: string, line: number, character: number) => {
    const r = await s.conn.sendRequest('textDocument/completion', { textDocument: { uri: u }, position: { line, character } });
    return (Array.isArray(r) ? r : (r as { items: unknown[] }).items) as Array<{ label: string; textEdit?: { newText: string; range: unknown } }>;
  };

  test('hover on a field: description, type, allowed values and group/version', async () => {
    const h = await hover(8, 7);
    assert.ok(h);
    assert.equal(h.contents.kind, 'markdown');
    assert.deepEqual(h.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 10 } });
    const v = h.contents.value;
    assert.match(v, /^\*\*mode\*\* `string`/);
    assert.match(v, /Indicates whether connections to this port should be secured using TLS/);
    assert.match(v, /Allowed values: `DISABLE`, `SIMPLE`, `MUTUAL`, `ISTIO_MUTUAL`/);
    assert.match(v, /\*DestinationRule\* · `networking\.istio\.io\/v1`/);
  });

  test('hover in the second document uses that document\'s kind; nothing on unknown fields', async () => {
    const h = await hover(16, 3);
    assert.ok(h);
    assert.match(h.contents.value, /^\*\*hosts\*\* `\[\]string`/);
    assert.match(h.contents.value, /\*VirtualService\*/);
    const svc = 'file:///ws/features/svc.yaml';
    s.open(svc, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n');
    assert.equal(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: svc }, position: { line: 3, character: 3 } }), null);
    const unknown = 'file:///ws/features/unknown.yaml';
    s.open(unknown, 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nspec:\n  hostt: x\n');
    assert.equal(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 3, character: 3 } }), null);
  });

  test('completion of enum values, keys, and apiVersion/kind pairs', async () => {
    const modes = await complete(uri, 8, 12);
    assert.deepEqual(modes.map((i) => i.label), ['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL']);
    assert.deepEqual(modes[3].textEdit, { range: { start: { line: 8, character: 12 }, end: { line: 8, character: 12 } }, newText: 'ISTIO_MUTUAL' });
    const edit = `${DR.split('\n').slice(0, 6).join('\n')}\n  \n`;
    const u2 = 'file:///ws/features/edit.yaml';
    s.open(u2, edit);
    const keys = (await complete(u2, 6, 2)).map((i) => i.label);
    assert.deepEqual(keys.sort(), ['exportTo', 'subsets', 'trafficPolicy', 'workloadSelector'], 'host is already there');
    const top = (await complete(u2, 7, 0)).map((i) => i.label);
    assert.deepEqual(top, [], 'apiVersion, kind, metadata and spec are all written; status is server-owned');
    const u5 = 'file:///ws/features/meta.yaml';
    s.open(u5, 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  \n');
    assert.deepEqual((await complete(u5, 4, 2)).map((i) => i.label).sort(), ['annotations', 'labels', 'namespace']);
    const u3 = 'file:///ws/features/versions.yaml';
    s.open(u3, 'kind: DestinationRule\napiVersion: \n');
    const versions = (await complete(u3, 1, 12)).map((i) => i.label).sort();
    assert.deepEqual(versions, ['networking.istio.io/v1', 'networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1']);
    const u4 = 'file:///ws/features/empty.yaml';
    s.open(u4, '');
    const pairs = await complete(u4, 0, 0);
    const dr = pairs.find((i) => i.label === 'DestinationRule (networking.istio.io/v1)');
    assert.ok(dr, pairs.map((i) => i.label).join(', '));
    assert.equal(dr.textEdit?.newText, 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ${1:name}\n');
    assert.ok(!pairs.some((i) => i.label.startsWith('DestinationRule (networking.istio.io/v1beta2')));
  });

  test('document symbols: Kind/name per document with exact ranges', async () => {
    const symbols = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Array<{ name: string; detail: string; range: unknown; selectionRange: unknown }>;
    assert.deepEqual(symbols.map((x) => [x.name, x.detail]), [
      ['DestinationRule/reviews', 'networking.istio.io/v1'],
      ['VirtualService/reviews-route', 'networking.istio.io/v1 · shop'],
    ]);
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 15 } });
    assert.deepEqual(symbols[1].range, { start: { line: 9, character: 0 }, end: { line: 17, character: 0 } });
  });

  test('edits are debounced per document: a burst of changes is checked once', async () => {
    const u = 'file:///ws/features/burst.yaml';
    s.open(u, BROKEN);
    await s.diagnostics(u, (d) => d.diagnostics.length > 0);
    await new Promise((r) => setTimeout(r, 100)); // the status notification follows the diagnostics
    const before = s.statuses.at(-1)!.checksRun;
    for (let v = 2; v <= 6; v++) s.change(u, v === 6 ? BROKEN.replace('@x: 2\n', '') : `${BROKEN}#${v}\n`, v);
    await s.diagnostics(u, (d) => d.diagnostics.length === 0);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(s.statuses.at(-1)!.checksRun, before + 1);
  });

  test('quick fix from the diagnostic data: replaces the misspelled enum value', async () => {
    const u = 'file:///ws/features/typo.yaml';
    s.open(u, DR.replace('mode: ISTIO_MUTUAL', 'mode: ISTIO_MUTUALL'));
    const p = await s.diagnostics(u, (d) => d.diagnostics.some((x) => x.code === 'HM2006'));
    const d = p.diagnostics.find((x) => x.code === 'HM2006')!;
    assert.deepEqual(d.range, { start: { line: 8, character: 12 }, end: { line: 8, character: 25 } });
    const actions = await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } });
    assert.deepEqual(actions, [{
      title: "Change 'ISTIO_MUTUALL' to 'ISTIO_MUTUAL'",
      kind: 'quickfix',
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [u]: [{ range: d.range, newText: 'ISTIO_MUTUAL' }] } },
    }, {
      // every diagnostic on a resource can be silenced there (the per-file check honours it too)
      title: 'Suppress HM2006 on DestinationRule reviews',
      kind: 'quickfix',
      diagnostics: [d],
      edit: { changes: { [u]: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '  annotations: {galley.istio.io/analyze-suppress: "HM2006"}\n' }] } },
    }]);
    const none = await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [{ ...d, data: undefined }] } });
    assert.deepEqual(none, []);
  });

  test('validation.enable=false clears and stops diagnostics', async () => {
    const u = 'file:///ws/features/off.yaml';
    s.open(u, BROKEN);
    await s.diagnostics(u, (d) => d.diagnostics.some((x) => x.code === "HM1001"));
    s.settings = { validation: { enable: false } };
    void s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await s.diagnostics(u, (d) => d.diagnostics.length === 0);
    assert.equal(s.statuses.at(-1)?.state, 'disabled');
    s.settings = {};
    void s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await s.diagnostics(u, (d) => d.diagnostics.some((x) => x.code === "HM1001"));
  });
});

describe('workspace files (stdio)', () => {
  let s: TestServer;
  let dir = '';
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-ws-'));
    fs.mkdirSync(path.join(dir, 'k8s', 'vm'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'kind: A\n');
    fs.writeFileSync(path.join(dir, 'k8s', 'b.yml'), 'kind: B\n');
    fs.writeFileSync(path.join(dir, 'k8s', 'vm', 'c.yaml'), 'kind: C\n');
    fs.writeFileSync(path.join(dir, 'k8s', 'notes.md'), 'kind: D\n');
    fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'd.yaml'), 'kind: D\n');
    s = await startServer('stdio', { rootUri: pathToFileURL(dir).toString() });
  });
  after(async () => {
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const statusWith = async (files: number) => {
    const until = Date.now() + 5000;
    while (!s.statuses.some((x) => x.workspaceFiles === files)) {
      if (Date.now() > until) throw new Error(`no status with ${files} files: ${JSON.stringify(s.statuses)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  test('registers a watcher for YAML files and scans the folder', async () => {
    await statusWith(3);
    assert.deepEqual(s.registrations.map((r) => [r.method, r.registerOptions]), [
      ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/*.{yaml,yml}' }] }],
    ]);
  });

  test('follows created and deleted files', async () => {
    await statusWith(3);
    const created = path.join(dir, 'k8s', 'new.yaml');
    fs.writeFileSync(created, 'kind: E\n');
    void s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(created).toString(), type: 1 }] });
    await statusWith(4);
    fs.rmSync(created);
    void s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(created).toString(), type: 3 }] });
    s.statuses.length = 0;
    await statusWith(3);
  });
});
