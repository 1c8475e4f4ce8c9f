import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { liveSshProcesses, SshConnection } from '../../../server/src/proxy/transport/ssh';
import { getJson } from '../../../server/src/proxy/fetchBody';
import { ProxyConnectionError } from '../../../server/src/proxy/errors';
import { freePort } from '../../../server/src/proxy/transport/freePort';
import { buildSidecar, serveSidecar, type RunningSidecar } from '../../../server/src/proxy/simulator';
import { sshdUnavailable, startSshd, type TestSshd } from './support/sshd';

const why = sshdUnavailable();
if (why) console.log(`# SKIP ssh transport tests: ${why}`);

let sshd: TestSshd;
let vm: RunningSidecar;
before(async () => {
  if (why) return;
  sshd = await startSshd();
  vm = await serveSidecar(buildSidecar({ scenario: 'not-ready', name: 'vm-ssh' }), { agentPort: 0 });
});
after(async () => { await Promise.all([sshd?.stop(), vm?.close()]); });

const portOf = (url: string): number => Number(new URL(url).port);
const alive = (pid: number | undefined): boolean => { try { process.kill(pid as number, 0); return true; } catch { return false; } };

test('forwards admin and agent ports through a real sshd and tears the tunnel down', { skip: why }, async () => {
  const conn = await SshConnection.open({
    target: sshd.alias, sshArgs: ['-F', sshd.configFile],
    remoteAdminPort: portOf(vm.adminUrl), remoteAgentPort: portOf(vm.agentUrl),
  });
  try {
    assert.match(conn.describe(), new RegExp(`^ssh sim-vm -> 127\\.0\\.0\\.1:${portOf(vm.adminUrl)}$`));
    const info = await getJson(conn, '/server_info') as { node: { id: string }; state: string };
    assert.equal(info.node.id, 'sidecar~10.128.0.15~vm-ssh.vm-ns~vm-ns.svc.cluster.local');
    assert.equal(info.state, 'INITIALIZING');
    assert.equal((await conn.get('/healthz/ready')).status, 503, 'agent port forwarded too');
  } finally {
    await conn.close();
  }
  assert.equal(alive(conn.pid), false, 'ssh process is gone');
});

test('a closed remote port is reported as refused by the VM, naming the path', { skip: why }, async () => {
  const dead = await freePort();
  const conn = await SshConnection.open({ target: sshd.alias, sshArgs: ['-F', sshd.configFile], remoteAdminPort: dead, remoteAgentPort: dead });
  try {
    await assert.rejects(conn.get('/certs'), (e: unknown) => e instanceof ProxyConnectionError && e.cause === 'refused'
      && /^ssh sim-vm:\/certs: the VM refused the forwarded connection \(connect failed: Connection refused\); is the sidecar running\?$/.test(e.message));
  } finally { await conn.close(); }
});

test('authentication failure is one line, within the timeout, and leaves no ssh process', { skip: why }, async () => {
  const t0 = Date.now();
  await assert.rejects(
    SshConnection.open({ target: `nobody-here@${sshd.alias}`, sshArgs: ['-F', sshd.configFile], limits: { connectTimeoutMs: 5000 } }),
    (e: unknown) => e instanceof ProxyConnectionError && e.cause === 'unreachable'
      && /^ssh nobody-here@sim-vm: ssh failed \(exit code 255\): .*Permission denied/.test(e.message) && !e.message.includes('\n'));
  assert.ok(Date.now() - t0 < 5000);
  assert.equal(liveSshProcesses(), 0);
});

test('a host that accepts TCP but never speaks SSH: timeout, ssh killed', { skip: why }, async () => {
  const silent = net.createServer((s) => s.on('error', () => undefined));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  const port = (silent.address() as net.AddressInfo).port;
  const t0 = Date.now();
  try {
    await assert.rejects(
      SshConnection.open({ target: '127.0.0.1', sshArgs: ['-p', String(port), '-F', '/dev/null', '-o', 'UserKnownHostsFile=/dev/null'], limits: { connectTimeoutMs: 800 } }),
      /^ProxyConnectionError: ssh 127\.0\.0\.1: tunnel not up within 800 ms/);
    assert.ok(Date.now() - t0 < 3000, `${Date.now() - t0} ms`);
    assert.equal(liveSshProcesses(), 0);
  } finally {
    silent.close();
  }
});

test('nothing listening on the ssh port: refused quickly', { skip: why }, async () => {
  const dead = await freePort();
  await assert.rejects(
    SshConnection.open({ target: '127.0.0.1', sshArgs: ['-p', String(dead), '-F', '/dev/null', '-o', 'StrictHostKeyChecking=yes', '-o', 'UserKnownHostsFile=/dev/null'] }),
    /^ProxyConnectionError: ssh 127\.0\.0\.1: ssh failed \(exit code 255\): ssh: connect to host 127\.0\.0\.1 port \d+: Connection refused$/);
});

test('targets that look like options are refused before ssh runs', async () => {
  await assert.rejects(SshConnection.open({ target: '-oProxyCommand=touch /tmp/x' }), /is not a valid \[user@\]host/);
});

test('a tunnel that dies later is reported as closed, not as a local refusal', { skip: why }, async () => {
  const conn = await SshConnection.open({ target: sshd.alias, sshArgs: ['-F', sshd.configFile], remoteAdminPort: portOf(vm.adminUrl), remoteAgentPort: portOf(vm.agentUrl) });
  try {
    assert.equal((await conn.get('/ready')).status, 503);
    process.kill(conn.pid as number, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    await assert.rejects(conn.get('/ready'), /^ProxyConnectionError: ssh sim-vm:\/ready: the ssh tunnel has closed \(SIGKILL\)/);
  } finally { await conn.close(); }
  assert.equal(liveSshProcesses(), 0);
});
