// A folder of a few hundred files added after start, through the real bundled server: its files
// reach the analysis in batches, so a file whose findings each new file changes is published a
// few times, not once per file, and the final diagnostics are those of a whole-folder analysis.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { serverPath, until, type PublishedDiagnostics } from './serverHarness';
import { BILLING_SE as SE, BILLING_WG as WG } from './folderFixtures';

const uri = (p: string) => pathToFileURL(p).toString();
const ACCOUNTS = 190;
const sa = (i: number) => `sa-${String(i).padStart(3, '0')}`;


const account = (name: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: shop\n`;

/**
 * Scanned first in folder b: every principal but the last names an account that a later file of
 * the folder declares, so applied file by file its list of findings shrinks with each of them.
 */
const policyNaming = (name: string, accounts: readonly string[]) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ${name}
  namespace: shop
spec:
  action: ALLOW
  rules:
  - from:
    - source:
        principals:
${accounts.map((acct) => `        - cluster.local/ns/shop/sa/${acct}\n`).join('')}        - cluster.local/ns/shop/sa/qqq-nowhere-zzz
`;
const POLICY = policyNaming('callers', Array.from({ length: ACCOUNTS }, (_, i) => sa(i)));

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-batch-'));
const a = path.join(root, 'a');
const b = path.join(root, 'b');
const write = (p: string, text: string) => {
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
};
write(path.join(a, 'se.yaml'), SE);
write(path.join(a, 'keeper.yaml'), account('keeper'));
write(path.join(b, '00-policy.yaml'), POLICY);
for (let i = 0; i < ACCOUNTS; i++) write(path.join(b, 'accounts', `${sa(i)}.yaml`), account(sa(i)));
write(path.join(b, 'vms', 'wg.yaml'), WG);
const FILES = 2 + 1 + ACCOUNTS + 1;

const se = uri(path.join(a, 'se.yaml'));
const keeper = uri(path.join(a, 'keeper.yaml'));
const policy = uri(path.join(b, '00-policy.yaml'));

let conn: MessageConnection;
let stop: () => Promise<void>;
const published: PublishedDiagnostics[] = [];
const statuses: Array<{ workspaceFiles: number; documentsChecked: number }> = [];
const logs: string[] = [];

before(async () => {
  const child = spawn(process.execPath, [await serverPath(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.on('data', () => undefined);
  conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => void published.push(p));
  conn.onNotification('hybridMesh/status', (p: (typeof statuses)[number]) => void statuses.push(p));
  conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: uri(a), workspaceFolders: [{ uri: uri(a), name: 'a' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  });
  void conn.sendNotification('initialized', {});
  stop = async () => {
    await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
    void conn.sendNotification('exit');
    await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 1000))]);
    conn.dispose();
    if (child.exitCode === null) child.kill();
  };
});

after(async () => {
  await stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const of = (u: string) => published.filter((p) => p.uri === u);
const codes = (p: PublishedDiagnostics | undefined) => p?.diagnostics.map((d) => d.code);

test('an added folder is applied in batches: no per-file churn, the final diagnostics of the whole folder', async () => {
  await until('the first analysis', () => codes(of(se).at(-1))?.includes('HM4001'));
  void conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: keeper, languageId: 'yaml', version: 1, text: account('keeper') },
  });
  await until('the open document checked', () => statuses.at(-1)?.documentsChecked === 1);
  published.length = 0;

  void conn.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [{ uri: uri(b), name: 'b' }], removed: [] },
  });
  await until('every file of b reported', () => statuses.at(-1)?.workspaceFiles === FILES, 20_000);
  await until('the last principal alone left', () => of(policy).at(-1)?.diagnostics.length === 1, 20_000);
  await until('the ServiceEntry selects the WorkloadGroup', () => of(se).at(-1)?.diagnostics.length === 0, 20_000);
  // Answered after every notification the scan caused so far.
  await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: keeper } });

  const last = of(policy).at(-1)!;
  assert.deepEqual(codes(last), ['HM4008']);
  assert.match(last.diagnostics[0].message, /qqq-nowhere-zzz/);
  // Applied file by file, each of the 190 accounts would send the policy's list again.
  assert.ok(of(policy).length <= 20, `${of(policy).length} publications for the policy`);
  assert.deepEqual(of(keeper), [], 'a file the folder does not concern is not published again');
  for (const p of published) {
    if (p.uri !== policy && p.uri !== se) assert.deepEqual(p.diagnostics, [], `${p.uri} has findings`);
  }
  assert.ok(!logs.some((l) => /failed/.test(l)), logs.join('\n'));
});

test('a burst of watcher events (a checkout creating many files) is applied in batches too', async () => {
  const burstPolicy = path.join(a, 'burst-policy.yaml');
  const names = Array.from({ length: 120 }, (_, i) => `burst-${String(i).padStart(3, '0')}`);
  write(burstPolicy, policyNaming('burst-callers', names));
  for (const n of names) write(path.join(a, 'burst', `${n}.yaml`), account(n));
  const policyUri = uri(burstPolicy);
  published.length = 0;
  // The policy first, alone: every principal but the last is unknown.
  void conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: policyUri, type: 1 }] });
  await until('the policy analysed', () => (of(policyUri).at(-1)?.diagnostics.length ?? 0) === names.length + 1, 20_000);
  // Then the accounts, in one notification as a checkout would send them.
  void conn.sendNotification('workspace/didChangeWatchedFiles', { changes: names.map((n) => ({ uri: uri(path.join(a, 'burst', `${n}.yaml`)), type: 1 })) });
  await until('only the unknown principal left', () => of(policyUri).at(-1)?.diagnostics.length === 1, 20_000);
  await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: keeper } });
  assert.deepEqual(codes(of(policyUri).at(-1)), ['HM4008']);
  // The first publication, then a few for the burst: file by file it would be one per account.
  assert.ok(of(policyUri).length <= 12, `${of(policyUri).length} publications for the policy`);
});
