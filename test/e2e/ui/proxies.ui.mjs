// UI checks of the Mesh Proxies view and the inspection panel against the simulated sidecars the
// runner configured (HM_E2E_SIDECARS): the view lists the VMs, the down one shows as unreachable,
// one click opens the panel whose Secrets tab shows the certificate the simulator serves, and
// HTML in resource names renders as text. Skips, saying why, while the extension contributes no
// proxies view or no sidecars are running. Screenshots: 10-proxies-view, 11-panel-secrets, 12-panel-hostile.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, workbenchUrl, launch, waitForWorkbench, elapsed } from '../lib/workbench.mjs';

const opts = parseArgs();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(opts.ext || root, 'package.json'), 'utf8'));
const views = Object.values(pkg.contributes?.views || {}).flat();
const proxiesView = views.find((v) => /prox/i.test(`${v.id} ${v.name}`));
const container = (pkg.contributes?.viewsContainers?.activitybar || [])
  .find((c) => (pkg.contributes.views[c.id] || []).includes(proxiesView));
const skip = (why) => { console.log(`proxies UI: SKIPPED: ${why}`); process.exit(0); };
if (!proxiesView || !container) skip('the extension contributes no Mesh Proxies view in an activity-bar container yet');
if (!process.env.HM_E2E_SIDECARS) skip('no simulated sidecars are running (hybrid-mesh simulate-sidecar unavailable)');
const sidecars = JSON.parse(fs.readFileSync(process.env.HM_E2E_SIDECARS, 'utf8'));
const byScenario = (s) => sidecars.find((x) => x.scenario === s);
const HOSTILE = '<img src=x onerror=alert(1)>';

const shot = (page, name) => page.screenshot({ path: path.join(opts.shots, `${name}.png`) });
const t0 = Date.now();
const step = (msg) => console.log(`  proxies UI: ${msg} (+${elapsed(t0)})`);
const { page, close } = await launch(opts.shots, 'proxies');
let failed = false;
try {
  // what the expiring sidecar really serves: the panel must show this certificate
  const certs = await (await fetch(`${byScenario('cert-expiring').adminUrl}/certs`)).json();
  const leaf = certs.certificates[0].cert_chain[0];

  await page.goto(workbenchUrl(opts));
  await waitForWorkbench(page);
  await page.locator(`.activitybar .action-item a[aria-label*="${container.title}"]`).first().click();
  const pane = page.locator('.pane', { has: page.locator(`.pane-header[aria-label*="${proxiesView.name}"]`) }).first();
  const row = (text) => pane.locator('.monaco-list-row', { hasText: text }).first();
  // groups (configured VMs, Kubernetes, dumps) may start collapsed
  for (let i = 0; i < 5 && !(await row(sidecars[0].name).isVisible()); i++) {
    const collapsed = pane.locator('.monaco-list-row[aria-expanded="false"]').first();
    if (!(await collapsed.count())) break;
    await collapsed.click();
  }
  for (const s of sidecars) await row(s.name).waitFor({ timeout: 30_000 });
  step(`view lists ${sidecars.map((s) => s.name).join(', ')}`);
  const down = byScenario('unreachable');
  await pane.locator('.monaco-list-row', { hasText: down.name }).filter({ hasText: /unreachable/i }).first()
    .waitFor({ timeout: 30_000 });
  step(`${down.name}: ${(await row(down.name).innerText()).replace(/\s+/g, ' ')}`);
  await shot(page, '10-proxies-view');

  const panelFrame = () => page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  await row(byScenario('cert-expiring').name).click();
  const frame = panelFrame();
  await frame.getByText('Secrets', { exact: true }).first().click();
  const serial = frame.getByText(new RegExp(leaf.serial_number, 'i')).first();
  await serial.waitFor({ timeout: 30_000 });
  const body = await frame.locator('body').innerText();
  if (!body.includes(leaf.expiration_time.slice(0, 10))) throw new Error(`Secrets tab lacks the expiry ${leaf.expiration_time}`);
  step(`Secrets tab shows serial ${leaf.serial_number} expiring ${leaf.expiration_time}`);
  await shot(page, '11-panel-secrets');

  await row(byScenario('hostile-names').name).click();
  const hostile = panelFrame();
  await hostile.getByText('Clusters', { exact: true }).first().click();
  await hostile.getByText(HOSTILE).first().waitFor({ timeout: 30_000 });
  const injected = await hostile.locator('img[src="x"]').count();
  if (injected !== 0) throw new Error(`a hostile name became ${injected} <img> element(s)`);
  step('hostile names render as text, no <img> injected');
  await shot(page, '12-panel-hostile');
} catch (e) {
  failed = true;
  console.error(`  proxies UI: FAILED after ${elapsed(t0)}: ${e.message.split('\n')[0]}`);
  await shot(page, 'proxies-failure').catch(() => {});
} finally {
  await close();
}
console.log(`proxies UI: ${failed ? 'FAIL' : 'PASS'} in ${elapsed(t0)}`);
process.exit(failed ? 1 : 0);
