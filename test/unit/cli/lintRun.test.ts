import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finding } from '../../../server/src/core/diagnostics/finding';
import { createEngine } from '../../../server/src/node/engine';
import { lintInputs, toInput, type CrossFileHook } from '../../../server/src/cli/lintRun';

const enc = (s: string) => new TextEncoder().encode(s);

test('every file is checked before the cross-file hook runs; its findings join in file order', () => {
  const inputs = [
    toInput('a.yaml', 'file:///a.yaml', enc('apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n')),
    toInput('b.yaml', 'file:///b.yaml', enc('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: b\n---\n- x\n')),
    toInput('c.yaml', 'file:///c.yaml', Uint8Array.from([0xc3, 0x28])),
  ];
  let seen: string[] = [];
  const hook: CrossFileHook = (checks) => {
    seen = checks.flatMap((c) => c.resources.map((r) => `${r.kind}/${r.name}`));
    return [finding('YamlSyntax', { detail: 'cross' }, { uri: 'file:///a.yaml', span: { start: 15, end: 28 }, resource: { kind: 'Service', name: 'a', namespace: null } })];
  };
  const out = lintInputs(createEngine(), inputs, hook);
  assert.deepEqual(seen, ['Service/a', 'ServiceAccount/b']);
  assert.deepEqual(out.diagnostics.map((d) => [d.file, d.code, d.range.start.line, d.range.start.character]), [
    ['a.yaml', 'HM1001', 1, 0],
    ['b.yaml', 'HM1009', 5, 0],
    ['c.yaml', 'HM1007', 0, 0],
  ]);
  assert.deepEqual(out.diagnostics[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } });
  assert.deepEqual(out.diagnostics[0].resource, { kind: 'Service', name: 'a', namespace: null });
  assert.deepEqual(out.internalErrors, []);
});
