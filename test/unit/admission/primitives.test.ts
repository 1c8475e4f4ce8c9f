import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostsMatch, hostSubsetOf, validateFQDN, validateNamespaceSlashHost, validateWildcardDomain } from '../../../server/src/core/admission/hosts';
import { isCIDR, isIP, validateIPSubnet } from '../../../server/src/core/admission/addresses';
import { durationPrecision, parseDurationNs } from '../../../server/src/core/admission/durations';
import { validateRegexRE2 } from '../../../server/src/core/admission/index';
import { retryOnError } from '../../../server/src/core/admission/httpRetry';
import { attributeErrors, hasInnerWildcard } from '../../../server/src/core/admission/authzValues';

test('wildcard domains: only a leading label may be a wildcard', () => {
  // When the labels after the first are at fault, istiod names only that remainder.
  for (const ok of ['*', '*.example.com', 'example.com', 'reviews', 'reviews.default.svc.cluster.local', '*-foo.example.com', 'Example.COM', 'istio.io.']) {
    assert.equal(validateWildcardDomain(ok), undefined, ok);
  }
  assert.equal(validateWildcardDomain('example.*'), 'domain name "*" invalid (label "*" invalid)');
  assert.equal(validateWildcardDomain('foo.*.com'), 'domain name "*.com" invalid (label "*" invalid)');
  assert.equal(validateWildcardDomain('a..b'), 'domain name ".b" invalid (label "" invalid)');
  assert.equal(validateWildcardDomain('foo.123'), 'domain name "123" invalid (top level domain "123" cannot be all-numeric)');
  assert.equal(validateWildcardDomain(''), 'empty domain name not allowed');
  assert.equal(validateWildcardDomain('a_b.com'), 'domain name "a_b.com" invalid (label "a_b" invalid)');
  assert.equal(validateFQDN('*.example.com'), 'domain name "*.example.com" invalid (label "*" invalid)');
  assert.equal(validateFQDN(`${'a'.repeat(64)}.com`), `domain name "${'a'.repeat(64)}.com" invalid (label "${'a'.repeat(64)}" invalid)`);
});

test('namespace/host form of Sidecar egress and Gateway hosts', () => {
  assert.deepEqual(validateNamespaceSlashHost('./*', false), []);
  assert.deepEqual(validateNamespaceSlashHost('istio-system/*.example.com', false), []);
  assert.deepEqual(validateNamespaceSlashHost('~/*', false), []);
  assert.deepEqual(validateNamespaceSlashHost('foo.example.com', false), ['host must be of form namespace/dnsName']);
  assert.deepEqual(validateNamespaceSlashHost('Bad_NS/foo.com', false), ['invalid namespace value "Bad_NS" in sidecar']);
  assert.deepEqual(validateNamespaceSlashHost('ns/reviews', false), ['short names (non FQDN) are not allowed']);
  assert.deepEqual(validateNamespaceSlashHost('ns/foo*.com', false), ['domain name "foo*.com" invalid (label "foo*" invalid)', 'partial wildcard "foo*.com" not allowed']);
  // Gateways accept a bare host and IP addresses, but not `~`.
  assert.deepEqual(validateNamespaceSlashHost('bookinfo.example.com', true), []);
  assert.deepEqual(validateNamespaceSlashHost('10.0.0.1', true), []);
  assert.deepEqual(validateNamespaceSlashHost('~/a.com', true), ['invalid namespace value "~" in gateway']);
});

test('host overlap and subset follow wildcard suffixes', () => {
  assert.equal(hostsMatch('*.foo.com', 'a.foo.com'), true);
  assert.equal(hostsMatch('*.com', '*.foo.com'), true);
  assert.equal(hostsMatch('a.foo.com', 'b.foo.com'), false);
  assert.equal(hostSubsetOf('a.foo.com', '*.foo.com'), true);
  assert.equal(hostSubsetOf('*.foo.com', 'a.foo.com'), false);
  assert.equal(hostSubsetOf('*.a.foo.com', '*.foo.com'), true);
});

test('IP addresses and CIDR blocks as Go netip parses them', () => {
  for (const ok of ['10.0.0.1', '::1', '2001:db8::1', 'fe80::1%eth0', '::ffff:1.2.3.4', '0.0.0.0']) assert.equal(isIP(ok), true, ok);
  for (const bad of ['10.0.0.256', '010.0.0.1', '1.2.3', '2001:db8:::1', '1:2:3:4:5:6:7:8:9', 'example.com', '']) assert.equal(isIP(bad), false, bad);
  assert.equal(isCIDR('10.0.0.0/8'), true);
  assert.equal(isCIDR('2001:db8::/32'), true);
  assert.equal(isCIDR('10.0.0.0/33'), false);
  assert.equal(isCIDR('10.0.0.0/08'), false);
  assert.equal(validateIPSubnet('10.0.0.0/40'), '10.0.0.0/40 is not a valid CIDR block');
  assert.equal(validateIPSubnet('1.2.3.4.5'), '1.2.3.4.5 is not a valid IP');
});

test('durations: Go syntax parsed exactly; sub-millisecond precision rejected', () => {
  assert.equal(parseDurationNs('1h2m3.5s'), 3723500000000n);
  assert.equal(parseDurationNs('250ms'), 250000000n);
  assert.equal(parseDurationNs('1.5'), undefined);
  assert.equal(parseDurationNs('abc'), undefined);
  assert.equal(durationPrecision('1.0005s'), 'only durations to ms precision are supported');
  assert.equal(durationPrecision('1500us'), 'only durations to ms precision are supported');
  assert.equal(durationPrecision('1.001s'), undefined);
  assert.equal(durationPrecision('10s'), undefined);
});

test('RE2 syntax check rejects what RE2 cannot compile', () => {
  assert.equal(validateRegexRE2('^/api/v[0-9]+/.*$'), undefined);
  assert.equal(validateRegexRE2('(?i)foo|bar'), undefined);
  assert.equal(validateRegexRE2('(?P<id>\\d+)'), undefined);
  assert.equal(validateRegexRE2('(?=foo)bar'), 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  assert.equal(validateRegexRE2('(?<!a)b'), 'error parsing regexp: invalid named capture: `(?<!a)b`');
  assert.equal(validateRegexRE2('(a)\\1'), 'error parsing regexp: invalid escape sequence: `\\1`');
  assert.equal(validateRegexRE2('a++'), 'error parsing regexp: invalid nested repetition operator: `++`');
  assert.equal(validateRegexRE2('[a-z'), 'error parsing regexp: missing closing ]: `[a-z`');
  assert.equal(validateRegexRE2('x{1001}'), 'error parsing regexp: invalid repeat count: `{1001}`');
});

test('retryOn accepts Envoy policies and known HTTP status codes only', () => {
  for (const ok of ['5xx', 'gateway-error', 'connect-failure', 'retriable-4xx', 'unavailable', '503', '429']) assert.equal(retryOnError(ok), undefined, ok);
  assert.equal(retryOnError('5xxx'), '"5xxx" is not a valid retryOn policy');
  assert.equal(retryOnError(' 5xx'), '" 5xx" is not a valid retryOn policy');
  assert.equal(retryOnError('599'), '"599" is not a valid retryOn policy');
});

test('AuthorizationPolicy condition keys and values', () => {
  assert.deepEqual(attributeErrors('request.auth.claims[groups]', ['admin']), []);
  assert.deepEqual(attributeErrors('request.headers[x-id]', ['a']), []);
  assert.deepEqual(attributeErrors('source.ip', ['10.0.0.0/8', '1.2.3.4']), []);
  assert.deepEqual(attributeErrors('request.auth.claims', ['x']), ['bad key (request.auth.claims): should have format a[b]']);
  assert.deepEqual(attributeErrors('request.auth.claims[]', ['x']), ['bad key (request.auth.claims[]): should have format a[b]']);
  assert.deepEqual(attributeErrors('source.ip', ['10.0.0.300']), ['bad IP address (10.0.0.300)']);
  assert.deepEqual(attributeErrors('destination.port', ['80', 'http']), ['bad port (http): strconv.ParseUint: parsing "http": invalid syntax']);
  assert.deepEqual(attributeErrors('destination.port', ['70000']), ['bad port (70000): <nil>']);
  assert.deepEqual(attributeErrors('source.user', ['x']), ['unknown attribute: source.user']);
  assert.deepEqual(attributeErrors('destination.labels[app]', ['x']), ['attribute destination.labels[app] is replaced by the workload selector']);
  assert.equal(hasInnerWildcard('/api/*/items'), true);
  assert.equal(hasInnerWildcard('/api/*'), false);
  assert.equal(hasInnerWildcard('*.example.com'), false);
  assert.equal(hasInnerWildcard('*'), false);
  assert.equal(hasInnerWildcard('/foo/{*}/bar'), false);
});
