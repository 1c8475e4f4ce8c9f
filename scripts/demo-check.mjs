// `scripts/demo.sh --check`: loads the demo's code-server workbench in headless Chromium and takes
// the screenshots a newcomer should recognise:
//   <png>          try-me.yaml with its squiggles, the Mesh Proxies view listing the VMs, status bar
//   <png>-panel    the degraded VM's inspection panel on its Secrets tab
//   <png>-endpoints  the same panel's Endpoints tab, filtered to shopping-cart (UNHEALTHY, FAILED)
//   <png>-jump     destinationrule.yaml, opened by clicking the vm subset's cluster in the panel
// Exit 0 when the workbench, the diagnostics and the proxies view came up; the panel is reported
// but not required while it is being built. Prints the time each step was ready.
// Usage: node scripts/demo-check.mjs <url> <screenshot.png> <degraded-vm-name> [other-vm-name...]
import { chromium } from 'playwright-core';

const [url, png, degradedVm, ...otherVms] = process.argv.slice(2);
if (!url || !png || !degradedVm) {
  console.error('usage: demo-check.mjs <url> <screenshot.png> <degraded-vm-name> [other-vm-name...]');
  process.exit(2);
}
const t0 = Date.now();
const at = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[demo] ${msg} (+${at()})`);
const browser = await chromium.launch({ executablePath: process.env.HM_CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
let code = 0;
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
const shot = async (file) => { await page.screenshot({ path: file }); say(`screenshot ${file}`); };
try {
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  say('workbench loaded');
  await page.waitForSelector('.tabs-container .tab:has-text("try-me.yaml")', { timeout: 30_000 });
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 90_000 });
  say('try-me.yaml open with error squiggles');

  // the Mesh Proxies view, with both VMs (groups may start collapsed)
  await page.locator('.activitybar .action-item a[aria-label*="Hybrid Mesh"]').first().click();
  const pane = page.locator('.pane', { has: page.locator('.pane-header[aria-label*="Mesh Proxies"]') }).first();
  await pane.waitFor({ timeout: 20_000 });
  // widen the side bar so each VM's state and certificate time left are readable
  const side = await page.locator('.part.sidebar').first().boundingBox().catch(() => null);
  if (side) {   // its sash sits on the right edge
    const [x, y] = [side.x + side.width - 1, side.y + side.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 170, y, { steps: 5 });
    await page.mouse.up();
  }
  const row = (text) => pane.locator('.monaco-list-row', { hasText: text }).first();
  for (let i = 0; i < 5 && !(await row(degradedVm).isVisible()); i++) {
    const collapsed = pane.locator('.monaco-list-row[aria-expanded="false"]').first();
    if (!(await collapsed.count())) break;
    await collapsed.click();
  }
  for (const vm of [degradedVm, ...otherVms]) {
    await row(vm).waitFor({ timeout: 30_000 });
    // state and certificate time left arrive after the first probe
    await page.waitForFunction(([r]) => /\d+\s*[hmd]/.test(r.textContent || ''), [await row(vm).elementHandle()], { timeout: 30_000 }).catch(() => {});
    say(`proxies view: ${(await row(vm).innerText()).replace(/\s+/g, ' ')}`);
  }
  const certItem = page.locator('.statusbar-item', { hasText: /cert/i }).first();
  if (await certItem.count()) say(`status bar: ${(await certItem.innerText()).replace(/\s+/g, ' ')}`);
  else say('status bar: no certificate item found');
  await page.waitForTimeout(1500);   // let the Problems count and squiggles settle
  // the Problems panel lists every finding of the workspace (focus the editor first for the key)
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 10_000 })
    .then(async () => say(`Problems panel: ${await page.locator('.markers-panel .monaco-list-row').count()} rows visible`))
    .catch(() => say('Problems panel did not open'));
  const problems = await page.locator('[id="status.problems"]').first().innerText().catch(() => '?');
  say(`problems in the status bar: ${problems.replace(/\s+/g, ' ')}`);
  await shot(png);

  // one click on the degraded VM opens its panel; the Secrets tab shows the expiring certificate
  try {
    await row(degradedVm).click();
    const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await frame.locator('#tab-secrets').click({ timeout: 30_000 });
    const notAfter = frame.locator('td[data-col=notAfter]').first();
    await notAfter.waitFor({ timeout: 30_000 });
    const left = await frame.locator('td[data-col=timeLeft]').first().innerText();
    say(`panel Secrets: notAfter ${await notAfter.innerText()}, time left ${left}`);
    await shot(png.replace(/\.png$/, '-panel.png'));
    await frame.locator('#tab-endpoints').click();
    await frame.locator('#filter').fill('shopping-cart.shop');
    // filtering waits for a pause in typing: wait until only shopping-cart rows are left
    const others = frame.locator('td[data-col=cluster]').filter({ hasNotText: 'shopping-cart' });
    for (let i = 0; i < 50 && await others.count(); i++) await page.waitForTimeout(100);
    await frame.locator('td[data-col=status]', { hasText: 'UNHEALTHY' }).first().waitFor({ timeout: 10_000 });
    const bad = await frame.locator('tr', { has: frame.locator('td[data-col=status]', { hasText: 'UNHEALTHY' }) }).count();
    const ejected = await frame.locator('td[data-col=outlierCheck]', { hasText: 'FAILED' }).count();
    say(`panel Endpoints (shopping-cart): ${bad} UNHEALTHY, ${ejected} outlier-ejected rows`);
    await shot(png.replace(/\.png$/, '-endpoints.png'));
    // a cluster row leads to the YAML behind it: the vm subset of DestinationRule shop/shopping-cart
    await frame.locator('#tab-clusters').click();
    await frame.locator('#filter').fill('shopping-cart.shop');
    const vmRow = frame.locator('tr.linked', { has: frame.locator('td[data-col=subset]', { hasText: /^vm$/ }) }).first();
    await vmRow.click({ timeout: 10_000 });
    await page.locator('.tabs-container .tab.active:has-text("destinationrule.yaml")').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    const selected = await page.locator('.editor-group-container.active .monaco-editor .selected-text').count();
    say(`clicking cluster outbound|8080|vm|shopping-cart... opened destinationrule.yaml${selected ? ' with a selection' : ''}`);
    await shot(png.replace(/\.png$/, '-jump.png'));
  } catch (e) {
    say(`panel not shown: ${e.message.split('\n')[0]}`);
    await shot(png.replace(/\.png$/, '-panel-failed.png')).catch(() => {});
  }
  say('workbench ready');
} catch (e) {
  console.error(`[demo] check failed after ${at()}: ${e.message.split('\n')[0]}`);
  await shot(png.replace(/\.png$/, '-failed.png')).catch(() => {});
  code = 1;
} finally {
  await browser.close();
}
process.exit(code);
