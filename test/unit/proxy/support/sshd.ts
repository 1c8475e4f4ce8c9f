// Starts a throwaway OpenSSH server on 127.0.0.1 for the SSH transport tests: temp host and
// client keys, a temp sshd_config and a temp client ssh_config (so ~/.ssh is never touched).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { canConnect, freePort } from '../../../../server/src/proxy/transport/freePort';

export const SSHD = '/usr/sbin/sshd';

export interface TestSshd {
  /** Host alias defined in `configFile`. */
  alias: string;
  configFile: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** Why sshd cannot run here, or undefined when it can. */
export function sshdUnavailable(): string | undefined {
  if (!fs.existsSync(SSHD)) return `${SSHD} not installed (apt-get install openssh-server)`;
  if (spawnSync('ssh', ['-V']).error) return 'ssh client not installed (apt-get install openssh-client)';
  if (process.getuid?.() === 0 && !fs.existsSync('/run/sshd')) {
    // sshd running as root needs its privilege separation directory (the service unit creates it).
    try { fs.mkdirSync('/run/sshd', { mode: 0o755 }); } catch { return 'cannot create /run/sshd'; }
  }
  return undefined;
}

export async function startSshd(): Promise<TestSshd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-sshd-'));
  const key = (name: string): void => {
    const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', path.join(dir, name)]);
    if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
  };
  key('host_key');
  key('client_key');
  fs.copyFileSync(path.join(dir, 'client_key.pub'), path.join(dir, 'authorized_keys'));
  const port = await freePort();
  const user = os.userInfo().username;
  fs.writeFileSync(path.join(dir, 'sshd_config'), [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${dir}/host_key`, `PidFile ${dir}/sshd.pid`,
    `AuthorizedKeysFile ${dir}/authorized_keys`, 'StrictModes no', 'UsePAM no', 'PasswordAuthentication no',
    'KbdInteractiveAuthentication no', 'PubkeyAuthentication yes', 'PermitRootLogin prohibit-password',
    'AllowTcpForwarding local', 'X11Forwarding no', 'PrintMotd no', 'LogLevel ERROR', `AllowUsers ${user}`, '',
  ].join('\n'));
  const hostPub = fs.readFileSync(path.join(dir, 'host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
  fs.writeFileSync(path.join(dir, 'known_hosts'), `[127.0.0.1]:${port} ${hostPub}\n`);
  const alias = 'sim-vm';
  fs.writeFileSync(path.join(dir, 'ssh_config'), [
    `Host ${alias}`, '  HostName 127.0.0.1', `  Port ${port}`, `  User ${user}`,
    `  IdentityFile ${dir}/client_key`, '  IdentitiesOnly yes', '  IdentityAgent none',
    `  UserKnownHostsFile ${dir}/known_hosts`, '  GlobalKnownHostsFile /dev/null', '  StrictHostKeyChecking yes',
    '',
  ].join('\n'));
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
  const deadline = Date.now() + 5000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) throw new Error(`sshd exited: ${err.trim()}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`sshd did not listen: ${err.trim()}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    alias, port, dir, configFile: path.join(dir, 'ssh_config'),
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) { fs.rmSync(dir, { recursive: true, force: true }); resolve(); return; }
      child.once('exit', () => { fs.rmSync(dir, { recursive: true, force: true }); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}
