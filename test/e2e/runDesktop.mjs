// `npm run test:desktop`: the same in-host suite (test/e2e/suite) in desktop VS Code through
// @vscode/test-electron, which downloads a VS Code build (needs internet) and opens a copy of the
// fixture workspace with only this extension enabled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-desktop-'));
const workspace = path.join(work, 'workspace');
fs.cpSync(path.join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });   // tests edit files
const results = path.join(work, 'results.json');
let code = 1;
try {
  await runTests({
    version: process.env.HM_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test', 'e2e', 'suite', 'index.js'),
    extensionTestsEnv: { HM_E2E_RESULTS: results, HM_E2E_GREP: process.env.HM_E2E_GREP || '' },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      `--user-data-dir=${path.join(work, 'user-data')}`],
  });
  code = 0;
} catch (e) {
  console.error(`desktop suite failed: ${e instanceof Error ? e.message : e}`);
}
if (fs.existsSync(results)) {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  console.log(`desktop in-host: ${r.passes.length} passed, ${r.failures.length} failed, ${r.pending.length} skipped`);
  for (const p of r.pending) console.log(`  skipped: ${p.title}: ${p.reason}`);
}
if (code === 0) fs.rmSync(work, { recursive: true, force: true });
else console.error(`kept ${work}`);
process.exit(code);
