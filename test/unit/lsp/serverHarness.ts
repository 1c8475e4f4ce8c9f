// Starts the real bundled language server (dist/server.js) over stdio or node IPC and speaks
// LSP to it with vscode-jsonrpc, the way an editor would.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'esbuild.mjs'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

/** dist/server.js, built on the spot when missing (npm run test:unit builds it first). */
export async function serverPath(): Promise<string> {
  const root = repoRoot();
  const out = path.join(root, 'dist', 'server.js');
  if (!fs.existsSync(out)) {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [path.join(root, 'server/src/lsp/main.ts')], outfile: out,
      platform: 'node', target: 'node20', format: 'cjs', bundle: true, logLevel: 'warning',
    });
  }
  return out;
}

export interface PublishedDiagnostics {
  uri: string;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: number; code: string; source: string; message: string;
    codeDescription?: { href: string }; data?: unknown;
  }>;
}

export interface TestServer {
  conn: MessageConnection;
  child: ChildProcess;
  logs: string[];
  statuses: Array<{ state: string; documentsChecked: number; checksRun: number; errors: number; warnings: number; workspaceFiles: number }>;
  /** `client/registerCapability` registrations the server asked for. */
  registrations: Array<{ method: string; registerOptions?: unknown }>;
  /** Resolves with the next publishDiagnostics for `uri` that satisfies `accept`. */
  diagnostics(uri: string, accept?: (p: PublishedDiagnostics) => boolean, timeoutMs?: number): Promise<PublishedDiagnostics>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, text: string, version: number): void;
  /** Settings the fake client returns for `workspace/configuration` (section hybridMesh). */
  settings: unknown;
  initResult: { capabilities: Record<string, unknown> };
  stop(): Promise<void>;
}

export async function startServer(transport: 'stdio' | 'ipc', opts: { rootUri?: string | null; env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const file = await serverPath();
  const env = { ...process.env, ...opts.env };
  let child: ChildProcess;
  let conn: MessageConnection;
  if (transport === 'stdio') {
    child = spawn(process.execPath, [file, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  } else {
    child = fork(file, ['--node-ipc'], { silent: true, env });
    conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  }
  child.stderr?.on('data', () => undefined);
  const published: PublishedDiagnostics[] = [];
  const waiters: Array<() => boolean> = [];
  const server: TestServer = {
    conn, child, logs: [], statuses: [], registrations: [], settings: {}, initResult: { capabilities: {} },
    diagnostics(uri, accept = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching publishDiagnostics for ${uri} in ${timeoutMs} ms; got ${JSON.stringify(published.filter((p) => p.uri === uri))}`)), timeoutMs);
        const check = () => {
          const i = published.findIndex((p) => p.uri === uri && accept(p));
          if (i < 0) return false;
          const [hit] = published.splice(0, i + 1).slice(-1);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        if (!check()) waiters.push(check);
      });
    },
    open(uri, text, version = 1) {
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    },
    change(uri, text, version) {
      void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
        void conn.sendNotification('exit');
      } catch {
        // already gone
      }
      conn.dispose();
      if (child.exitCode === null) {
        await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 1000))]);
        if (child.exitCode === null) child.kill();
      }
    },
  };
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
    published.push(p);
    for (const w of waiters.splice(0)) if (!w()) waiters.push(w);
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => void server.logs.push(p.message));
  conn.onNotification('hybridMesh/status', (p: TestServer['statuses'][number]) => void server.statuses.push(p));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => server.settings));
  conn.onRequest('client/registerCapability', (p: { registrations: TestServer['registrations'] }) => {
    server.registrations.push(...p.registrations);
    return null;
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.rootUri ?? null,
    workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown'] } },
    },
  }).then((r) => { server.initResult = r as TestServer["initResult"]; });
  void conn.sendNotification('initialized', {});
  return server;
}

/** Polls `f` every `pollMs` until it gives a truthy value; fails after `ms` naming `what`. */
export async function until<T>(what: string, f: () => T | undefined | false, ms = 5000, pollMs = 20): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, pollMs));
  }
}
