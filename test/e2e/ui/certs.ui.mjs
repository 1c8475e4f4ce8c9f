// UI check of certificate expiry at a glance: with the simulated sidecars configured, the status bar
// names the sidecar whose workload certificate expires first (the `cert-expiring` one, ~2 h left,
// read from its /certs) with its time left. Skips, saying why, when no sidecars are running.
// Screenshot: 20-cert-status.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, workbenchUrl, launch, waitForWorkbench, elapsed } from '../lib/workbench.mjs';

const opts = parseArgs();
if (!process.env.HM_E2E_SIDECARS) {
  console.log('cert status UI: SKIPPED: no simulated sidecars are running (hybrid-mesh simulate-sidecar unavailable)');
  process.exit(0);
}
const sidecars = JSON.parse(fs.readFileSync(process.env.HM_E2E_SIDECARS, 'utf8'));
const expiring = sidecars.find((s) => s.scenario === 'cert-expiring');
const t0 = Date.now();
const { page, close } = await launch(opts.shots, 'certs');
let failed = false;
try {
  const certs = await (await fetch(`${expiring.adminUrl}/certs`)).json();
  const notAfter = Date.parse(certs.certificates[0].cert_chain[0].expiration_time);
  const hours = Math.floor((notAfter - Date.now()) / 3_600_000);
  await page.goto(workbenchUrl(opts));
  await waitForWorkbench(page);
  // the extension activates on YAML: open one
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'mesh' }).first().click();
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'reviews-destinationrule.yaml' }).first().click();
  const item = page.locator('.statusbar-item', { hasText: expiring.name }).first();
  await item.waitFor({ timeout: 60_000 });
  const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
  if (!new RegExp(`\\b${hours}\\s?h\\b`).test(text)) throw new Error(`status bar "${text}" does not show ${hours} h left`);
  console.log(`  cert status UI: status bar "${text}" (+${elapsed(t0)})`);
  await page.screenshot({ path: path.join(opts.shots, '20-cert-status.png') });
} catch (e) {
  failed = true;
  console.error(`  cert status UI: FAILED after ${elapsed(t0)}: ${e.message.split('\n')[0]}`);
  await page.screenshot({ path: path.join(opts.shots, 'certs-failure.png') }).catch(() => {});
} finally {
  await close();
}
console.log(`cert status UI: ${failed ? 'FAIL' : 'PASS'} in ${elapsed(t0)}`);
process.exit(failed ? 1 : 0);
