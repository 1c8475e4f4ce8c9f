import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, makeNonce, renderHtml } from '../../../client/src/panel/html';

const input = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'AAAAAAAAAAAAAAAAAAAAAA==', scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/media/panel.css' };

test('the CSP is exactly the strict policy', () => {
  assert.equal(contentSecurityPolicy(input.cspSource, 'N0nce0000000000000000='),
    "default-src 'none'; script-src 'nonce-N0nce0000000000000000='; style-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net data:;");
});

test('renderHtml: CSP meta first, one external nonce script, no inline code or styles', () => {
  const html = renderHtml(input);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(csp?.startsWith("default-src 'none'"), csp);
  assert.ok(!html.includes('unsafe-inline') && !html.includes('unsafe-eval'));
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'), 'CSP precedes any resource');
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0]![2], '', 'no inline script body');
  assert.match(scripts[0]![1]!, /nonce="AAAAAAAAAAAAAAAAAAAAAA==" src="https:\/\/x\/dist\/webview\.js"/);
  assert.ok(!/ on[a-z]+=/.test(html), 'no inline event handlers');
  assert.ok(!/<style|style="/.test(html), 'no inline styles');
  assert.ok(!html.includes('connect-src'));
  for (const u of html.match(/https?:\/\/[^\s"';]+/g) ?? []) assert.ok([input.scriptUri, input.styleUri, input.cspSource].includes(u), `unexpected URL ${u}`);
  for (const id of ['tab-clusters', 'tab-listeners', 'tab-routes', 'tab-endpoints', 'tab-secrets', 'tab-bootstrap', 'tab-raw', 'filter', 'content']) {
    assert.ok(html.includes(`id="${id}"`), id);
  }
});

test('nonces are fresh, 128-bit base64, and a bad nonce is refused', () => {
  const seen = new Set(Array.from({ length: 50 }, makeNonce));
  assert.equal(seen.size, 50);
  for (const n of seen) assert.equal(Buffer.from(n, 'base64').length, 16);
  assert.throws(() => renderHtml({ ...input, nonce: 'abc' }), /nonce/);
  assert.throws(() => renderHtml({ ...input, nonce: "x' 'unsafe-inline" }), /nonce/);
});
