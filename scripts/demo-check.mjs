// `scripts/demo.sh --check`: loads the demo's code-server workbench in headless Chromium, opens the
// Mesh Proxies view when the extension contributes one, and saves screenshots. Exit 0 when the
// workbench came up. Usage: node scripts/demo-check.mjs <url> <screenshot.png>
import { chromium } from 'playwright-core';

const [url, png] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.HM_CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
let code = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  const row = (name) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  if (await row('mesh').count()) {
    await row('mesh').click();
    await row('workloadentries.yaml').click();
    // the extension activates on YAML: its language status item appears once the server answers
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    await page.waitForFunction(() => !/Activating Extensions/.test(document.querySelector('.statusbar')?.textContent || ''),
      null, { timeout: 60_000 });
  }
  await page.screenshot({ path: png });
  const mesh = page.locator('.activitybar .action-item a[aria-label*="Mesh"]').first();
  if (await mesh.count()) {
    await mesh.click();
    await page.waitForSelector('.pane-header[aria-label*="Proxies"], .pane-header >> text=/Proxies/i', { timeout: 20_000 });
    await page.screenshot({ path: png.replace(/\.png$/, '-proxies.png') });
    console.log(`[demo] Mesh view shown: ${png.replace(/\.png$/, '-proxies.png')}`);
  } else {
    console.log('[demo] no Mesh activity-bar entry in this build');
  }
  console.log(`[demo] workbench up: ${png}`);
} catch (e) {
  console.error(`[demo] check failed: ${e.message.split('\n')[0]}`);
  code = 1;
} finally {
  await browser.close();
}
process.exit(code);
