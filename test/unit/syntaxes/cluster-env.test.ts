// Tokenises cluster.env lines with the real TextMate engine (vscode-textmate + oniguruma wasm) and
// checks the scopes VS Code themes will colour.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { INITIAL, Registry, type IGrammar } from 'vscode-textmate';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { repoRoot } from '../helpers/repo';

const grammarPath = path.join(repoRoot, 'syntaxes/cluster-env.tmLanguage.json');
const G = '.istio-cluster-env';
let grammar: IGrammar;

before(async () => {
  await loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new OnigScanner(p), createOnigString: (s) => new OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'source.istio-cluster-env'
      ? JSON.parse(fs.readFileSync(grammarPath, 'utf8')) : null),
  });
  const g = await registry.loadGrammar('source.istio-cluster-env');
  assert.ok(g, 'grammar loads');
  grammar = g;
});

/** [text, innermost scope] for every token of one line (the root scope is dropped). */
function tokens(line: string): Array<[string, string]> {
  return grammar.tokenizeLine(line, INITIAL).tokens.map((t) => [
    line.slice(t.startIndex, t.endIndex), t.scopes.slice(1).join(' ') || '(none)',
  ]);
}
/** Innermost scope of the token that covers `needle` (first occurrence). */
function scopeOf(line: string, needle: string): string {
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${line}`);
  const t = grammar.tokenizeLine(line, INITIAL).tokens.find((k) => k.startIndex <= at && at < k.endIndex);
  return t ? t.scopes[t.scopes.length - 1] : '(none)';
}

test('an istioctl-generated line: Istio key, operator, single-quoted value', () => {
  assert.deepEqual(tokens("CA_ADDR='istiod-rev-1.istio-system.svc:15012'"), [
    ['CA_ADDR', `support.variable.istio${G}`],
    ['=', `keyword.operator.assignment${G}`],
    ["'", `string.quoted.single${G} punctuation.definition.string.begin${G}`],
    ['istiod-rev-1.istio-system.svc:15012', `string.quoted.single${G}`],
    ["'", `string.quoted.single${G} punctuation.definition.string.end${G}`],
  ]);
});

test('comments, at line start and after a value', () => {
  assert.deepEqual(tokens('# written by istioctl'), [
    ['#', `comment.line.number-sign${G} punctuation.definition.comment${G}`],
    [' written by istioctl', `comment.line.number-sign${G}`],
  ]);
  assert.equal(scopeOf("ISTIO_SERVICE='foo.bar' # the service", 'the service'), `comment.line.number-sign${G}`);
  // a # inside a word is part of the value, as in the shell
  assert.equal(scopeOf('MY_VAR=a#b', 'a#b'), `string.unquoted${G}`);
});

test('${VAR} and $VAR expand in double quotes and bare values, not in single quotes', () => {
  const line = 'PROXY_URL="https://${HOST:-istiod}:$PORT/x"';
  assert.equal(scopeOf(line, 'PROXY_URL'), `variable.other.key${G}`);
  assert.equal(scopeOf(line, '${'), `punctuation.definition.variable.begin${G}`);
  assert.equal(scopeOf(line, 'HOST'), `variable.other.interpolated${G}`);
  assert.equal(scopeOf(line, ':-'), `keyword.operator.expansion${G}`);
  assert.equal(scopeOf(line, 'istiod'), `string.unquoted.default${G}`);
  assert.equal(scopeOf(line, 'PORT'), `variable.other.interpolated${G}`);
  assert.equal(scopeOf(line, 'https://'), `string.quoted.double${G}`);
  assert.equal(scopeOf('A=${B}c', 'B'), `variable.other.interpolated${G}`);
  assert.equal(scopeOf('A=${B}c', 'c'), `string.unquoted${G}`);
  // single quotes are literal
  assert.equal(scopeOf("A='${B}'", 'B'), `string.quoted.single${G}`);
  assert.equal(scopeOf('A="say \\"hi\\""', '\\"'), `constant.character.escape${G}`);
});

test('export prefix and a JSON value in single quotes', () => {
  const line = `export ISTIO_METAJSON_LABELS='{"app":"foo"}'`;
  assert.equal(scopeOf(line, 'export'), `storage.modifier.export${G}`);
  assert.equal(scopeOf(line, 'ISTIO_METAJSON_LABELS'), `support.variable.istio${G}`);
  assert.equal(scopeOf(line, '"app"'), `string.quoted.single${G}`);
});

test('a line that is not KEY=value is marked invalid; a blank line is not', () => {
  assert.equal(scopeOf('not an assignment', 'not'), `invalid.illegal.not-an-assignment${G}`);
  assert.equal(scopeOf('1BAD=x', '1BAD'), `invalid.illegal.not-an-assignment${G}`);
  assert.deepEqual(tokens('   '), [['   ', '(none)']]);
});

test('every line of an istioctl-generated cluster.env tokenises without invalid tokens', () => {
  const sample = [
    "CANONICAL_REVISION='latest'", "ISTIO_INBOUND_PORTS='*'", "ISTIO_META_MESH_ID=''",
    `ISTIO_METAJSON_LABELS='{"service.istio.io/canonical-name":"foo"}'`, "ISTIO_SVC_IP='fd00:10:96::1'",
  ];
  for (const line of sample) {
    for (const [text, scope] of tokens(line)) assert.ok(!scope.includes('invalid'), `${line}: ${text} is ${scope}`);
    assert.equal(tokens(line)[0][1], `support.variable.istio${G}`, line);
  }
});
