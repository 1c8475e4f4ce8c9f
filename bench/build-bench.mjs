// Bundles the core (plus the schema registry) for the validation bench into the system temp
// directory (self-contained, so nothing lands in dist/ or the packaged extension). Kept apart
// from esbuild.mjs so the product bundles stay as they are.
import * as esbuild from 'esbuild';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const benchBundle = path.join(os.tmpdir(), 'hybrid-mesh-bench', 'bench-core.js');

export async function buildBench() {
  await esbuild.build({
    stdin: {
      contents: [
        "export { createCore } from './server/src/core/index';",
        "export { SchemaRegistry } from './server/src/core/schema/registry';",
        "export { LineIndex } from './server/src/core/text/span';",
        "export { fastParse } from './server/src/core/parse/fast-yaml';",
        "export { splitDocuments } from './server/src/core/parse/split';",
        "export { parseAllDocuments } from 'yaml';",
        "export { evaluateCelRules } from './server/src/core/cel/index';",
        "export { SchemaCompiler } from './server/src/core/validate/ajv';",
        "export { parseYamlFile } from './server/src/core/parse/documents';",
        "export { reparseYamlFile, commonPrefix, commonSuffix } from './server/src/core/parse/incremental';",
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'bench-entry.ts',
      loader: 'ts',
    },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: benchBundle, logLevel: 'warning',
  });
  return benchBundle;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBench();
