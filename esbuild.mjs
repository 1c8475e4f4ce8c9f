// Builds the four bundles: extension client, language server, CLI and webview script.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = { platform: 'node', target: 'node20', format: 'cjs', bundle: true };
const bundles = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { platform: 'browser', target: 'es2022', format: 'iife', bundle: true,
    entryPoints: ['client/webview/main.ts'], outfile: 'dist/webview.js' },
].filter((b) => fs.existsSync(b.entryPoints[0]));

const common = {
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

if (watch) {
  for (const b of bundles) (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b })));
}
