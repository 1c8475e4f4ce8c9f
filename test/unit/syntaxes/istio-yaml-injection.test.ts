// The YAML injection marks Istio apiVersion groups and kinds. Tokenised with VS Code's own YAML
// grammar (from the cached code-server install) when present, and always with a one-rule stand-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INITIAL, Registry, type IGrammar, type IRawGrammar } from 'vscode-textmate';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { repoRoot } from '../helpers/repo';

const injection = path.join(repoRoot, 'syntaxes/istio-yaml.injection.tmLanguage.json');
const csYaml = path.join(process.env.HM_CACHE || path.join(os.homedir(), '.cache', 'hybrid-mesh'),
  'code-server-4.100.3-node20-x64/node_modules/code-server/lib/vscode/extensions/yaml/syntaxes');
const STAND_IN = { scopeName: 'source.yaml', patterns: [{ match: '^\\s*([\\w-]+)(:)', captures: { 1: { name: 'entity.name.tag.yaml' } } }] };

let wasm: Promise<void> | undefined;
async function yamlGrammar(real: boolean): Promise<IGrammar> {
  wasm ??= loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  await wasm;
  const read = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')) as IRawGrammar;
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new OnigScanner(p), createOnigString: (s) => new OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === 'istio.yaml.injection') return read(injection);
      if (!real) return scope === 'source.yaml' ? (STAND_IN as unknown as IRawGrammar) : null;
      const file = scope === 'source.yaml' ? 'yaml.tmLanguage.json' : `yaml-${scope.replace('source.yaml.', '')}.tmLanguage.json`;
      return fs.existsSync(path.join(csYaml, file)) ? read(path.join(csYaml, file)) : null;
    },
    getInjections: (scope) => (scope === 'source.yaml' ? ['istio.yaml.injection'] : undefined),
  });
  const g = await registry.loadGrammar('source.yaml');
  assert.ok(g);
  return g;
}

/** Innermost scope at each needle, tokenising `lines` as one document. */
function scopesAt(g: IGrammar, lines: string[], needles: Array<[number, string]>): string[] {
  let state = INITIAL;
  const toks = lines.map((l) => { const r = g.tokenizeLine(l, state); state = r.ruleStack; return r.tokens; });
  return needles.map(([i, needle]) => {
    const at = lines[i].indexOf(needle);
    const t = toks[i].find((k) => k.startIndex <= at && at < k.endIndex);
    return t ? t.scopes[t.scopes.length - 1] : '(none)';
  });
}

const DOC = ['apiVersion: networking.istio.io/v1beta1', 'kind: VirtualService', 'metadata:', '  name: reviews',
  '---', 'apiVersion: apps/v1', 'kind: Deployment', '# kind: Gateway'];
const NEEDLES: Array<[number, string]> = [[0, 'networking.istio.io'], [0, 'v1beta1'], [1, 'VirtualService'], [1, 'kind'],
  [5, 'apps/v1'], [6, 'Deployment'], [7, 'Gateway']];

function check(scopes: string[]) {
  assert.equal(scopes[0], 'support.type.istio-api-group.yaml');
  assert.equal(scopes[1], 'support.constant.istio-api-version.yaml');
  assert.equal(scopes[2], 'support.class.istio-kind.yaml');
  assert.equal(scopes[3], 'entity.name.tag.yaml');
  // not Istio: left to the YAML grammar; commented out: not marked
  for (const i of [4, 5, 6]) assert.ok(!/istio/.test(scopes[i]), `${NEEDLES[i][1]} got ${scopes[i]}`);
}

test('Istio apiVersion and kind are marked; other Kubernetes objects and comments are not (stand-in YAML grammar)', async () => {
  check(scopesAt(await yamlGrammar(false), DOC, NEEDLES));
});

test('the same with VS Code\'s YAML grammar', async (t) => {
  if (!fs.existsSync(path.join(csYaml, 'yaml.tmLanguage.json'))) {
    t.skip(`VS Code's YAML grammar is not cached at ${csYaml} (scripts/e2e/install.sh installs it)`);
    return;
  }
  const scopes = scopesAt(await yamlGrammar(true), DOC, NEEDLES);
  check(scopes);
  assert.match(scopes[6], /comment/);
});
