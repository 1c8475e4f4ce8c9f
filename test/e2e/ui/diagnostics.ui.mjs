// UI checks in the real workbench: a file with a deliberate error shows a red squiggle, hovering it
// shows the message, the status bar counts it and the Problems panel lists it; cluster.env gets its
// language. Screenshots: 01-workbench, 02-squiggle, 03-hover, 04-problems, 05-cluster-env.
// Usage: node test/e2e/ui/diagnostics.ui.mjs --port N --workspace DIR --shots DIR [--ext DIR --mode devpath|vsix]
import path from 'node:path';
import { parseArgs, workbenchUrl, launch, waitForWorkbench, elapsed } from '../lib/workbench.mjs';

const BAD_FILE = ['broken', 'duplicate-key.yaml'];
const EXPECT_MESSAGE = /Duplicate key "name"/;
const EXPECT_CODE = 'HM1002';

const opts = parseArgs();
const shot = (page, name) => page.screenshot({ path: path.join(opts.shots, `${name}.png`) });
const t0 = Date.now();
const step = (msg) => console.log(`  ui: ${msg} (+${elapsed(t0)})`);
const { page, close } = await launch(opts.shots, 'ui');
let failed = false;
try {
  await page.goto(workbenchUrl(opts));
  await waitForWorkbench(page);
  step('workbench ready');
  await shot(page, '01-workbench');

  // Open the file through the explorer: expand its folder, then click it.
  const row = (name) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row(BAD_FILE[0]).click();
  await row(BAD_FILE[1]).click();
  await page.waitForSelector(`.tab.active[aria-label*="${BAD_FILE[1]}"]`, { timeout: 30_000 });
  step(`${BAD_FILE[1]} open`);

  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await squiggle.waitFor({ timeout: 90_000 });
  step('error squiggle shown');
  await shot(page, '02-squiggle');

  const problems = page.locator('[id="status.problems"]');
  const count = (await problems.innerText()).replace(/\s+/g, ' ').trim();
  if (!/^[1-9]/.test(count)) throw new Error(`status bar problem count is "${count}", expected errors`);
  step(`status bar: ${count}`);

  const box = await squiggle.boundingBox();
  await page.mouse.move(box.x + Math.max(2, box.width / 2), box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: EXPECT_MESSAGE }).first();
  await hover.waitFor({ timeout: 30_000 });
  // the hover fades in: wait until it is opaque so the screenshot shows it
  await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover:not(.hidden)')]
    .some((h) => getComputedStyle(h).opacity === '1' && getComputedStyle(h.closest('.monaco-resizable-hover') || h).opacity === '1'),
  null, { timeout: 5_000 }).catch(() => {});
  step(`hover: ${(await hover.innerText()).split('\n')[0]}`);
  await shot(page, '03-hover');
  await page.keyboard.press('Escape');

  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Shift+M');
  const problemRow = page.locator('.markers-panel .monaco-list-row', { hasText: EXPECT_CODE }).first();
  await problemRow.waitFor({ timeout: 30_000 });
  step(`Problems row: ${(await problemRow.innerText()).replace(/\s+/g, ' ').slice(0, 120)}`);
  await shot(page, '04-problems');

  await row('vm').click();
  await row('cluster.env').click();
  const mode = page.locator('[id="status.editor.mode"]');
  await page.waitForFunction(() => /cluster\.env/.test(document.querySelector('[id="status.editor.mode"]')?.textContent || ''),
    null, { timeout: 30_000 });
  step(`cluster.env language: ${(await mode.innerText()).trim()}`);
  await shot(page, '05-cluster-env');
} catch (e) {
  failed = true;
  console.error(`  ui: FAILED after ${elapsed(t0)}: ${e.message.split('\n')[0]}`);
  await shot(page, 'ui-failure').catch(() => {});
} finally {
  await close();
}
console.log(`ui checks: ${failed ? 'FAIL' : 'PASS'} in ${elapsed(t0)}`);
process.exit(failed ? 1 : 0);
