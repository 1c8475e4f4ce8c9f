// checkDocument takes the chunk: spans of a document the fast reader read come from its text,
// without building the `yaml` Document; a document `yaml` read is located through its Document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChunk, type ChunkParse } from '../../../server/src/core/parse/chunk';
import { checkDocument } from '../../../server/src/core/validate/check-document';
import { SchemaCompiler } from '../../../server/src/core/validate/ajv';

const deps = { registry: undefined, compiler: new SchemaCompiler(), evaluateCel: undefined, logger: { error: () => undefined } };

function counted(chunk: ChunkParse): { chunk: ChunkParse; built: () => number } {
  let n = 0;
  return { chunk: { ...chunk, docAt: (o: number) => (n++, chunk.docAt(o)) }, built: () => n };
}

test('a fast-read document is located from its text, without the yaml Document', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n';
  const parsed = parseChunk(text);
  assert.equal(parsed.fast, true);
  const { chunk, built } = counted(parsed);
  const found = checkDocument(deps, chunk);
  assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), ['Bad_Name']);
  assert.equal(built(), 0);
});

test('a document the fast reader refused is located through the yaml Document, same span', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: Bad_Name\n';
  const parsed = parseChunk(text);
  assert.equal(parsed.fast, false);
  const { chunk, built } = counted(parsed);
  const found = checkDocument(deps, chunk);
  assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), ['Bad_Name']);
  assert.ok(built() > 0);
});
