// The pure DER/X.509 reader against facts printed by `openssl x509` for the fixture certificates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainsTo, parseCertificate, pemBlocks, secretRows, parseConfigDump, istioSerial } from '../../../server/src/core/proxy';
import { fixture, inlineBytes, secretsDump } from './fixtures';

const certs = (f: string) => pemBlocks(fixture(`certs-pem/${f}`)).map((b) => parseCertificate(b.der));
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

test('validity, serial, SAN and CA flag match openssl', () => {
  const cases: [string, string, string, string, boolean, string[]][] = [
    ['samples-certs_ca-cert.pem', '2018-01-24T19:15:51Z', '2117-12-31T19:15:51Z', 'e37589fac1676fc1', true, []],
    ['samples-certs_leaf-workload-bar-cert.pem', '2023-02-02T18:20:51Z', '2033-01-30T18:20:51Z', '252f067b6dfda2f891c4476dd7f76b3dc001d7de', false, ['spiffe://trust-domain-bar/ns/bar/sa/bar']],
    ['samples-certs_root-cert-alt.pem', '2023-12-11T16:24:36Z', '2033-12-08T16:24:36Z', '6d0fd143d18d9cbc7bacd54d5091de8b374ed53b', true, []],
    ['tests-testdata-certs-default_cert-chain.pem', '2022-10-20T19:31:20Z', '2296-08-04T19:31:20Z', '21fd95bfd430c5326010939b19b26f1ccb612366', false, ['spiffe://cluster.local/ns/default/sa/default']],
  ];
  for (const [file, nb, na, serial, isCA, uris] of cases) {
    const [c] = certs(file);
    assert.ok(c, file);
    assert.deepEqual([iso(c.notBefore), iso(c.notAfter), c.serialHex, c.isCA, c.uris], [nb, na, serial, isCA, uris], file);
  }
  const [ca] = certs('samples-certs_ca-cert.pem');
  assert.deepEqual(ca!.dnsNames, ['ca.istio.io']);
  assert.equal(ca!.subject, 'C=US,ST=California,L=Sunnyvale,O=Istio,CN=Istio CA');
  const [root] = certs('samples-certs_root-cert.pem');
  assert.equal(root!.subjectKeyId, '394606b54ca17aec4ee2519ee0ea75cbc355a1a8');
  assert.equal(root!.authorityKeyId, root!.subjectKeyId);
});

test('chain check: leaf -> intermediate -> root, and a foreign root does not match', () => {
  const [leaf, intermediate] = certs('samples-certs_workload-bar-cert.pem');
  const [root] = certs('samples-certs_root-cert.pem');
  const [alt] = certs('samples-certs_root-cert-alt.pem');
  assert.equal(chainsTo(leaf!, [intermediate!], [root!]), true);
  assert.equal(chainsTo(leaf!, [], [root!]), false, 'the intermediate is needed');
  assert.equal(chainsTo(leaf!, [intermediate!], [alt!]), false);
  // An injected verifier gets the final say.
  assert.equal(chainsTo(leaf!, [intermediate!], [root!], () => false), false);
});

test('secret rows: identity, trust domain, time left and chainsToRoot against ROOTCA', () => {
  const now = Date.parse('2026-11-23T00:00:00Z');
  const good = secretRows(parseConfigDump(secretsDump([
    { name: 'default', chain: inlineBytes('tests-testdata-certs-default_cert-chain.pem') },
    { name: 'ROOTCA', ca: inlineBytes('tests-testdata-certs-default_root-cert.pem') },
  ])), { now });
  const d = good.find((r) => r.name === 'default')!;
  assert.equal(d.identity, 'spiffe://cluster.local/ns/default/sa/default');
  assert.equal(d.trustDomain, 'cluster.local');
  assert.equal(d.chainsToRoot, true);
  assert.equal(d.notAfter, '2296-08-04T19:31:20Z');
  assert.equal(d.timeLeftSeconds, (Date.parse('2296-08-04T19:31:20Z') - now) / 1000);
  assert.equal(good.find((r) => r.name === 'ROOTCA')!.chainsToRoot, null, 'CA rows are not checked');

  const bad = secretRows(parseConfigDump(secretsDump([
    { name: 'default', chain: inlineBytes('samples-certs_workload-foo-cert.pem') },
    { name: 'ROOTCA', ca: inlineBytes('samples-certs_root-cert-alt.pem') },
  ])), { now });
  assert.equal(bad.find((r) => r.name === 'default')!.chainsToRoot, false);
  assert.equal(bad.find((r) => r.name === 'default')!.chainLength, 2);
});

test('expiring and expired: timeLeftSeconds against the injected clock', () => {
  const dump = parseConfigDump(secretsDump([{ name: 'default', chain: inlineBytes('samples-certs_leaf-workload-bar-cert.pem') }]));
  const notAfter = Date.parse('2033-01-30T18:20:51Z');
  const [soon] = secretRows(dump, { now: notAfter - 2 * 3600_000 });
  assert.deepEqual([soon!.validCert, soon!.timeLeftSeconds], [true, 7200]);
  const [gone] = secretRows(dump, { now: notAfter + 1000 });
  assert.deepEqual([gone!.validCert, gone!.timeLeftSeconds], [false, -1]);
});

test('duplicate secrets (same name and serial) are listed once; bad PEM keeps the row with an error', () => {
  const b = inlineBytes('samples-certs_root-cert.pem');
  const rows = secretRows(parseConfigDump(secretsDump([{ name: 'ROOTCA', ca: b }, { name: 'ROOTCA', ca: b }, { name: 'broken', chain: Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n').toString('base64') }])), { now: 0 });
  assert.deepEqual(rows.map((r) => r.name), ['ROOTCA', 'broken']);
  assert.equal(rows[1]!.type, '');
  assert.match(rows[1]!.error ?? '', /^bad certificate: /);
});

test('istioSerial pads to 32 hex digits and keeps longer serials whole', () => {
  assert.equal(istioSerial('193a543fe2b0d9cd4847675394dfc54'), '0193a543fe2b0d9cd4847675394dfc54');
  assert.equal(istioSerial('529CBBAF623611D057B517D4FFE341E4E8035037'), '529cbbaf623611d057b517d4ffe341e4e8035037');
});

test('real 2019 SDS dump: two ROOTCA entries with one serial become one row; both workload certs chain to it', () => {
  const d = parseConfigDump(fixture('history/config_dump/sds2020_envoy_config_dump_secrets.json'));
  assert.equal(d.secrets.length, 4);
  const rows = secretRows(d, { now: Date.parse('2019-08-28T00:00:00Z') });
  assert.deepEqual(rows.map((r) => [r.name, r.serialNumber, r.validCert, r.chainsToRoot]), [
    ['default', '81a4eea2479daecfbd91ede30a09d452', true, true],
    ['default', '0b4999a0e3c28d79bdcfa7881b133eb8', true, true],
    ['ROOTCA', '2bc8ac4db4b312d5e2c9905ddc50b6db', true, null],
  ]);
  assert.equal(rows[0]!.identity, 'spiffe://cluster.local/ns/default/sa/bookinfo-details');
  assert.equal(rows[0]!.timeLeftSeconds, (Date.parse('2019-08-28T17:19:57Z') - Date.parse('2019-08-28T00:00:00Z')) / 1000);
});
