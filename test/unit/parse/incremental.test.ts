// Incremental re-parse after an edit must give exactly what a full parse gives: same document
// boundaries, indexes, values and problems. Checked on many edits of many kinds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlFile, type ParsedFile } from '../../../server/src/core/parse/documents';
import { commonPrefix, commonSuffix, reparseYamlFile } from '../../../server/src/core/parse/incremental';
import { createCore } from '../../../server/src/core/index';
import { testRegistry } from '../validate/helpers';

const doc = (i: number) => `apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: vm-${i}\n  namespace: ns\nspec:\n  address: 10.0.0.${i}\n  ports:\n    http: ${8000 + i}\n`;
const base = '# header comment\n' + Array.from({ length: 12 }, (_, i) => '---\n' + doc(i)).join('');

function shape(f: ParsedFile) {
  return {
    docs: f.documents.map((d) => ({ index: d.index, span: d.span, value: d.value, text: d.chunk.text, problems: d.problems.map((p) => [p.code, p.span, p.docIndex]) })),
    problems: f.problems.map((p) => [p.code, p.span]),
  };
}

function edits(text: string): [string, string][] {
  const out: [string, string][] = [];
  let seed = 3;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const inserts = ['x', '\n', '---\n', '--- ', '-', '# c\n', 'a: 1\n', '  ', '\t', '...\n', '%YAML 1.2\n', ': ', '"', '\0', '\r', '---\nkind: X\n'];
  for (let k = 0; k < 300; k++) {
    const at = rnd(text.length + 1);
    const kind = rnd(3);
    if (kind === 0) out.push([`insert ${JSON.stringify(inserts[k % inserts.length])} at ${at}`, text.slice(0, at) + inserts[k % inserts.length] + text.slice(at)]);
    else if (kind === 1) {
      const n = 1 + rnd(40);
      out.push([`delete ${n} at ${at}`, text.slice(0, at) + text.slice(at + n)]);
    } else {
      const n = 1 + rnd(5);
      out.push([`replace ${n} at ${at}`, text.slice(0, at) + 'zz'.slice(0, n) + text.slice(at + n)]);
    }
  }
  // Boundaries: the very start, the very end, around every marker.
  for (let i = text.indexOf('---'); i >= 0; i = text.indexOf('---', i + 1)) {
    out.push([`delete marker char at ${i}`, text.slice(0, i) + text.slice(i + 1)]);
    out.push([`before marker ${i}`, text.slice(0, i) + 'k: v\n' + text.slice(i)]);
    out.push([`after marker ${i}`, text.slice(0, i + 4) + '\n' + text.slice(i + 4)]);
  }
  out.push(['prepend', 'x: 1\n' + text], ['append', text + 'y: 2\n'], ['append marker', text + '---\n'], ['empty', ''], ['only comment', '# x\n'], ['same', text]);
  return out;
}

test('incremental re-parse equals a full parse after every edit', () => {
  const prev = parseYamlFile('u', base);
  let checked = 0;
  for (const [what, next] of edits(base)) {
    const inc = reparseYamlFile(prev, next);
    const full = parseYamlFile('u', next);
    assert.deepEqual(shape(inc), shape(full), what);
    checked++;
  }
  assert.ok(checked > 300);
});

test('chains of edits stay equal to a full parse', () => {
  let prev = parseYamlFile('u', base);
  for (const [what, next] of edits(base).slice(0, 120)) {
    const inc = reparseYamlFile(prev, next);
    assert.deepEqual(shape(inc), shape(parseYamlFile('u', next)), what);
    prev = inc;
  }
});

test('unchanged documents are reused, not re-parsed', () => {
  const prev = parseYamlFile('u', base);
  const at = base.indexOf('name: vm-5') + 'name: vm-5'.length;
  const next = base.slice(0, at) + '0' + base.slice(at);
  const inc = reparseYamlFile(prev, next);
  assert.equal(inc.documents[0], prev.documents[0], 'document before the edit: same object');
  assert.equal(inc.documents[5].value && (inc.documents[5].value as { metadata: { name: string } }).metadata.name, 'vm-50');
  assert.equal(inc.documents[7].chunk, prev.documents[7].chunk, 'document after the edit: same chunk, moved');
  assert.equal(inc.documents[7].span.start, prev.documents[7].span.start + 1);
});

test('common prefix and suffix across block boundaries', () => {
  const a = 'a'.repeat(40000) + 'X' + 'b'.repeat(40000);
  const b = 'a'.repeat(40000) + 'YY' + 'b'.repeat(40000);
  assert.equal(commonPrefix(a, b), 40000);
  assert.equal(commonSuffix(a, b, a.length - 40000), 40000);
  assert.equal(commonPrefix(a, a), a.length);
});

test('the facade gives the same findings incrementally as from scratch', () => {
  const bad = base.replace('http: 8003', 'http: 80800').replace('name: vm-9', 'name: VM_9');
  const warm = createCore({ registry: testRegistry() });
  warm.checkFile('u', base);
  for (const [what, next] of [['bad', bad], ...edits(bad).slice(0, 60)] as [string, string][]) {
    const a = warm.checkFile('u', next);
    const b = createCore({ registry: testRegistry() }).checkFile('u', next);
    assert.deepEqual(a.findings, b.findings, what);
    assert.deepEqual(a.resources.map((r) => [r.docIndex, r.span, r.name]), b.resources.map((r) => [r.docIndex, r.span, r.name]), what);
  }
});
