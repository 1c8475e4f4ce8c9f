// Kubernetes' URL library on our port of Go's net/url: the examples of the library's own
// documentation, plus the registry and JWKS forms Istio rules meet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCelError, parse, plan, type CelValue } from '@bufbuild/cel';
import { celRuleEnv } from '../../../server/src/core/cel/compile';
import { parseGoUrl } from '../../../server/src/core/cel/goUrl';

const run = (expr: string): CelValue | string => {
  const r = plan(celRuleEnv, parse(expr))({ self: null, oldSelf: null });
  return isCelError(r) ? `error: ${r.message}` : r;
};

test('isURL accepts absolute URIs and absolute paths only', () => {
  const cases: [string, boolean][] = [
    ['https://user:pass@example.com:80/path?query=val#fragment', true],
    ['/absolute-path', true],
    ['https://a:b:c/', false],
    ['../relative-path', false],
    ['oci://ghcr.io/acme/filter:v1', true],
    ['ghcr.io/acme/filter:v1', false],
    ['localhost:5000/filter', true], // "localhost" parses as a scheme with an opaque part
    ['http://ghcr.io/acme/filter:v1', true],
    ['', false],
    ['http://exa mple.com/', false],
    ['http://example.com/a%zz', false],
    ['http://[::1/', false],
    ['http://[::1]:8080/', true],
    ['1http://x/', false],
    [':foo', false],
    ['http://x/\u0007', false],
  ];
  for (const [s, want] of cases) assert.equal(run(`isURL(${JSON.stringify(s)})`), want, s);
});

test('url() accessors', () => {
  const cases: [string, string | bigint | boolean][] = [
    ["url('/path').getScheme()", ''],
    ["url('https://example.com/').getScheme()", 'https'],
    ["url('HTTPS://example.com/').getScheme()", 'https'],
    ["url('https://example.com:80/').getHost()", 'example.com:80'],
    ["url('https://[::1]:80/').getHost()", '[::1]:80'],
    ["url('https://[::1]/').getHost()", '[::1]'],
    ["url('/path').getHost()", ''],
    ["url('https://example.com:80/').getHostname()", 'example.com'],
    ["url('https://[::1]:80/').getHostname()", '::1'],
    ["url('https://example.com:80/').getPort()", '80'],
    ["url('https://example.com/').getPort()", ''],
    ["url('https://example.com/path').getEscapedPath()", '/path'],
    ["url('https://example.com/path with spaces/').getEscapedPath()", '/path%20with%20spaces/'],
    ["url('https://example.com/a(b)').getEscapedPath()", '/a(b)'],
    ["url('https://example.com').getEscapedPath()", ''],
    ["url('https://example.com/path?k1=a&k2=b&k2=c').getQuery() == {'k1': ['a'], 'k2': ['b', 'c']}", true],
    ["url('https://example.com/path?key with spaces=value with spaces').getQuery()['key with spaces'][0]", 'value with spaces'],
    ["url('https://example.com/path?').getQuery().size()", 0n],
    ["url('https://example.com/#frag').getEscapedPath()", '/'],
  ];
  for (const [expr, want] of cases) assert.equal(run(expr), want, expr);
});

test('url() of an invalid URL is an error worded like the API server; accessors reject plain maps', () => {
  assert.equal(run("url('https://a:b:c/')"), 'error: URL parse error during conversion from string: parse "https://a:b:c/": invalid port ":c" after host');
  assert.equal(run("url('idp.example.com/keys').getScheme()"), 'error: URL parse error during conversion from string: parse "idp.example.com/keys": invalid URI for request');
  assert.match(String(run("{'url': 'https://x/'}.getScheme()")), /^error: /);
});

test('Go parse details: fragment only outside request URIs, userinfo, opaque', () => {
  assert.equal(parseGoUrl('https://x/p#f', false).fragment, 'f');
  assert.equal(parseGoUrl('https://x/p#f', true).path, '/p#f');
  assert.equal(parseGoUrl('https://u:p@x.io/', false).user, 'u:p');
  assert.equal(parseGoUrl('mailto:a@b.io', true).opaque, 'a@b.io');
  assert.throws(() => parseGoUrl('', true), /empty url/);
  assert.throws(() => parseGoUrl('a/b:c', false) && parseGoUrl('b:c/d', false) && parseGoUrl(':x/y', false), /missing protocol scheme/);
});
