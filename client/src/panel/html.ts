// The inspection panel's HTML: one pure function. Strict CSP with a per-render nonce; no inline
// script or style; all data arrives later through postMessage, never in this string.
import { randomBytes } from 'node:crypto';
import { TABS, type TabId } from '../../../server/src/protocol/webviewProtocol';

export interface HtmlInput {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/** 128 random bits, base64: a fresh value for every render. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${cspSource}; font-src ${cspSource}; img-src ${cspSource} data:;`;
}

const TITLES: Record<TabId, string> = {
  clusters: 'Clusters', listeners: 'Listeners', routes: 'Routes', endpoints: 'Endpoints', secrets: 'Secrets', bootstrap: 'Bootstrap', raw: 'Raw',
};

/** Escapes an attribute value (only our own URIs and nonce ever go in). */
function attr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderHtml(input: HtmlInput): string {
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(input.nonce)) throw new Error('renderHtml: the nonce must be base64 of at least 12 random bytes');
  const tabs = TABS.map((t) => `<button class="tab" id="tab-${t}" data-tab="${t}" role="tab" aria-selected="false">${TITLES[t]}</button>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<title>Proxy</title>
</head>
<body>
<header id="header">
  <span id="proxy-label"></span>
  <span id="status" role="status"></span>
  <span class="spacer"></span>
  <label class="toggle"><input type="checkbox" id="auto-refresh"> Auto-refresh</label>
  <button id="refresh">Refresh</button>
  <button id="open-raw">Open raw JSON</button>
  <button id="export">Export…</button>
</header>
<ul id="notes"></ul>
<nav id="tabs" role="tablist">${tabs}</nav>
<div id="toolbar">
  <input id="filter" type="search" placeholder="Filter rows" aria-label="Filter rows">
  <span id="count"></span>
  <span class="spacer"></span>
  <button id="prev-page" aria-label="Previous page">‹</button>
  <span id="page"></span>
  <button id="next-page" aria-label="Next page">›</button>
</div>
<main id="content"></main>
<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}
