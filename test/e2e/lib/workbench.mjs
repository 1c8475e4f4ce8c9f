// Opens the code-server workbench in headless Chromium (playwright-core) with a workspace folder and
// an optional URL payload (extensionDevelopmentPath / extensionTestsPath). Shared by the UI checks
// and the in-host suite runner. Browser console lines go to <shots>/browser-console.log.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const CHROMIUM = process.env.HM_CHROMIUM || '/usr/bin/chromium';

/** Command-line options of the harness scripts: --port N --workspace DIR --ext DIR --shots DIR --mode M */
export function parseArgs(argv = process.argv.slice(2)) {
  const o = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
    o[argv[i].slice(2)] = argv[i + 1];
  }
  for (const k of ['port', 'workspace', 'shots']) if (!o[k]) throw new Error(`missing --${k}`);
  return { port: Number(o.port), workspace: path.resolve(o.workspace), ext: o.ext && path.resolve(o.ext),
    shots: path.resolve(o.shots), mode: o.mode || 'devpath', tests: o.tests && path.resolve(o.tests) };
}

/** Workbench URL: folder plus payload entries; paths become vscode-remote URIs of this server. */
export function workbenchUrl({ port, workspace, ext, mode, tests }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [];
  if (mode === 'devpath' && ext) payload.push(['extensionDevelopmentPath', remote(ext)]);
  // Tests run only in an extension development host: in vsix mode an empty host extension turns it
  // on while the extension under test is the installed .vsix.
  if (mode === 'vsix' && tests) payload.push(['extensionDevelopmentPath', remote(path.join(HERE, '..', 'host'))]);
  if (tests) payload.push(['extensionTestsPath', remote(tests)]);
  const q = `folder=${encodeURIComponent(workspace)}`;
  return `http://127.0.0.1:${port}/?${q}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
}

export async function launch(shots, name) {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleLog = fs.createWriteStream(path.join(shots, `${name}-browser-console.log`));
  page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.stack || e}\n`));
  return { browser, page, close: async () => { consoleLog.end(); await browser.close().catch(() => {}); } };
}

/** Waits until the workbench is interactive (explorer rendered). */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.waitForSelector('.monaco-workbench', { timeout });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
}

export const elapsed = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
