import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlockYaml } from '../../../server/src/core/analysis/blockYaml';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { documentHead, nodeAt, spanOfPath } from '../../../server/src/core/parse/pointer';
import { headOf } from '../../../server/src/core/analysis/analyzers/istHelpers';
import type { Path } from '../../../server/src/core/model/resource';

/** Every path of the value, plus a missing key under each map and a missing index after each list. */
function pathsOf(v: unknown, p: Path = []): Path[] {
  const out: Path[] = [p];
  if (Array.isArray(v)) {
    v.forEach((x, i) => out.push(...pathsOf(x, [...p, i])));
    out.push([...p, v.length]);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...p, k]));
    out.push([...p, 'missing']);
  }
  return out;
}

/** Reads every document of `text` and checks each answer against the yaml Document; returns how many were read. */
function compare(text: string): number {
  let read = 0;
  for (const r of resourcesOf(parseYamlFile('file:///t.yaml', text))) {
    const b = BlockYaml.read(text.slice(r.span.start, r.span.end), r.span.start);
    if (!b) continue;
    read++;
    assert.deepEqual(b.documentHead(), documentHead(r.doc));
    for (const p of pathsOf(r.value)) {
      for (const part of ['value', 'key'] as const) {
        const mine = b.spanOfPath(p, part);
        if (mine) assert.deepEqual(mine, spanOfPath(r.doc, p, part), `${JSON.stringify(p)} ${part}`);
      }
      const h = b.headOf(p);
      if (h) assert.deepEqual(h, headOf(r.doc, p), `head ${JSON.stringify(p)}`);
      assert.equal(b.has(p), nodeAt(r.doc, p) !== undefined, `has ${JSON.stringify(p)}`);
    }
  }
  return read;
}

const BLOCK = `# leading comment
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: cart   # trailing comment
  namespace: "shop"
  labels:
    app.kubernetes.io/name: 'cart'
spec:
  host: cart.shop.svc.cluster.local
  subsets:
  - name: v1
    labels:
      version: v1

  - name: v2
    labels: 
      version:   v2  
  # a comment between keys
  trafficPolicy:
    portLevelSettings:
      - port:
          number: 80
        tls:
          mode: DISABLE
    loadBalancer:
      simple: ROUND_ROBIN
---
apiVersion: v1
kind: Service
metadata:
  name: cart
spec:
  ports:
  - port: 80
    name: http
  - 8080
  selector:
    app: cart
`;

test('block YAML: every span, head and presence equals the yaml Document answer', () => {
  assert.equal(compare(BLOCK), 2);
  // Without a trailing newline, and with the last value followed by a comment.
  assert.equal(compare(BLOCK.trimEnd()), 2);
  assert.equal(compare(`${BLOCK}# trailing comment\n\n`), 2);
});

test('block YAML: exact ranges of a key, a quoted value and a sequence item', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "cart"\nspec:\n  ports:\n  - port: 80\n';
  const b = BlockYaml.read(text, 100)!;
  assert.ok(b);
  assert.deepEqual(b.documentHead(), { start: 115, end: 119 });
  assert.deepEqual(b.spanOfPath(['metadata', 'name'], 'value'), { start: 147, end: 153 });
  assert.deepEqual(b.spanOfPath(['metadata', 'name'], 'key'), { start: 141, end: 145 });
  assert.deepEqual(b.spanOfPath(['spec', 'ports', 0, 'port'], 'value'), { start: 179, end: 181 });
  // A missing field of a list item lands on the item (through its trailing newline, as yaml draws it).
  assert.deepEqual(b.spanOfPath(['spec', 'ports', 0, 'protocol'], 'value'), { start: 173, end: 182 });
  // Otherwise on the key of the deepest existing ancestor.
  assert.deepEqual(b.spanOfPath(['spec', 'selector', 'app'], 'value'), { start: 154, end: 158 });
});

test('block YAML: anything beyond plain block style is left to the yaml Document', () => {
  const head = 'apiVersion: v1\nkind: Service\n';
  for (const body of [
    'metadata: {name: cart}\n', // flow map
    'spec:\n  ports: [80]\n', // flow sequence
    'metadata:\n  name: &n cart\n', // anchor
    'spec:\n  x: *n\n', // alias
    'metadata:\n  name: !!str cart\n', // tag
    'data:\n  mesh: |\n    a: b\n', // block scalar
    'metadata:\n  name: a long\n    plain scalar\n', // multi-line plain scalar
    'metadata:\n  "name": cart\n', // quoted key
    'metadata:\n  name: "a \\" b"\n', // escapes
    'metadata:\n  name: \'it\'\'s\'\n', // escaped single quote
    'metadata:\n\tname: cart\n', // tab
    'metadata:\n  name:\n', // empty value
    '? complex\n: key\n', // explicit key
    'spec:\n  true: 1\n', // a key that is not a string
    'spec:\n  - a\n  -\n    - b\n', // nested sequence
  ]) {
    assert.equal(BlockYaml.read(head + body, 0), null, JSON.stringify(body));
  }
  assert.notEqual(BlockYaml.read(`${head}metadata:\n  name: cart\n`, 0), null);
});
