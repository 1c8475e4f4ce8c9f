// A minimal LSP client over a child process's stdio, for the side-by-side bench: Content-Length
// framing, requests with promises, notification listeners, and answers to the few requests a
// server sends its client (workspace/configuration, registerCapability, progress).
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export class StdioLspClient {
  /**
   * @param {string[]} argv node arguments (script and flags)
   * @param {(section: string, scopeUri?: string) => unknown} configuration settings per section
   */
  constructor(argv, configuration) {
    this.proc = spawn(process.execPath, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.configuration = configuration;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Map();
    this.buffer = Buffer.alloc(0);
    this.stderr = '';
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stdout.on('data', (d) => this.onData(d));
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    this.proc.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  get pid() {
    return this.proc.pid;
  }

  /** Peak resident set size of the server process so far (VmHWM), in MB. */
  peakRssMb() {
    if (!fs.existsSync(`/proc/${this.pid}/status`)) return NaN; // Linux only
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  }

  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs() {
    if (!fs.existsSync(`/proc/${this.pid}/stat`)) return NaN; // Linux only
    const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted after the command name; clock ticks of 10 ms.
    return (Number(f[11]) + Number(f[12])) * 10;
  }

  on(method, fn) {
    const l = this.listeners.get(method) ?? [];
    l.push(fn);
    this.listeners.set(method, l);
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ id, method, params });
    });
  }

  notify(method, params) {
    this.send({ method, params });
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`bad LSP header: ${header}`);
      const len = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + len) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + len);
      this.dispatch(JSON.parse(body));
    }
  }

  dispatch(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(new Error(`${msg.error.code}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server.
      let result = null;
      if (msg.method === 'workspace/configuration') {
        result = msg.params.items.map((it) => this.configuration(it.section ?? '', it.scopeUri) ?? null);
      }
      this.send({ id: msg.id, result });
      return;
    }
    for (const fn of this.listeners.get(msg.method) ?? []) fn(msg.params);
  }

  /** initialize, then `beforeInitialized()`, then the initialized notification. */
  async initialize(rootUri, beforeInitialized = () => undefined) {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { relatedInformation: true },
        },
      },
    });
    beforeInitialized();
    this.notify('initialized', {});
    return result;
  }

  async shutdown() {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 5000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    const t = setTimeout(() => this.proc.kill(), 5000);
    await this.exited;
    clearTimeout(t);
  }
}
