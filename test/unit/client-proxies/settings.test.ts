import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressOf, effectiveSetting, normalizeDumpFiles, normalizeProxies, normalizeRefreshSeconds, normalizeThresholds } from '../../../server/src/protocol/proxySettings';

test('normalizeProxies keeps valid VMs and explains the rest', () => {
  const r = normalizeProxies([
    { name: 'vm-1', adminUrl: 'http://127.0.0.1:15000' },
    { name: 'vm-2', ssh: 'ops@10.0.0.7', sshConfig: '/home/me/.ssh/config' },
    { name: 'vm-3', istiodUrl: 'http://127.0.0.1:15014', proxyId: 'vm-3.vm-ns' },
    { name: 'vm-1', adminUrl: 'http://127.0.0.1:15001' },
    { name: 'vm-4', ssh: '-oProxyCommand=evil' },
    { name: 'vm-5' },
    { name: '', adminUrl: 'http://x:1' },
    { name: 'vm-6', adminUrl: 'http://a b' },
    'vm-7',
  ]);
  assert.deepEqual(r.proxies.map((p) => p.name), ['vm-1', 'vm-2', 'vm-3']);
  assert.deepEqual(r.proxies[1], { name: 'vm-2', ssh: 'ops@10.0.0.7', sshConfig: '/home/me/.ssh/config' });
  assert.deepEqual(r.problems, [
    "hybridMesh.proxies[3]: duplicate name 'vm-1'",
    "hybridMesh.proxies[4]: 'ssh' must be [user@]host",
    "hybridMesh.proxies[5] (vm-5): needs 'adminUrl', 'ssh' or 'istiodUrl'",
    "hybridMesh.proxies[6]: 'name' must be a non-empty name (letters, digits, . _ : -)",
    "hybridMesh.proxies[7]: 'adminUrl' is not a URL like http://host:port",
    'hybridMesh.proxies[8]: expected an object',
  ]);
  assert.deepEqual(normalizeProxies({ name: 'x' }).problems, ['hybridMesh.proxies must be an array of {name, adminUrl} or {name, ssh}']);
  assert.deepEqual(normalizeProxies(undefined), { proxies: [], problems: [] });
});

test('other proxy settings get defaults and bounds', () => {
  assert.deepEqual(normalizeDumpFiles(['a.json', ' a.json ', 3, '', 'b']), ['a.json', 'b']);
  assert.deepEqual(normalizeDumpFiles('a.json'), []);
  assert.deepEqual(normalizeThresholds(undefined, undefined), { warningHours: 12, errorHours: 4 });
  assert.deepEqual(normalizeThresholds(12, 48), { warningHours: 48, errorHours: 48 });
  assert.deepEqual(normalizeThresholds(-1, 'x'), { warningHours: 4, errorHours: 4 });
  assert.equal(normalizeRefreshSeconds(undefined), 10);
  assert.equal(normalizeRefreshSeconds(0), 0);
  assert.equal(normalizeRefreshSeconds(99999), 3600);
  assert.equal(addressOf({ name: 'a', ssh: 'ops@10.0.0.7' }), '10.0.0.7');
  assert.equal(addressOf({ name: 'a', adminUrl: 'http://192.168.1.5:15000' }), '192.168.1.5');
  assert.equal(addressOf({ name: 'a', adminUrl: 'http://192.168.1.5:15000', address: '10.1.1.1' }), '10.1.1.1');
});

test('untrusted workspaces read proxy settings from the user scope only', () => {
  const fromWorkspace = [{ name: 'evil', ssh: 'attacker.example' }];
  const fromUser = [{ name: 'mine', adminUrl: 'http://127.0.0.1:15000' }];
  const inspection = { globalValue: fromUser, workspaceValue: fromWorkspace };
  assert.deepEqual(effectiveSetting(fromWorkspace, inspection, false), fromUser);
  assert.deepEqual(effectiveSetting(fromWorkspace, inspection, true), fromWorkspace);
  const onlyWorkspace: { globalValue?: unknown; workspaceValue?: unknown } = { workspaceValue: fromWorkspace };
  assert.equal(effectiveSetting(fromWorkspace, onlyWorkspace, false), undefined);
  assert.equal(effectiveSetting(fromWorkspace, undefined, false), undefined);
});
