// In-host mocha entry (extensionTestsPath): VS Code loads this inside the extension host and awaits
// run(). The same file serves code-server (runInHost.mjs) and desktop VS Code (runDesktop.mjs).
// If HM_E2E_RESULTS names a file, a JSON summary (passes, failures, pending with reasons) goes there.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = loadMocha();

// mocha 12's main entry is ESM; its CommonJS build loads in any extension-host Node (desktop
// VS Code may run a Node without require(esm)).
function loadMocha() {
  let m;
  try { m = require('mocha/lib/mocha.cjs'); } catch { m = require('mocha'); }
  return m.Mocha || m.default || m;
}

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  const grep = process.env.HM_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    const summary = { passes: [], failures: [], pending: [] };
    const runner = mocha.run((failures) => {
      if (process.env.HM_E2E_RESULTS) fs.writeFileSync(process.env.HM_E2E_RESULTS, JSON.stringify(summary, null, 2));
      if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => summary.passes.push(t.fullTitle()));
    runner.on('fail', (t, err) => summary.failures.push({ title: t.fullTitle(), error: String(err && err.message) }));
    runner.on('pending', (t) => summary.pending.push({ title: t.fullTitle(), reason: t.skipReason || '' }));
  });
};
