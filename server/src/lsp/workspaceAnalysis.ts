// The workspace analysis of the language server: every YAML file of the workspace (disk text,
// or the editor's text while a document is open) is checked once, its resources go into the
// core's incremental analysis, and cross-file findings are pushed for every file they concern,
// open or not. Per edit only the changed file is re-checked and only URIs whose findings
// changed are converted and sent.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createAnalysis, type Analysis, type FileChange } from '../core/analysis/index';
import type { Finding } from '../core/diagnostics/finding';
import type { Resource } from '../core/model/resource';
import { LineIndex } from '../core/text/span';
import type { Engine, FileCheck } from '../node/engine';
import { checkIsolated, type IsolatedCheck } from '../node/isolatedCheck';
import { DEFAULT_ANALYSIS_SETTINGS, sameAnalysisSettings, type AnalysisSettings } from './analysisSettings';
import type { PositionResolver, Positions } from './convert';
import type { FileListener, ScanListener } from './workspaceFiles';
import { compareText } from '../core/text/compare';

/** What the analysis needs from the session (kept narrow: the session owns the connection). */
/** An incremental update slower than this is logged (the budget per edit is 50 ms at p95). */
const SLOW_APPLY_MS = 200;
/** How long one slice of the first analysis may hold the event loop. */
const CHECK_SLICE_MS = 25;
/**
 * While a folder is scanned after start, its files are applied together (one by one, each apply
 * re-checks what the earlier ones touched and findings flicker as the folder fills in): at most
 * this long after the first file waiting...
 */
const SCAN_BATCH_MS = 250;
/** ...or as soon as this many wait, so a very large folder still shows progress. */
const SCAN_BATCH_FILES = 500;
/** Files one `apply` takes: more are applied in parts, with the event loop free in between. */
const MAX_APPLY_FILES = 100;

/**
 * Runs `f` a few event-loop turns later. A request read during a slice reaches its handler
 * through two `setImmediate` hops of the JSON-RPC layer (reader, then message queue): with three
 * hops of our own, the next slice runs after that handler instead of before it.
 */
function afterQueuedMessages(f: () => void): void {
  setImmediate(() => setImmediate(() => setImmediate(f)));
}

export interface AnalysisHost {
  readonly documents: TextDocuments<TextDocument>;
  readonly engine: Engine;
  readonly workspace: { onFile(l: FileListener): void; onScan?(l: ScanListener): void };
  onFileChecked(l: (check: FileCheck, doc: TextDocument) => void): void;
  applyCrossFile(byUri: ReadonlyMap<string, readonly Finding[]>, positionsOf: PositionResolver): void;
  log(message: string): void;
  /** Called after findings changed (code lenses may be stale). */
  analysisChanged(): void;
}

export class WorkspaceAnalysis {
  private analysis: Analysis | null = null;
  /** On-disk text of the workspace's YAML files. */
  private readonly disk = new Map<string, string>();
  /** Text of open documents as last checked (the offsets of their indexed resources). */
  private readonly openText = new Map<string, string>();
  /** Resources the analysis holds (or will hold) per URI. */
  private readonly resources = new Map<string, readonly Resource[]>();
  private readonly pending = new Set<string>();
  private readonly lines = new Map<string, { text: string; index: LineIndex }>();
  /**
   * The scan's check of a file not yet open, kept until the editor opens it with the same text:
   * the didOpen check then reuses it instead of checking the file a second time.
   */
  private readonly diskChecks = new Map<string, { text: string; check: IsolatedCheck }>();
  private settings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS;
  private scanned = false;
  /** URIs whose published analysis findings a rebuild must clear unless it finds them again. */
  private readonly stale = new Set<string>();
  private flushQueued = false;
  /** Folder scans running: their files wait for `batchTimer` (or the end of the scan). */
  private scanning = 0;
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Findings of the parts of a batch applied so far, sent with its last part (the editor never
   * sees a half-applied batch) or before an open document's own update (never out of order).
   */
  private readonly unpublished = new Map<string, Finding[]>();
  /** An analysis whose first checks are still running (see `rebuild`), and files changed meanwhile. */
  private loading: Analysis | null = null;
  private readonly changedWhileLoading = new Set<string>();
  /** Bumped by every rebuild: the slices of an older one stop. */
  private generation = 0;
  /**
   * During the first scan each file is indexed right after its check, while its resources are
   * still in the processor's caches (about a quarter cheaper than indexing them all afterwards);
   * the first analysis then only checks. What was indexed per URI, to load only what changed since.
   */
  private preload: { analysis: Analysis; settings: AnalysisSettings; loaded: Map<string, readonly Resource[] | null> } | null = null;

  constructor(private readonly host: AnalysisHost) {
    host.workspace.onFile((uri, text) => this.onDisk(uri, text));
    host.workspace.onScan?.({
      scanStarted: () => void this.scanning++,
      scanEnded: () => {
        this.scanning--;
        this.flushSoon();
      },
    });
    host.onFileChecked((check, doc) => this.onOpenChecked(check, doc));
  }

  /** The analysis, once the workspace has been scanned and while it is enabled. */
  get current(): Analysis | null {
    return this.scanned ? this.analysis : null;
  }

  /** Text the indexed resources of `uri` were parsed from. */
  textOf(uri: string): string | undefined {
    return this.openText.get(uri) ?? this.disk.get(uri);
  }

  /** Positions in the indexed text of `uri` (an open document's editor text when it matches). */
  positionsOf(uri: string): Positions | undefined {
    const text = this.textOf(uri);
    if (text === undefined) return undefined;
    const doc = this.host.documents.get(uri);
    if (doc && doc.getText() === text) return doc;
    let l = this.lines.get(uri);
    if (!l || l.text !== text) this.lines.set(uri, (l = { text, index: new LineIndex(text) }));
    return l.index;
  }

  /** The check of `uri` the scan made from this very text, if any (handed out once). */
  takeDiskCheck(uri: string, text: string): IsolatedCheck | undefined {
    const d = this.diskChecks.get(uri);
    if (!d) return undefined;
    this.diskChecks.delete(uri);
    return d.text === text ? d.check : undefined;
  }

  /** The scan has reported every file: analyse the whole workspace once. */
  scanFinished(): void {
    this.scanned = true;
    this.rebuild();
  }

  updateSettings(s: AnalysisSettings): void {
    if (sameAnalysisSettings(s, this.settings)) return;
    this.settings = s;
    if (this.scanned) this.rebuild();
  }

  /** An open document was closed: the file on disk (if any) takes its place again. */
  closed(uri: string): void {
    if (!this.openText.delete(uri)) return;
    const text = this.disk.get(uri);
    if (text === undefined) this.resources.delete(uri);
    else if (this.settings.enable) this.resources.set(uri, this.check(uri, text).resources);
    else this.resources.delete(uri);
    this.queue(uri);
    this.flushSoon();
  }

  private onDisk(uri: string, text: string | undefined): void {
    if (text === undefined) this.disk.delete(uri);
    else this.disk.set(uri, text);
    this.diskChecks.delete(uri);
    if (this.openText.has(uri)) return; // the editor's text wins while the document is open
    if (text === undefined) {
      this.resources.delete(uri);
      this.lines.delete(uri);
      this.host.engine.forget(uri);
    } else if (this.settings.enable) {
      const c = this.check(uri, text);
      this.diskChecks.set(uri, { text, check: c });
      this.resources.set(uri, c.resources);
    } else {
      this.resources.delete(uri); // re-checked when the analysis is turned on
    }
    if (!this.scanned) this.preloadFile(uri);
    this.queue(uri);
    this.flushSoon();
  }

  private preloadFile(uri: string): void {
    if (!this.settings.enable) return;
    if (!this.preload || !sameAnalysisSettings(this.preload.settings, this.settings)) {
      this.preload = { analysis: createAnalysis({ defaultNamespace: this.settings.defaultNamespace }), settings: this.settings, loaded: new Map() };
    }
    const resources = this.resources.get(uri) ?? null;
    try {
      this.preload.analysis.load([{ uri, resources, text: this.textOf(uri) }]);
      this.preload.loaded.set(uri, resources);
    } catch (e) {
      // The first analysis starts from scratch instead (and reports the failure if it recurs).
      this.host.log(`hybrid-mesh: indexing ${uri} during the scan failed: ${e instanceof Error ? e.message : String(e)}`);
      this.preload = null;
    }
  }

  private onOpenChecked(check: FileCheck, doc: TextDocument): void {
    const text = doc.getText();
    // Opening a file with its disk text changes nothing the analysis holds: nothing to apply.
    const same = this.textOf(doc.uri) === text && sameResources(this.resources.get(doc.uri), check.resources);
    this.openText.set(doc.uri, text);
    this.resources.set(doc.uri, check.resources);
    if (same) return;
    this.queue(doc.uri);
    // At once (alone, whatever a running scan has batched): the file's own diagnostics and the
    // cross-file ones go out together.
    this.flush(doc.uri);
    this.publish();
    this.flushSoon();
  }

  private check(uri: string, text: string): IsolatedCheck {
    const c = checkIsolated(this.host.engine, uri, text);
    for (const f of c.failures) this.host.log(`hybrid-mesh: analysis: checking ${uri} (document ${f.docIndex}) failed`);
    return c;
  }

  private queue(uri: string): void {
    if (this.scanned && this.analysis) this.pending.add(uri);
    else if (this.loading) this.changedWhileLoading.add(uri);
  }

  /** Applies the pending files on a later turn or, while a folder is scanned, with its batch. */
  private flushSoon(): void {
    if (this.flushQueued || this.pending.size === 0) return;
    if (this.scanning > 0 && this.pending.size < SCAN_BATCH_FILES) {
      this.batchTimer ??= setTimeout(() => this.queueFlush(), SCAN_BATCH_MS);
      return;
    }
    this.queueFlush();
  }

  private queueFlush(): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    if (this.flushQueued || this.pending.size === 0) return;
    this.flushQueued = true;
    // After requests read meanwhile: a large batch is applied in parts, each on its own turn.
    afterQueuedMessages(() => {
      this.flushQueued = false;
      this.flush();
      // The next part at once (its findings go out with the last part's); during a scan, a
      // remainder smaller than a part joins the next batch.
      if (this.pending.size >= (this.scanning > 0 ? MAX_APPLY_FILES : 1)) {
        this.queueFlush();
        return;
      }
      this.publish();
      this.flushSoon();
    });
  }

  /** Applies `only` (when pending), or up to MAX_APPLY_FILES pending files; see `publish`. */
  private flush(only?: string): void {
    const analysis = this.analysis;
    if (!this.scanned || !analysis || this.pending.size === 0) return;
    let uris: string[];
    if (only !== undefined) uris = this.pending.has(only) ? [only] : [];
    else uris = [...take(this.pending, MAX_APPLY_FILES)];
    for (const uri of uris) this.pending.delete(uri);
    if (uris.length === 0) return;
    // The text the resources came from lets the analysis find spans without YAML documents.
    const changes = uris.map((uri) => ({ uri, resources: this.resources.get(uri) ?? null, text: this.textOf(uri) }));
    const t0 = performance.now();
    let out: Map<string, Finding[]>;
    try {
      out = analysis.apply(changes);
    } catch (e) {
      // The per-file diagnostics stay; the analysis starts over from every file's text.
      this.host.log(`hybrid-mesh: workspace analysis failed (${e instanceof Error ? e.stack : String(e)}); rebuilding`);
      this.rebuild();
      return;
    }
    const ms = performance.now() - t0;
    if (ms > SLOW_APPLY_MS) this.host.log(`hybrid-mesh: analysis update of ${changes.length} file(s) took ${Math.round(ms)} ms`);
    for (const [uri, findings] of out) this.unpublished.set(uri, findings);
  }

  /** Sends the findings applied since the last call (newest list per URI). */
  private publish(): void {
    if (this.unpublished.size === 0) return;
    const out = new Map(this.unpublished);
    this.unpublished.clear();
    this.host.applyCrossFile(out, (u) => this.positionsOf(u));
    this.host.analysisChanged();
  }

  /**
   * A fresh analysis over every known file (first scan, namespace or enable changed). Files are
   * indexed in slices of ~25 ms, then the checks run in such slices (after the whole index: fed
   * file by file through `apply`, each part would re-check what the earlier ones subscribed to,
   * 20x slower at N=5000), with the event loop free in between, so requests are answered during
   * the first analysis. Findings are published once the whole load is done: before that a file's
   * list may be incomplete. Files that change meanwhile are applied as an edit right after.
   */
  private rebuild(): void {
    if (this.analysis) for (const uri of this.analysis.allFindings().keys()) this.stale.add(uri);
    if (this.loading) for (const uri of this.loading.allFindings().keys()) this.stale.add(uri);
    // Lists not sent yet (a cleared one is in no analysis' findings): the rebuild settles them too.
    for (const uri of this.unpublished.keys()) this.stale.add(uri);
    this.unpublished.clear();
    this.analysis = null;
    this.loading = null;
    this.pending.clear();
    const generation = ++this.generation;
    if (!this.settings.enable) {
      this.preload = null;
      this.finishRebuild(null, new Map());
      return;
    }
    // What the scan indexed already (same settings) is kept: only files that differ are loaded.
    const pre = this.preload && sameAnalysisSettings(this.preload.settings, this.settings) ? this.preload : null;
    this.preload = null;
    const analysis = pre?.analysis ?? createAnalysis({ defaultNamespace: this.settings.defaultNamespace });
    const changes: FileChange[] = [];
    const present = new Set([...this.disk.keys(), ...this.openText.keys()]);
    for (const uri of present) {
      let res = this.resources.get(uri);
      if (!res) this.resources.set(uri, (res = this.check(uri, this.textOf(uri)!).resources));
      if (pre && pre.loaded.get(uri) === res) continue;
      changes.push({ uri, resources: res, text: this.textOf(uri) });
    }
    // Indexed during the scan, gone since (a file deleted during the scan was dropped already).
    if (pre) for (const [uri, res] of pre.loaded) if (res !== null && !present.has(uri)) changes.push({ uri, resources: null });
    const t0 = performance.now();
    const failed = (e: unknown) => {
      this.loading = null;
      this.host.log(`hybrid-mesh: workspace analysis failed, cross-file checks are off until the next change of settings: ${e instanceof Error ? e.stack : String(e)}`);
      this.finishRebuild(null, new Map());
    };
    this.loading = analysis;
    let next = 0;
    let indexed = false;
    const slice = () => {
      if (generation !== this.generation) return; // a newer rebuild took over
      try {
        const start = performance.now();
        if (next < changes.length) {
          // Indexing, file by file (a cold load may come in parts), then the checks.
          while (next < changes.length && performance.now() - start < CHECK_SLICE_MS) analysis.load([changes[next++]]);
          afterQueuedMessages(slice);
          return;
        }
        if (!indexed) {
          indexed = true;
          const during = pre ? `${pre.loaded.size} of them during the scan, ` : '';
          this.host.log(`hybrid-mesh: workspace analysis started: ${present.size} files indexed (${during}${changes.length} in ${Math.round(performance.now() - t0)} ms), ${analysis.pendingChecks} resources to check`);
        }
        const r = analysis.checkSome({ maxMs: CHECK_SLICE_MS });
        if (!r.done) {
          afterQueuedMessages(slice);
          return;
        }
        this.host.log(`hybrid-mesh: workspace analysis of ${present.size} files in ${Math.round(performance.now() - t0)} ms`);
        this.loading = null;
        this.finishRebuild(analysis, r.findings);
      } catch (e) {
        failed(e);
      }
    };
    slice();
  }

  private finishRebuild(analysis: Analysis | null, found: ReadonlyMap<string, Finding[]>): void {
    this.analysis = analysis;
    const byUri = new Map<string, Finding[]>();
    for (const uri of this.stale) byUri.set(uri, []);
    this.stale.clear();
    for (const [uri, findings] of found) byUri.set(uri, findings);
    // In URI order, whatever order the scan reported the files in.
    const out = new Map([...byUri].sort(([a], [b]) => compareText(a, b)));
    if (out.size > 0) this.host.applyCrossFile(out, (u) => this.positionsOf(u));
    this.host.analysisChanged();
    // Files that changed while the checks ran.
    for (const uri of this.changedWhileLoading) this.queue(uri);
    this.changedWhileLoading.clear();
    this.flushSoon();
  }
}

function* take<T>(xs: Iterable<T>, n: number): Iterable<T> {
  if (n <= 0) return;
  for (const x of xs) {
    yield x;
    if (--n === 0) return;
  }
}

/** The same resource objects in the same order (a re-check of unchanged text reuses them). */
function sameResources(a: readonly Resource[] | undefined, b: readonly Resource[]): boolean {
  return a !== undefined && a.length === b.length && a.every((r, i) => r === b[i]);
}
