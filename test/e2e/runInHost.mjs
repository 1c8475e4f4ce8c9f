// Runs the in-host mocha suite (test/e2e/suite/index.js) inside code-server's extension host: the
// workbench URL payload carries extensionTestsPath, and the workbench reports the result through
// window.codeAutomationLog / codeAutomationExit. Exit code = the suite's (0 = all passed).
// Usage: node test/e2e/runInHost.mjs --port N --workspace DIR --shots DIR [--ext DIR --mode devpath|vsix]
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseArgs, workbenchUrl, launch, elapsed } from './lib/workbench.mjs';

// the workbench's own start-up chatter, forwarded through the same hook as the suite's output
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin)/;

const opts = parseArgs();
opts.tests = path.join(path.dirname(fileURLToPath(import.meta.url)), 'suite', 'index.js');
const t0 = Date.now();
const { page, close } = await launch(opts.shots, 'suite');
const code = await new Promise((resolve) => {
  const limit = setTimeout(() => { console.error('in-host suite: no result within 200 s'); resolve(124); }, 200_000);
  page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (type !== 'error' && WORKBENCH_NOISE.test(line)) return;   // still in suite-browser-console.log
    (type === 'error' ? console.error : console.log)(line);
  }).then(() => page.exposeFunction('codeAutomationExit', (c) => { clearTimeout(limit); resolve(c); }))
    .then(() => page.goto(workbenchUrl(opts)))
    .catch((e) => { console.error(`in-host suite: ${e.message}`); clearTimeout(limit); resolve(1); });
});
if (code !== 0) await page.screenshot({ path: path.join(opts.shots, 'suite-failure.png') }).catch(() => {});
await close();
console.log(`in-host suite: exit ${code} in ${elapsed(t0)}`);
process.exit(code);
