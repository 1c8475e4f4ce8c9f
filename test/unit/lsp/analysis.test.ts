// The workspace analysis through the real bundled server: cross-file diagnostics in files that
// are not open, navigation with exact ranges, analysis quick fixes, deleted files and settings.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, until, type PublishedDiagnostics, type TestServer } from './serverHarness';
import { DR, SE_TYPO, SHOP, VM, VS, writeWorkspace } from './analysisFixtures';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

function startWith(transport: 'stdio' | 'ipc', files: Record<string, string>) {
  const dir = writeWorkspace(files);
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).toString();
  return { dir, uriOf, start: async () => {
    const s = await startServer(transport, { rootUri: pathToFileURL(dir).toString() });
    await until('the first workspace analysis', () => s.logs.some((l) => /workspace analysis of \d+ files/.test(l)));
    return s;
  } };
}

const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => d.code);

/** Applies LSP edits (non-overlapping, one file) to a text. */
function applyEdits(text: string, edits: Array<{ range: Range; newText: string }>): string {
  const lines = text.split('\n');
  const offset = (p: Range['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('workspace analysis over stdio', () => {
  let s: TestServer;
  const ws = startWith('stdio', SHOP);
  const vs = ws.uriOf('vs.yaml');
  const dr = ws.uriOf('dr.yaml');
  const vm = ws.uriOf('vm.yaml');
  const k8s = ws.uriOf('k8s.yaml');
  before(async () => { s = await ws.start(); });
  after(async () => {
    if (process.env.HM_TEST_LOGS) console.log(s.logs.join('\n'));
    await s.stop();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });
  const at = (uri: string, line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

  test('the scan indexes each file as it checks it: the first analysis only checks', () => {
    const started = s.logs.find((l) => /workspace analysis started/.test(l));
    assert.match(started ?? '', new RegExp(`started: ${Object.keys(SHOP).length} files indexed \\(${Object.keys(SHOP).length} of them during the scan, 0 in \\d+ ms\\)`));
  });

  test('go to definition: route subset -> DestinationRule subset, selector -> workloads', async () => {
    s.open(vs, VS);
    assert.deepEqual(await s.conn.sendRequest('textDocument/definition', at(vs, 11, 17)), [{ uri: dr, range: r(10, 10, 10, 12) }]);
    // on `host: reviews` of the route: the Service
    assert.deepEqual(await s.conn.sendRequest('textDocument/definition', at(vs, 10, 16)), [{ uri: k8s, range: r(1, 0, 1, 4) }]);
    // nothing under the cursor: no answer, not an error
    assert.deepEqual(await s.conn.sendRequest('textDocument/definition', at(vs, 1, 3)), []);
    s.open(k8s, fs.readFileSync(path.join(ws.dir, 'k8s.yaml'), 'utf8'));
    const selected = await s.conn.sendRequest('textDocument/definition', at(k8s, 7, 10)) as Array<{ uri: string; range: Range }>;
    // the Deployment's pod labels, the WorkloadGroup's labels and the WorkloadEntry's labels
    assert.deepEqual(selected.map((l) => [path.basename(l.uri), l.range.start.line, l.range.start.character]), [['k8s.yaml', 29, 14], ['vm.yaml', 8, 6], ['vm.yaml', 23, 4]]);
  });

  test('references: who selects this WorkloadGroup; which routes use this subset', async () => {
    s.open(vm, VM);
    const refs = await s.conn.sendRequest('textDocument/references', { ...at(vm, 3, 10), context: { includeDeclaration: false } });
    assert.deepEqual(refs, [{ uri: k8s, range: r(7, 4, 8, 0) }]); // the selector map (its block ends on the next line)
    s.open(dr, DR);
    const routes = await s.conn.sendRequest('textDocument/references', { ...at(dr, 10, 11), context: { includeDeclaration: false } });
    assert.deepEqual(routes, [{ uri: vs, range: r(11, 16, 11, 18) }]);
  });

  test('definition of a principal: the ServiceAccount and the workloads running as it (an open file outside the folder joins the index)', async () => {
    const ap = 'untitled:ap.yaml';
    s.open(ap, [
      'apiVersion: security.istio.io/v1', 'kind: AuthorizationPolicy', 'metadata:', '  name: allow-reviews', '  namespace: shop', 'spec:',
      '  rules:', '  - from:', '    - source:', '        principals: [cluster.local/ns/shop/sa/reviews]', '',
    ].join('\n'));
    const defs = await s.conn.sendRequest('textDocument/definition', at(ap, 9, 30));
    assert.deepEqual(defs, [
      { uri: k8s, range: r(13, 0, 13, 4) },   // ServiceAccount reviews
      { uri: k8s, range: r(19, 0, 19, 4) },   // Deployment reviews-v1 (serviceAccountName: reviews)
      { uri: vm, range: r(1, 0, 1, 4) },      // WorkloadGroup reviews-vm
      { uri: vm, range: r(16, 0, 16, 4) },    // WorkloadEntry reviews-vm-1
    ]);
    void s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: ap } });
  });

  test('code lens on a selector-based ServiceEntry: what it selects, and where', async () => {
    const se = 'untitled:se.yaml';
    s.open(se, SE_TYPO.replace('app: reviewz', 'app: reviews'));
    const lenses = await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: se } }) as Array<{ range: Range; command: { title: string; arguments: unknown[] } }>;
    assert.deepEqual(lenses.map((l) => [l.range, l.command.title]), [[r(1, 0, 1, 4), 'selects 1 VM (WorkloadEntry reviews-vm-1), 1 WorkloadGroup (reviews-vm) and 2 pods (Deployment reviews-v1)']]);
    const targets = lenses[0].command.arguments[2] as Array<{ uri: string; range: Range }>;
    assert.deepEqual(targets.map((t) => [path.basename(t.uri), t.range.start.line]), [['k8s.yaml', 29], ['vm.yaml', 8], ['vm.yaml', 23]]);
    void s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: se } });
  });

  test('hover on a selector: schema text plus what it selects', async () => {
    const h = await s.conn.sendRequest('textDocument/hover', at(k8s, 7, 6)) as { contents: { value: string } };
    assert.match(h.contents.value, /selects 1 VM \(WorkloadEntry reviews-vm-1\), 1 WorkloadGroup \(reviews-vm\) and 2 pods \(Deployment reviews-v1\)$/);
    // a subset's labels: only the workloads behind the host that carry them
    const sub = await s.conn.sendRequest('textDocument/hover', at(dr, 11, 15)) as { contents: { value: string } };
    assert.match(sub.contents.value, /selects 1 VM \(WorkloadEntry reviews-vm-1\) and 1 WorkloadGroup \(reviews-vm\)$/);
    // outside any selector: the schema hover alone
    const plain = await s.conn.sendRequest('textDocument/hover', at(dr, 6, 3)) as { contents: { value: string } };
    assert.doesNotMatch(plain.contents.value, /selects/);
  });

  test('code lens on a WorkloadGroup with the client command that shows the selecting services', async () => {
    const lenses = await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: vm } }) as Array<{ range: Range; command: { title: string; command: string; arguments: unknown[] } }>;
    assert.equal(lenses.length, 1);
    assert.deepEqual(lenses[0].range, r(1, 0, 1, 4)); // on `kind`
    assert.equal(lenses[0].command.title, '1 VM registered · selected by Service shop/reviews');
    assert.equal(lenses[0].command.command, 'hybridMesh.showReferences');
    assert.deepEqual(lenses[0].command.arguments, [vm, { line: 1, character: 0 }, [{ uri: k8s, range: r(7, 4, 8, 0) }]]);
    assert.deepEqual(await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: vs } }), []);
  });

  test('completion: subset names of the route host, merged with schema completion', async () => {
    const edited = VS.replace('subset: v2', 'subset: ');
    s.change(vs, edited, 2);
    const items = await s.conn.sendRequest('textDocument/completion', at(vs, 11, 16)) as Array<{ label: string; detail?: string; textEdit?: { range: Range; newText: string } }>;
    const subsets = items.filter((i) => i.detail === 'DestinationRule subset');
    assert.deepEqual(subsets.map((i) => [i.label, i.textEdit]), [
      ['v1', { range: r(11, 16, 11, 16), newText: 'v1' }],
      ['v2', { range: r(11, 16, 11, 16), newText: 'v2' }],
    ]);
    s.change(vs, VS, 3);
    await s.diagnostics(vs, (p) => p.diagnostics.length === 0);
  });

  test('removing a subset flags the route in a file that is not open, and restoring it clears it', async () => {
    // vs.yaml is closed: the disk text is what is analysed again
    void s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: vs } });
    s.change(dr, DR.replace('  - name: v2\n    labels: {version: v2}\n', ''), 2);
    const p = await s.diagnostics(vs, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['IST0101']);
    assert.deepEqual(p.diagnostics[0].range, r(11, 16, 11, 18));
    assert.equal(p.diagnostics[0].message, 'Referenced host+subset in destinationrule not found: "reviews+v2"');
    s.change(dr, DR, 3);
    await s.diagnostics(vs, (x) => x.diagnostics.length === 0);
  });

  test('quick fix "add subset" edits the DestinationRule file from a finding in the route file', async () => {
    s.open(vs, VS.replace('subset: v2', 'subset: v3'), 10);
    const p = await s.diagnostics(vs, (x) => codes(x).includes('IST0101'));
    const d = p.diagnostics[0];
    const actions = await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: vs }, range: d.range, context: { diagnostics: [d] } }) as Array<{ title: string; edit: { changes: Record<string, unknown[]> } }>;
    const add = actions.find((a) => a.title.startsWith('Add subset'));
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(add.title, 'Add subset "v3" (version: v3) to DestinationRule shop/reviews');
    assert.deepEqual(add.edit.changes, { [dr]: [{ range: r(12, 0, 12, 0), newText: '  - {name: v3, labels: {version: v3}}\n' }] });
    assert.ok(actions.some((a) => a.title === 'Suppress IST0101 on VirtualService reviews'));
    s.change(vs, VS, 11);
    await s.diagnostics(vs, (x) => x.diagnostics.length === 0);
  });

  test('a created file is analysed, its did-you-mean fix applies, and deleting it clears its findings', async () => {
    const se = ws.uriOf('se.yaml');
    fs.writeFileSync(path.join(ws.dir, 'se.yaml'), SE_TYPO);
    void s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: se, type: 1 }] });
    const p = await s.diagnostics(se, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['HM4001']);
    assert.deepEqual(p.diagnostics[0].range, r(13, 11, 13, 18));
    s.open(se, SE_TYPO);
    const d = p.diagnostics[0];
    const actions = await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: se }, range: d.range, context: { diagnostics: [d] } }) as Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, Array<{ range: Range; newText: string }>> } }>;
    assert.deepEqual(actions.map((a) => a.title), ['Change to "reviews"', 'Suppress HM4001 on ServiceEntry reviews-vms']);
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].edit.changes, { [se]: [{ range: r(13, 11, 13, 18), newText: 'reviews' }] });
    // the suppression, applied, silences the code on that resource
    const suppressed = applyEdits(SE_TYPO, actions[1].edit.changes[se]);
    assert.match(suppressed, /\nmetadata:\n {2}annotations: \{galley\.istio\.io\/analyze-suppress: "HM4001"\}\n {2}name: reviews-vms\n/);
    s.change(se, suppressed, 2);
    await s.diagnostics(se, (x) => x.diagnostics.length === 0);
    s.change(se, SE_TYPO, 3);
    await s.diagnostics(se, (x) => codes(x).includes('HM4001'));
    // label values of the namespace's workloads complete inside the selector
    const items = await s.conn.sendRequest('textDocument/completion', at(se, 13, 11)) as Array<{ label: string; detail?: string }>;
    assert.deepEqual(items.filter((i) => i.detail === 'label value in the workspace').map((i) => i.label), ['reviews']);
    s.change(se, applyEdits(SE_TYPO, actions[0].edit.changes[se]), 4);
    await s.diagnostics(se, (x) => x.diagnostics.length === 0);
    // back to the typo on disk, closed, then deleted: the findings go with the file
    void s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: se } });
    await s.diagnostics(se, (x) => codes(x).includes('HM4001'));
    fs.rmSync(path.join(ws.dir, 'se.yaml'));
    void s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: se, type: 3 }] });
    await s.diagnostics(se, (x) => x.diagnostics.length === 0);
  });

  test('deleting the DestinationRule file updates the routes that depended on it', async () => {
    void s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: dr } });
    void s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: vs } });
    fs.rmSync(path.join(ws.dir, 'dr.yaml'));
    void s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: dr, type: 3 }] });
    const p = await s.diagnostics(vs, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['IST0101']);
    fs.writeFileSync(path.join(ws.dir, 'dr.yaml'), DR);
    void s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: dr, type: 1 }] });
    await s.diagnostics(vs, (x) => x.diagnostics.length === 0);
  });
});

describe('workspace analysis over node IPC: settings', () => {
  let s: TestServer;
  // No namespaces in the files: everything lands in the default namespace, then in `shop`.
  const strip = (t: string) => t.replace(/\n {2}namespace: shop/g, '');
  const ws = startWith('ipc', { 'vs.yaml': strip(VS), 'se.yaml': strip(SE_TYPO), 'vm.yaml': strip(VM) });
  before(async () => { s = await ws.start(); });
  after(async () => {
    await s.stop();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  test('findings reach unopened files; the default namespace and the enable switch apply', async () => {
    const se = ws.uriOf('se.yaml');
    const first = await s.diagnostics(se, (x) => x.diagnostics.length > 0);
    assert.match(first.diagnostics[0].message, /in namespace default;/);
    s.settings = { defaultNamespace: 'shop' };
    void s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const again = await s.diagnostics(se, (x) => x.diagnostics.length > 0 && /namespace shop;/.test(x.diagnostics[0].message));
    assert.deepEqual(codes(again), ['HM4001']);
    s.settings = { enable: false };
    void s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await s.diagnostics(se, (x) => x.diagnostics.length === 0);
    await s.diagnostics(ws.uriOf('vs.yaml'), (x) => x.diagnostics.length === 0);
  });
});
