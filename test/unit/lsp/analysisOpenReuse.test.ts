// Opening a file with its disk text costs no second check and no analysis update: the scan's
// check is handed to the didOpen check once, and unchanged resources are not applied again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEngine } from '../../../server/src/node/engine';
import { checkIsolated } from '../../../server/src/node/isolatedCheck';
import type { FileCheck } from '../../../server/src/node/engine';
import type { FileListener } from '../../../server/src/lsp/workspaceFiles';
import { WorkspaceAnalysis } from '../../../server/src/lsp/workspaceAnalysis';
import { DR, K8S, VS } from './analysisFixtures';
import { until } from './serverHarness';

function setup() {
  const engine = createEngine();
  let onFile: FileListener = () => undefined;
  let onChecked: (c: FileCheck, d: TextDocument) => void = () => undefined;
  const applied: string[][] = [];
  const wa = new WorkspaceAnalysis({
    documents: new TextDocuments(TextDocument),
    engine,
    workspace: { onFile: (l) => void (onFile = l) },
    onFileChecked: (l) => void (onChecked = l),
    applyCrossFile: (byUri) => void applied.push([...byUri.keys()]),
    log: () => undefined,
    analysisChanged: () => undefined,
  });
  return { engine, wa, applied, disk: (u: string, t: string | undefined) => onFile(u, t), opened: (c: FileCheck, d: TextDocument) => onChecked(c, d) };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

test('the scan check of a file is handed out once, only for the same text', () => {
  const { engine, wa, disk } = setup();
  disk('file:///w/vs.yaml', VS);
  const c = wa.takeDiskCheck('file:///w/vs.yaml', VS);
  assert.ok(c);
  assert.deepEqual(c.findings, checkIsolated(engine, 'file:///w/vs.yaml', VS).findings);
  assert.equal(c.resources.length, 1);
  assert.equal(wa.takeDiskCheck('file:///w/vs.yaml', VS), undefined);
  disk('file:///w/dr.yaml', DR);
  assert.equal(wa.takeDiskCheck('file:///w/dr.yaml', DR + '\n# edited\n'), undefined);
  assert.equal(wa.takeDiskCheck('file:///w/dr.yaml', DR), undefined, 'a mismatch drops it');
  disk('file:///w/dr.yaml', DR);
  disk('file:///w/dr.yaml', undefined);
  assert.equal(wa.takeDiskCheck('file:///w/dr.yaml', DR), undefined, 'deleted on disk');
});

test('opening a file as on disk applies nothing; an edited one is applied', async () => {
  const { engine, wa, applied, disk, opened } = setup();
  disk('file:///w/vs.yaml', VS);
  disk('file:///w/dr.yaml', DR);
  disk('file:///w/k8s.yaml', K8S);
  wa.scanFinished();
  // The first analysis runs in slices: wait for it rather than for a fixed time (slow machines).
  await until('the first analysis', () => wa.current);
  assert.ok(wa.current, 'the first analysis finished');
  const analysis = wa.current;
  const apply = analysis.apply.bind(analysis);
  const applies: string[][] = [];
  analysis.apply = (changes) => {
    applies.push(changes.map((c) => c.uri));
    return apply(changes);
  };
  applied.length = 0;
  const same = TextDocument.create('file:///w/vs.yaml', 'yaml', 1, VS);
  opened(wa.takeDiskCheck(same.uri, VS)!, same);
  await settle();
  assert.deepEqual(applies, []);
  assert.deepEqual(applied, []);
  // Subset v2, which the VirtualService routes to, disappears: a cross-file finding appears.
  const edited = DR.replace('name: v2', 'name: v3');
  assert.notEqual(edited, DR);
  const doc = TextDocument.create('file:///w/dr.yaml', 'yaml', 1, edited);
  opened(checkIsolated(engine, doc.uri, edited), doc);
  await settle();
  assert.deepEqual(applies, [['file:///w/dr.yaml']], 'the edited file reached the analysis');
  assert.deepEqual(applied.map((u) => [...u].sort()), [['file:///w/dr.yaml', 'file:///w/vs.yaml']]);
  assert.equal(wa.textOf('file:///w/dr.yaml'), edited);
});
