// SSH to a VM through the system `ssh` client, so the user's ~/.ssh/config, agent, jump hosts
// and known_hosts all apply. Opens local forwards to the VM's 127.0.0.1:15000 (Envoy admin) and
// 127.0.0.1:15020 (istio-agent), talks HTTP through them, and kills ssh on close.
import { spawn, type ChildProcess } from 'node:child_process';
import { DEFAULT_LIMITS, type AdminPath, type AdminResponse, type GetOptions, type Limits, type ProxyConnection } from '../connection';
import { ProxyConnectionError } from '../errors';
import { AdminUrlConnection } from './adminUrl';
import { canConnect, freePort } from './freePort';

export interface SshOptions {
  /** `[user@]host` or a Host alias from ssh_config. */
  target: string;
  /** Extra ssh arguments placed before the target, e.g. `['-F', configPath]`. */
  sshArgs?: string[];
  sshPath?: string;
  remoteAdminPort?: number;
  remoteAgentPort?: number;
  limits?: Partial<Limits>;
}

const live = new Set<ChildProcess>();
let exitHook = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => { for (const c of live) c.kill('SIGKILL'); });
  }
}

/** ssh processes started by this module and still running (for leak checks). */
export function liveSshProcesses(): number {
  return live.size;
}

export class SshConnection implements ProxyConnection {
  private constructor(
    private readonly opts: SshOptions,
    private readonly child: ChildProcess,
    private readonly http: AdminUrlConnection,
    private readonly stderr: () => string,
  ) {}

  static async open(opts: SshOptions): Promise<SshConnection> {
    const label = `ssh ${opts.target}`;
    if (!/^[A-Za-z0-9_.@%:[\]-]+$/.test(opts.target) || opts.target.startsWith('-')) {
      throw new ProxyConnectionError(label, 'usage', `'${opts.target}' is not a valid [user@]host`);
    }
    const limits = { ...DEFAULT_LIMITS, ...opts.limits };
    const [adminLocal, agentLocal] = [await freePort(), await freePort()];
    const remoteAdmin = opts.remoteAdminPort ?? 15000;
    const remoteAgent = opts.remoteAgentPort ?? 15020;
    const args = [
      '-N', '-o', 'ExitOnForwardFailure=yes', '-o', 'BatchMode=yes',
      '-o', `ConnectTimeout=${Math.max(1, Math.ceil(limits.connectTimeoutMs / 1000))}`,
      '-L', `127.0.0.1:${adminLocal}:127.0.0.1:${remoteAdmin}`,
      '-L', `127.0.0.1:${agentLocal}:127.0.0.1:${remoteAgent}`,
      ...(opts.sshArgs ?? []), '--', opts.target,
    ];
    const child = spawn(opts.sshPath ?? 'ssh', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    track(child);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
    const lastLine = (): string => stderr.trim().split('\n').filter(Boolean).pop() ?? '';
    try {
      await waitForForward(child, adminLocal, limits.connectTimeoutMs, label, lastLine);
    } catch (e) {
      await stop(child);
      throw e;
    }
    const http = new AdminUrlConnection({
      adminUrl: `http://127.0.0.1:${adminLocal}`, agentUrl: `http://127.0.0.1:${agentLocal}`, limits,
      label: `${label} -> 127.0.0.1:${remoteAdmin}`,
    });
    return new SshConnection(opts, child, http, () => stderr);
  }

  describe(): string {
    return this.http.describe();
  }

  async get(path: AdminPath, opts?: GetOptions): Promise<AdminResponse> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      const last = this.stderr().trim().split('\n').pop() ?? '';
      throw new ProxyConnectionError(`ssh ${this.opts.target}:${path}`, 'unreachable', `the ssh tunnel has closed (${this.child.signalCode ?? `exit code ${this.child.exitCode}`})${last ? `: ${last}` : ''}`);
    }
    try {
      return await this.http.get(path, opts);
    } catch (e) {
      // ssh accepted locally but could not reach the port on the VM: say so instead of "reset".
      if (e instanceof ProxyConnectionError && (e.cause === 'reset' || e.cause === 'truncated')) {
        await new Promise((r) => setTimeout(r, 50));
        const refused = /open failed: (.*)/.exec(this.stderr());
        const port = this.opts.remoteAdminPort ?? 15000;
        if (refused) {
          throw new ProxyConnectionError(`ssh ${this.opts.target}:${path}`, 'refused', `the VM refused the forwarded connection (${refused[1].trim()}); is the sidecar running?`);
        }
        if (e.cause === 'reset' && / before any response/.test(e.message)) {
          throw new ProxyConnectionError(`ssh ${this.opts.target}:${path}`, 'refused', `the tunnel closed at once; is anything listening on the VM's 127.0.0.1:${port}?`);
        }
      }
      throw e;
    }
  }

  async close(): Promise<void> {
    await stop(this.child);
  }

  /** For tests: the ssh process id. */
  get pid(): number | undefined { return this.child.pid; }
}

async function waitForForward(child: ChildProcess, port: number, timeoutMs: number, label: string, lastLine: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  let spawnError: string | undefined;
  child.once('exit', (code, signal) => { exited = signal ? `signal ${signal}` : `exit code ${code}`; });
  child.once('error', (e: NodeJS.ErrnoException) => { spawnError = e.code === 'ENOENT' ? 'the ssh client is not installed (ssh not found on PATH)' : e.message; });
  for (;;) {
    if (spawnError) throw new ProxyConnectionError(label, 'transport', spawnError);
    if (exited) throw new ProxyConnectionError(label, 'unreachable', `ssh failed (${exited})${lastLine() ? `: ${lastLine()}` : ''}`);
    if (await canConnect(port)) return;
    if (Date.now() > deadline) throw new ProxyConnectionError(label, 'timeout', `tunnel not up within ${timeoutMs} ms${lastLine() ? ` (${lastLine()})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => { clearTimeout(hard); resolve(); });
    child.kill('SIGTERM');
  });
}
