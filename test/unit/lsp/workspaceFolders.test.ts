// Workspace folders added and removed after `initialize`: the file set (nested and overlapping
// folders, a scan still running) and, through the real bundled server, the cross-file
// diagnostics that follow a folder in and out of the workspace.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { WorkspaceFiles } from '../../../server/src/lsp/workspaceFiles';
import { serverPath, until, type PublishedDiagnostics } from './serverHarness';
import { BILLING_SE as SE, BILLING_WG as WG } from './folderFixtures';

const uri = (p: string) => pathToFileURL(p).toString();

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-folders-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Every report as `+name` (a text) or `-name` (gone), names relative to `root`. */
function recorder(root: string) {
  const files = new WorkspaceFiles(() => undefined);
  const events: string[] = [];
  files.onFile((u, text) => events.push(`${text === undefined ? '-' : '+'}${path.relative(root, new URL(u).pathname)}`));
  return { files, events };
}

describe('workspace files across folder changes', () => {
  test('nested folders: a file under two folders is reported once, and stays while one of them holds it', async () => {
    const root = tree({ 'a/top.yaml': 'x: 1\n', 'a/sub/inner.yaml': 'x: 2\n', 'b/other.yaml': 'x: 3\n' });
    try {
      const { files, events } = recorder(root);
      await files.scan([uri(path.join(root, 'a')), uri(path.join(root, 'a', 'sub'))]);
      assert.deepEqual(events.sort(), ['+a/sub/inner.yaml', '+a/top.yaml']);
      events.length = 0;
      await files.scan([uri(path.join(root, 'a', 'sub')), uri(path.join(root, 'b'))]);
      assert.deepEqual(events, ['+b/other.yaml']);
      events.length = 0;
      files.remove([uri(path.join(root, 'a'))]);
      assert.deepEqual(events, ['-a/top.yaml']); // a/sub is still a folder
      files.remove([uri(path.join(root, 'a', 'sub') + '/')]); // a trailing slash names the same folder
      assert.deepEqual(events, ['-a/top.yaml', '-a/sub/inner.yaml']);
      assert.deepEqual([...files.known], [uri(path.join(root, 'b', 'other.yaml'))]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('a folder removed while it is scanned: files reported so far go, the rest are never reported', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 120; i++) many[`a/f${String(i).padStart(3, '0')}.yaml`] = `x: ${i}\n`;
    const root = tree({ ...many, 'b/kept.yaml': 'x: b\n' });
    try {
      const { files, events } = recorder(root);
      const a = uri(path.join(root, 'a'));
      let removed = false;
      files.onFile(() => {
        if (removed || events.length < 10) return;
        removed = true;
        files.remove([a]);
      });
      const scanA = files.scan([a]);
      const scanB = files.scan([uri(path.join(root, 'b'))]); // queued behind the running scan
      await Promise.all([scanA, scanB]);
      const added = events.filter((e) => e.startsWith('+a/'));
      const gone = events.filter((e) => e.startsWith('-a/'));
      assert.equal(added.length, 10, events.join(' '));
      assert.deepEqual(gone.map((e) => e.slice(1)).sort(), added.map((e) => e.slice(1)).sort());
      assert.deepEqual(events.filter((e) => e.includes('b/')), ['+b/kept.yaml']);
      assert.deepEqual([...files.known], [uri(path.join(root, 'b', 'kept.yaml'))]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('a folder added during a scan of its parent is scanned after it; nothing is reported twice', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 80; i++) many[`a/${i % 2 ? 'sub/' : ''}f${i}.yaml`] = `x: ${i}\n`;
    const root = tree(many);
    try {
      const { files, events } = recorder(root);
      const first = files.scan([uri(path.join(root, 'a'))]);
      await until('the first files', () => events.length > 5);
      const second = files.scan([uri(path.join(root, 'a', 'sub'))]);
      assert.deepEqual(await Promise.all([first, second]), [80, 40]);
      assert.equal(events.length, 80);
      assert.equal(new Set(events).size, 80);
      assert.equal(files.known.size, 80);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

/** A ServiceEntry (in folder B) that selects nothing anywhere. */
const orphan = (name: string) => SE.replace('billing-vms', name).replace('billing.shop', `${name}.shop`).replace('app: billing', 'app: nobody');

interface Client {
  conn: MessageConnection;
  capabilities: { workspace?: unknown };
  logs: string[];
  statuses: Array<{ workspaceFiles: number; documentsChecked: number }>;
  /** The next publication for `u` that `accept`s (earlier ones for `u` are dropped). */
  diagnostics(u: string, accept: (p: PublishedDiagnostics) => boolean): Promise<PublishedDiagnostics>;
  /** Publications for `u` not taken by `diagnostics` yet. */
  unread(u: string): PublishedDiagnostics[];
  folders(added: string[], removed: string[]): void;
  stop(): Promise<void>;
}

/** The server over stdio, initialized by a client that declares workspace folder support. */
async function start(folder: string): Promise<Client> {
  const child = spawn(process.execPath, [await serverPath(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.on('data', () => undefined);
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<string, PublishedDiagnostics[]>();
  const unread = (u: string) => published.get(u) ?? (published.set(u, []), published.get(u)!);
  const logs: string[] = [];
  const statuses: Client['statuses'] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => void unread(p.uri).push(p));
  conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  conn.onNotification('hybridMesh/status', (p: Client['statuses'][number]) => void statuses.push(p));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const init = await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: uri(folder), workspaceFolders: [{ uri: uri(folder), name: 'a' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  }) as { capabilities: Client['capabilities'] };
  void conn.sendNotification('initialized', {});
  return {
    conn, logs, statuses, unread, capabilities: init.capabilities,
    diagnostics(u, accept) {
      return until(`diagnostics of ${path.basename(u)}`, () => {
        const i = unread(u).findIndex(accept);
        return i >= 0 && unread(u).splice(0, i + 1)[i];
      });
    },
    folders(added, removed) {
      const f = (p: string) => ({ uri: uri(p), name: path.basename(p) });
      void conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: added.map(f), removed: removed.map(f) } });
    },
    async stop() {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
      void conn.sendNotification('exit');
      await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 1000))]);
      conn.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}

describe('the language server follows workspace folders', () => {
  const root = tree({ 'a/se.yaml': SE, 'b/vms/wg.yaml': WG, 'b/orphan.yaml': orphan('closed-orphan'), 'b/open.yaml': orphan('open-orphan') });
  const a = path.join(root, 'a');
  const b = path.join(root, 'b');
  const vms = path.join(b, 'vms');
  const se = uri(path.join(a, 'se.yaml'));
  const closedOrphan = uri(path.join(b, 'orphan.yaml'));
  const openOrphan = uri(path.join(b, 'open.yaml'));
  const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => d.code);
  const files = (n: number) => until(`a status with ${n} workspace files`, () => c.statuses.at(-1)?.workspaceFiles === n);
  let c: Client;
  before(async () => {
    c = await start(a);
  });
  after(async () => {
    if (process.env.HM_TEST_LOGS) console.log(c.logs.join('\n'));
    await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('an added folder joins the analysis; a removed one takes its findings along', async () => {
    assert.deepEqual(c.capabilities.workspace, { workspaceFolders: { supported: true, changeNotifications: true } });
    assert.deepEqual(codes(await c.diagnostics(se, (p) => p.diagnostics.length > 0)), ['HM4001']);
    await files(1);

    c.folders([b], []);
    await c.diagnostics(se, (p) => p.diagnostics.length === 0);
    assert.deepEqual(codes(await c.diagnostics(closedOrphan, (p) => p.diagnostics.length > 0)), ['HM4001']);
    await files(4);

    // The WorkloadGroup's folder nested in b: removing b keeps it.
    c.folders([vms], []);
    void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: openOrphan, languageId: 'yaml', version: 1, text: fs.readFileSync(path.join(b, 'open.yaml'), 'utf8') } });
    await until('the open document checked', () => c.statuses.at(-1)?.documentsChecked === 1);
    assert.deepEqual(c.unread(openOrphan).splice(0).map(codes), [['HM4001']]); // published while it was closed
    c.folders([], [b]);
    await c.diagnostics(closedOrphan, (p) => p.diagnostics.length === 0);
    await files(2); // a/se.yaml and b/vms/wg.yaml; open.yaml lives on as the editor's document
    // Answered after every notification the removal caused: se.yaml is still clean, and the open
    // document keeps its diagnostics until it is closed.
    await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: openOrphan } });
    assert.deepEqual(c.unread(se), []);
    assert.deepEqual(c.unread(openOrphan), []);
    c.folders([], [vms]);
    assert.deepEqual(codes(await c.diagnostics(se, (p) => p.diagnostics.length > 0)), ['HM4001']);
    await files(1);
    assert.ok(!c.logs.some((l) => /failed/.test(l)), c.logs.join('\n'));
    void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: openOrphan } });
    await c.diagnostics(openOrphan, (p) => p.diagnostics.length === 0);
  });
});
