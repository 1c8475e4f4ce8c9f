// Test helpers: a core over the committed schemas/ and line/character assertions.
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core, type Finding } from '../../../server/src/core/index';
import { SchemaRegistry, type SchemaIndex } from '../../../server/src/core/schema/registry';
import { LineIndex } from '../../../server/src/core/text/span';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { fastParse } from '../../../server/src/core/parse/fast-yaml';
import { splitDocuments } from '../../../server/src/core/parse/split';

import { repoRoot, sharedDir } from '../helpers/repo';

export { repoRoot, sharedDir };
const schemasDir = path.join(repoRoot, 'schemas');

let registry: SchemaRegistry | undefined;
export function testRegistry(): SchemaRegistry {
  if (!registry) {
    const index = JSON.parse(fs.readFileSync(path.join(schemasDir, 'index.json'), 'utf8')) as SchemaIndex;
    registry = new SchemaRegistry(index, (file) => JSON.parse(fs.readFileSync(path.join(schemasDir, file), 'utf8')) as object);
  }
  return registry;
}

let shared: Core | undefined;
/** One core for all tests of a file (compiled validators are reused). */
export function testCore(): Core {
  shared ??= createCore({ registry: testRegistry() });
  return shared;
}

export interface Located {
  code: string;
  severity: string;
  message: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  text: string;
}

/**
 * Every document a test checks also passes through the differential check: when the fast reader
 * accepts it, `yaml` must accept it too and give the same value.
 */
export function assertFastAgrees(text: string): void {
  if (text.length > 1_000_000) return;
  for (const c of splitDocuments(text) ?? []) {
    const fast = fastParse(c.text);
    if (!fast) continue;
    const doc = parseDocument(c.text, { uniqueKeys: true, logLevel: 'silent' });
    assert.equal(doc.errors.length + doc.warnings.length, 0, `fast reader accepted a document yaml rejects:\n${c.text}`);
    assert.deepEqual(fast.value, doc.toJS({ maxAliasCount: 100 }), `fast reader and yaml disagree on:\n${c.text}`);
  }
}

/** Findings of `text` with 0-based positions and the exact text they cover. */
export function check(text: string, uri = 'file:///test.yaml', core = testCore()): Located[] {
  assertFastAgrees(text);
  const r = core.checkFile(uri, text);
  return locate(text, r.findings);
}

export function locate(text: string, findings: Finding[]): Located[] {
  const li = new LineIndex(text);
  return findings.map((f) => {
    const s = li.positionAt(f.span.start);
    const e = li.positionAt(f.span.end);
    return { code: f.code, severity: f.severity, message: f.message, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character, text: text.slice(f.span.start, f.span.end) };
  });
}

/** Builds YAML text from lines (keeps tests readable). */
export const yaml = (...lines: string[]) => lines.join('\n') + '\n';
