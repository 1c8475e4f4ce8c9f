// The CLI's output order is code-unit order, never the user's locale: the same files and findings
// are listed in the same order on every machine (a locale's collation would put `a_b` first and
// `B` last).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finding } from '../../../server/src/core/diagnostics/finding';
import { createEngine } from '../../../server/src/node/engine';
import { lintInputs, readInputs, toInput, type CrossFileHook } from '../../../server/src/cli/lintRun';

const NAMES = ['a_b.yaml', 'a1.yaml', 'B.yaml', 'a-b.yaml'];
const CODE_UNIT_ORDER = ['B.yaml', 'a-b.yaml', 'a1.yaml', 'a_b.yaml'];

test('files of a folder are linted and listed in code-unit order', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-order-'));
  try {
    // A top-level list: one warning per file.
    for (const n of NAMES) fs.writeFileSync(path.join(dir, n), '- a\n- b\n');
    const { inputs, ioErrors } = await readInputs([dir], Readable.from([]));
    assert.deepEqual(ioErrors, []);
    assert.deepEqual(inputs.map((i) => path.basename(i.file)), CODE_UNIT_ORDER);
    const out = lintInputs(createEngine(), inputs);
    assert.deepEqual([...new Set(out.diagnostics.map((d) => path.basename(d.file)))], CODE_UNIT_ORDER);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('findings at the same place are ordered by code in code-unit order', () => {
  const uri = 'file:///order.yaml';
  const at = (code: string) => ({ ...finding('YamlSyntax', { detail: code }, { uri, span: { start: 0, end: 4 } }), code });
  const hook: CrossFileHook = () => ['a_b', 'a1', 'B', 'a-b'].map(at);
  const out = lintInputs(createEngine(), [toInput('order.yaml', uri, new TextEncoder().encode('a: 1\n'))], hook);
  assert.deepEqual(out.diagnostics.map((d) => d.code), ['B', 'a-b', 'a1', 'a_b']);
});
