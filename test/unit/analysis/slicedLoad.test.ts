// The cold-load path: `load` indexes, `checkSome` runs the checks in slices. The findings must
// be byte-identical to one cold `apply`, on the fixtures and on a generated corpus, and edits
// afterwards must behave as after a cold `apply`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseFixture } from '../helpers/fixture';
import { repoRoot, sharedDir } from '../validate/helpers';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { createAnalysis, type Analysis, type FileChange } from '../../../server/src/core/analysis/index';
import type { Finding } from '../../../server/src/core/diagnostics/finding';

const changesOf = (files: ReadonlyArray<{ uri: string; text: string }>): FileChange[] =>
  files.map((f) => ({ uri: f.uri, resources: resourcesOf(parseYamlFile(f.uri, f.text)), text: f.text }));
const json = (m: ReadonlyMap<string, Finding[]>) => JSON.stringify([...m].sort(([a], [b]) => a.localeCompare(b)));

/** Loads `changes`, then checks `per` resources at a time; returns the analysis and what the last slice published. */
function sliced(changes: FileChange[], per: number): { analysis: Analysis; published: Map<string, Finding[]>; slices: number } {
  const analysis = createAnalysis();
  analysis.load(changes);
  const queued = analysis.pendingChecks;
  let slices = 0;
  for (;;) {
    const r = analysis.checkSome({ maxResources: per });
    slices++;
    assert.ok(r.checked <= per && r.checked >= 1, `slice checked ${r.checked}`);
    if (!r.done) {
      assert.equal(r.findings.size, 0, 'nothing is published before the load is done');
      continue;
    }
    assert.equal(analysis.pendingChecks, 0);
    assert.ok(slices >= Math.ceil(queued / per));
    return { analysis, published: r.findings, slices };
  }
}

function assertSameAsApply(files: ReadonlyArray<{ uri: string; text: string }>, per: number): { oneShot: Analysis; slicedRun: Analysis } {
  const oneShot = createAnalysis();
  const applied = oneShot.apply(changesOf(files));
  const s = sliced(changesOf(files), per);
  assert.equal(json(s.analysis.allFindings()), json(oneShot.allFindings()));
  assert.equal(json(s.published), json(applied));
  return { oneShot, slicedRun: s.analysis };
}

function fixtureFiles(): Array<{ uri: string; text: string }> {
  const out: Array<{ uri: string; text: string }> = [];
  for (const d of ['test/unit/fixtures/analysis', 'test/unit/fixtures/analysis-istioctl']) {
    const dir = path.join(repoRoot, d);
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
      // Each fixture in its own folder of URIs, all in one workspace.
      for (const f of parseFixture(fs.readFileSync(path.join(dir, name), 'utf8')).files) out.push({ uri: `${d}/${name}/${f.uri}`, text: f.text });
    }
  }
  return out;
}

test('sliced load equals one cold apply on every fixture, and the findings are not empty', () => {
  const files = fixtureFiles();
  for (const per of [1, 7, 1000]) {
    const { oneShot } = assertSameAsApply(files, per);
    assert.ok(oneShot.allFindings().size > 20);
  }
});

test('sliced load by time: a zero-millisecond budget still makes progress', () => {
  const files = fixtureFiles();
  const analysis = createAnalysis();
  analysis.load(changesOf(files));
  let n = 0;
  for (;;) {
    const r = analysis.checkSome({ maxMs: 0 });
    n++;
    if (r.done) break;
    assert.ok(r.checked >= 1);
  }
  assert.ok(n > 1, 'a zero budget takes several slices');
  const oneShot = createAnalysis();
  oneShot.apply(changesOf(files));
  assert.equal(json(analysis.allFindings()), json(oneShot.allFindings()));
});

test('edits after a sliced load give what they give after a cold apply; an apply mid-load finishes it', () => {
  const files = fixtureFiles();
  const { oneShot, slicedRun } = assertSameAsApply(files, 13);
  // Rename a label everywhere in one file and delete another: both analyses must publish the same.
  const i = files.findIndex((f) => /\bapp: /.test(f.text));
  const edited = [{ uri: files[i].uri, text: files[i].text.replace(/\bapp: /g, 'apx: ') }];
  const deleted: FileChange = { uri: files[i + 1].uri, resources: null };
  const a = oneShot.apply([...changesOf(edited), deleted]);
  const b = slicedRun.apply([...changesOf(edited), deleted]);
  assert.ok(a.size > 0);
  assert.equal(json(b), json(a));
  assert.equal(json(slicedRun.allFindings()), json(oneShot.allFindings()));

  // An apply while checks are still queued runs them first, then the edit.
  const mid = createAnalysis();
  mid.load(changesOf(files));
  assert.equal(mid.checkSome({ maxResources: 5 }).done, false);
  const fresh = createAnalysis();
  fresh.apply(changesOf(files));
  const edit = (x: Analysis) => x.apply([...changesOf(edited), deleted]);
  const midOut = edit(mid);
  edit(fresh);
  // Nothing was published yet: the mid-load apply publishes every file's findings after the edit.
  assert.equal(json(midOut), json(fresh.allFindings()));
  assert.equal(json(mid.allFindings()), json(fresh.allFindings()));
});

test('sliced load equals one cold apply on a generated corpus', { skip: !fs.existsSync(path.join(sharedDir, 'bench/gen-corpus.mjs')) && 'generator not present' }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hm-sliced-'));
  try {
    const r = spawnSync(process.execPath, [path.join(sharedDir, 'bench/gen-corpus.mjs'), '60', '--out', out, '--rate', '0.3'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.yaml')).sort()
      .map((f) => ({ uri: `file://${path.join(out, f)}`, text: fs.readFileSync(path.join(out, f), 'utf8') }));
    const { oneShot } = assertSameAsApply(files, 50);
    const n = [...oneShot.allFindings().values()].reduce((k, l) => k + l.length, 0);
    assert.ok(n > 5, `the corpus has planted mistakes (findings: ${n})`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('a cold load in parts (file by file, one file twice) checks each resource once and equals one apply', () => {
  const files = fixtureFiles();
  const oneShot = createAnalysis();
  const applied = oneShot.apply(changesOf(files));
  const parts = createAnalysis();
  // The first file comes first in an older version, then again at the end as it is.
  const older = { uri: files[0].uri, text: files[0].text.replace(/name: /, 'name: x') };
  for (const c of changesOf([older, ...files.slice(1), files[0]])) parts.load([c]);
  assert.equal(parts.pendingChecks > 0, true);
  let published = new Map<string, Finding[]>();
  for (let r = parts.checkSome({ maxResources: 10 }); ; r = parts.checkSome({ maxResources: 10 })) if (r.done) { published = r.findings; break; }
  assert.equal(parts.lastChecked, oneShot.lastChecked, 'every resource checked exactly once');
  assert.equal(json(parts.allFindings()), json(oneShot.allFindings()));
  assert.deepEqual([...published.keys()].sort(), [...applied.keys()].sort());
  assert.equal(json(published), json(applied));
});
