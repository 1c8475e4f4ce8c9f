// The fast locator must give exactly the spans pointer.ts gives on the `yaml` Document, for
// every path of every test document (plus missing children, both parts), whenever it answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { fastLocator } from '../../../server/src/core/parse/fast-locate';
import { documentHead, spanOfPath } from '../../../server/src/core/parse/pointer';
import { splitDocuments } from '../../../server/src/core/parse/split';
import type { Path } from '../../../server/src/core/model/resource';
import { repoRoot, sharedDir } from '../helpers/repo';

const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(d, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(d, e.name)] : []);

/** Every path in a plain value, and a missing child under each map and list. */
function pathsOf(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) {
    v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
    out.push([...at, v.length], [...at, 'x']);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
    out.push([...at, 'notAField'], [...at, 0]);
  }
  return out;
}

const HANDWRITTEN = [
  '---\n# c\na: []\nb: {}  # x\nc:\nd: \'it\'\'s\'\ne:\n- x\n- []\n-   y  # z\n- k: 1\n  j: 2\nf: -1.5\n"q": 1\n',
  'kind: Service\nmetadata:\n  name: "x"\n  labels: {}\nspec:\n  ports:\n  - port: 80\n    name:   http   # the port\n  -  - nested\n     - two\n',
  'apiVersion: v1\nlist:\n- a\n-\n- b: \nempty:\n',
  'just a scalar  ',
  'x: 1\r\ny:\r\n  z: "q"\r\n',
];

function documents(): string[] {
  const out = [...HANDWRITTEN];
  const dirs = [path.join(sharedDir, 'fixtures', 'samples'), path.join(repoRoot, 'examples')].filter((d) => fs.existsSync(d));
  for (const file of dirs.flatMap(walk)) {
    for (const c of splitDocuments(fs.readFileSync(file, 'utf8')) ?? []) out.push(c.text);
  }
  return out;
}

test('fast locator spans equal spanOfPath and documentHead on the yaml Document', () => {
  let located = 0;
  let docs = 0;
  for (const text of documents()) {
    const loc = fastLocator(text);
    if (!loc) continue;
    docs++;
    const doc = parseDocument(text);
    const head = loc.head();
    if (head) assert.deepEqual(head, documentHead(doc), `head of ${JSON.stringify(text.slice(0, 60))}`);
    for (const p of pathsOf(doc.toJS())) {
      for (const part of ['key', 'value'] as const) {
        const fast = loc.span(p, part);
        if (!fast) continue;
        located++;
        assert.deepEqual(fast, spanOfPath(doc, p, part), `${JSON.stringify(p)} ${part} in ${JSON.stringify(text.slice(0, 80))}`);
      }
    }
  }
  assert.ok(docs >= 50, `only ${docs} documents on the fast path`);
  assert.ok(located >= 2000, `only ${located} spans located`);
});

test('the fast locator answers keys and scalars and leaves collections to the yaml Document', () => {
  const text = 'kind: K\nspec:\n  ports:\n  - number: 80\n    name: "http"  # c\n';
  const loc = fastLocator(text)!;
  assert.deepEqual(loc.span(['spec', 'ports', 0, 'number'], 'key'), { start: 27, end: 33 });
  assert.deepEqual(loc.span(['spec', 'ports', 0, 'number']), { start: 35, end: 37 });
  assert.deepEqual(loc.span(['spec', 'ports', 0, 'name']), { start: 48, end: 54 });
  // A missing field lands on its parent's key.
  assert.deepEqual(loc.span(['spec', 'missing'], 'key'), { start: 8, end: 12 });
  // A sequence item that is a map has a collection range: only yaml knows it.
  assert.equal(loc.span(['spec', 'ports', 0]), undefined);
  assert.equal(loc.span(['spec', 'ports', 0, 'nope'], 'key'), undefined);
  assert.deepEqual(loc.head(), { start: 0, end: 4 });
  assert.equal(fastLocator('a: &x 1\nb: *x\n'), undefined);
});
