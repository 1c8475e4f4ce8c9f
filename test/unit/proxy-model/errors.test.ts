// Garbage and wrong shapes: one ProxyDataError with a one-line message saying what and where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfigDump, ProxyDataError, bootstrapInfo } from '../../../server/src/core/proxy';
import { fixture } from './fixtures';

function dataError(fn: () => unknown): ProxyDataError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ProxyDataError, `expected ProxyDataError, got ${String(e)}`);
    assert.ok(!e.message.includes('\n'), 'one line');
    return e;
  }
  assert.fail('did not throw');
}

test('invalid JSON names the position, line and column', () => {
  assert.equal(dataError(() => parseConfigDump('{"configs": [}')).message, 'config_dump: invalid JSON at position 13 (line 1, column 14): unexpected "}"');
  assert.equal(dataError(() => parseConfigDump('{\n "configs": [\n  {"a": tru}\n ]\n}')).message, 'config_dump: invalid JSON at position 24 (line 3, column 9): unexpected "t"');
  assert.equal(dataError(() => parseConfigDump('<html><body>502 Bad Gateway</body></html>')).message, 'config_dump: invalid JSON at position 0 (line 1, column 1): unexpected "<"');
  assert.equal(dataError(() => parseConfigDump('')).message, 'config_dump: empty body, expected JSON');
  assert.equal(dataError(() => parseConfigDump('{"configs": []} trailing')).message, 'config_dump: invalid JSON at position 16 (line 1, column 17): unexpected "t"');
});

test('a truncated real dump reports the end of input', () => {
  const text = fixture('envoy/config_dump/proxyconfig_config_dump.json');
  const cut = text.slice(0, 5000);
  const e = dataError(() => parseConfigDump(cut));
  assert.match(e.message, /^config_dump: invalid JSON at position \d+ \(line \d+, column \d+\): (unexpected end of input|unterminated string)$/);
});

test('wrong shapes', () => {
  assert.equal(dataError(() => parseConfigDump('[]')).message, 'config_dump: expected an object with a "configs" array, got an array');
  assert.equal(dataError(() => parseConfigDump('{"cluster_statuses": []}')).message, 'config_dump: no "configs" array at the top level');
  assert.equal(dataError(() => parseConfigDump('{"configs": {}}')).message, 'config_dump: "configs" is an object, expected an array');
  assert.equal(dataError(() => parseConfigDump('"configs"')).message, 'config_dump: expected an object with a "configs" array, got a string');
  assert.match(dataError(() => bootstrapInfo(parseConfigDump('{"configs": []}'))).message, /^config_dump: no BootstrapConfigDump section/);
});

test('wrong inner types do not crash: sections with odd fields still parse', () => {
  const d = parseConfigDump({ configs: [
    { '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump', static_clusters: 'nope', dynamic_active_clusters: [null, 3, { cluster: 'x' }] },
    { '@type': 'type.googleapis.com/envoy.admin.v3.SecretsConfigDump', dynamic_active_secrets: [{ name: 'default', secret: { tls_certificate: { certificate_chain: { inline_bytes: '!!!' } } } }] },
  ] });
  assert.deepEqual(d.clusters.map((c) => c.name), ['']);
  assert.equal(d.secrets.length, 1);
});
