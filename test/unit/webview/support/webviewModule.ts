// The unit-test runner transpiles server/src, client/src and test/unit only; webview modules are
// bundled here on demand (esbuild, CommonJS) so their pure logic is tested as shipped.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'esbuild.mjs')) || !fs.existsSync(path.join(dir, 'client', 'webview'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

export function loadWebviewModule<T>(relPath: string): T {
  const out = esbuild.buildSync({
    entryPoints: [path.join(repoRoot(), relPath)], bundle: true, format: 'cjs', platform: 'neutral', target: 'es2022', write: false, logLevel: 'silent',
  });
  const mod = { exports: {} as T };
  new Function('module', 'exports', out.outputFiles[0]!.text)(mod, mod.exports);
  return mod.exports;
}
