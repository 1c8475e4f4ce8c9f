// `hybrid-mesh lint` as users run it: the real bin script on temp files, every format and every
// exit status, and the exact JSON contract.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let root = '';
let dir = '';

const CLEAN = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews.shop.svc.cluster.local
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
---
apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: shop
spec:
  ports:
  - {name: http, port: 9080}
`;
const BAD = CLEAN.replace('  host: reviews', '  hostt: reviews');
const LIST = '- a\n- b\n';

function findRoot(): string {
  let d = __dirname;
  while (!fs.existsSync(path.join(d, 'bin', 'hybrid-mesh.js'))) d = path.dirname(d);
  return d;
}

function lint(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'hybrid-mesh.js'), 'lint', ...args], { cwd: dir, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  root = findRoot();
  if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(root, 'server/src/cli/main.ts')], outfile: path.join(root, 'dist/cli.js'), platform: 'node', target: 'node20', format: 'cjs', bundle: true, logLevel: 'warning' });
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-lint-'));
  fs.mkdirSync(path.join(dir, 'tree', 'nested', 'deeper'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'tree', '.hidden'));
  fs.writeFileSync(path.join(dir, 'clean.yaml'), CLEAN);
  fs.writeFileSync(path.join(dir, 'bad.yaml'), BAD);
  fs.writeFileSync(path.join(dir, 'list.yaml'), LIST);
  fs.writeFileSync(path.join(dir, 'tree', 'a.yml'), CLEAN);
  fs.writeFileSync(path.join(dir, 'tree', 'nested', 'deeper', 'b.yaml'), BAD);
  fs.writeFileSync(path.join(dir, 'tree', 'nested', 'notes.txt'), BAD);
  fs.writeFileSync(path.join(dir, 'tree', '.hidden', 'c.yaml'), BAD);
  fs.writeFileSync(path.join(dir, 'latin1.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
});

test('text: no output and exit 0 on a clean file', () => {
  assert.deepEqual(lint(['clean.yaml']), { code: 0, stdout: '', stderr: '' });
});

test('text: file:line:col (1-based), severity, code and message; exit 1 on an error', () => {
  const r = lint(['bad.yaml']);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.includes('bad.yaml:7:3: error HM2003 spec.hostt: unknown field "hostt"; did you mean "host"?'), r.stdout);
  assert.ok(lines.every((l) => /^bad\.yaml:\d+:\d+: (error|warning|information|hint) (HM|IST)\d{4} \S/.test(l)), r.stdout);
});

test('warnings alone exit 0', () => {
  const r = lint(['list.yaml']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^list\.yaml:1:1: warning HM1009 Document is a list/);
});

test('json: the exact contract, 0-based positions, key order as documented', () => {
  const r = lint(['--format', 'json', 'bad.yaml', 'clean.yaml']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { diagnostics: Array<Record<string, unknown>> };
  assert.deepEqual(Object.keys(out), ['diagnostics']);
  assert.ok(out.diagnostics.length >= 1);
  for (const d of out.diagnostics) {
    assert.deepEqual(Object.keys(d), ['file', 'range', 'severity', 'code', 'message', 'resource']);
    assert.deepEqual(Object.keys(d.range as object), ['start', 'end']);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity as string));
    assert.equal(d.file, 'bad.yaml');
  }
  const unknown = out.diagnostics.find((d) => d.code === 'HM2003');
  assert.deepEqual(unknown, {
    file: 'bad.yaml',
    range: { start: { line: 6, character: 2 }, end: { line: 6, character: 7 } },
    severity: 'error',
    code: 'HM2003',
    message: 'spec.hostt: unknown field "hostt"; did you mean "host"?',
    resource: { kind: 'DestinationRule', name: 'reviews', namespace: 'shop' },
  });
  const clean = lint(['--format=json', 'clean.yaml']);
  assert.deepEqual(clean, { code: 0, stdout: '{"diagnostics":[]}\n', stderr: '' });
  const list = JSON.parse(lint(['--format', 'json', 'list.yaml']).stdout) as typeof out;
  assert.equal(list.diagnostics[0].resource, null);
});

test('directories are searched recursively for .yaml/.yml, skipping dot-folders and other files', () => {
  const r = lint(['--format', 'json', 'tree']);
  assert.equal(r.code, 1);
  const files = new Set((JSON.parse(r.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file));
  assert.deepEqual([...files], [path.join('tree', 'nested', 'deeper', 'b.yaml')]);
});

test("'-' reads standard input", () => {
  const r = lint(['-'], BAD);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^<stdin>:7:3: error HM2003 /m);
  assert.deepEqual(lint(['-'], CLEAN), { code: 0, stdout: '', stderr: '' });
});

test('invalid UTF-8 is a diagnostic, not a crash', () => {
  const r = lint(['--format', 'json', 'latin1.yaml']);
  assert.equal(r.code, 1);
  const d = (JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; range: unknown }> }).diagnostics;
  assert.deepEqual(d.map((x) => x.code), ['HM1007']);
  assert.equal(r.stderr, '');
});

test('sarif 2.1.0: rules from the catalog, results with 1-based regions and relative URIs', () => {
  const r = lint(['--format', 'sarif', path.join(dir, 'bad.yaml')]);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'hybrid-mesh');
  const rule = driver.rules.find((x: { id: string }) => x.id === 'HM2003');
  assert.ok(rule);
  assert.equal(typeof rule.shortDescription.text, 'string');
  assert.ok(rule.shortDescription.text.length > 0);
  assert.equal(rule.helpUri, 'https://github.com/hybrid-mesh/hybrid-mesh/blob/main/docs/codes/HM2003.md');
  assert.equal(rule.defaultConfiguration.level, 'error');
  const res = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'HM2003');
  assert.equal(res.level, 'error');
  assert.equal(res.message.text, 'spec.hostt: unknown field "hostt"; did you mean "host"?');
  assert.deepEqual(res.locations[0].physicalLocation, {
    artifactLocation: { uri: 'bad.yaml' },
    region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 8 },
  });
  assert.equal(driver.rules[res.ruleIndex].id, 'HM2003');
  const clean = JSON.parse(lint(['--format', 'sarif', 'clean.yaml']).stdout);
  assert.deepEqual(clean.runs[0].results, []);
});

test('exit 2 with a one-line message on usage and I/O failures', () => {
  for (const args of [['--bogus', 'clean.yaml'], [], ['--format', 'xml', 'clean.yaml'], ['--format'], ['missing.yaml']]) {
    const r = lint(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^hybrid-mesh lint: /, args.join(' '));
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  assert.equal(lint(['missing.yaml']).stderr, 'hybrid-mesh lint: missing.yaml: no such file or directory\n');
  // An unreadable path does not hide the diagnostics of the readable ones.
  const mixed = lint(['missing.yaml', 'bad.yaml']);
  assert.equal(mixed.code, 2);
  assert.match(mixed.stdout, /^bad\.yaml:7:3: error HM2003 /m);
});
