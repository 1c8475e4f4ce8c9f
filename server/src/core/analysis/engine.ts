// Incremental cross-resource analysis. `apply(changes)` updates the index, then re-checks only
// (a) every resource of a changed file (their spans may have moved) and (b) resources elsewhere
// whose recorded lookups touch a topic emitted by a resource that was added, edited or removed.
// It returns, per URI, the complete new finding list of every file whose findings changed.
// A cold start can also be split: `load` indexes and queues the checks, `checkSome` runs them in
// bounded slices (checks only read the index, so the result is the same as one `apply`).
import type { Finding } from '../diagnostics/finding';
import type { Resource } from '../model/resource';
import type { Analyzer } from './analyzer';
import { AnalysisContext } from './context';
import { topicsOf } from './topics';
import { TopicRecorder, type Topic } from './topic';
import { WorkspaceIndex, type Entry, type IndexOptions } from './workspaceIndex';
import { isSuppressed, suppressedCodes } from '../diagnostics/suppress';
import { compareText } from '../text/compare';

/** New resources of a file, or null when the file was deleted (a rename is a delete plus an add). */
export interface FileChange {
  uri: string;
  resources: readonly Resource[] | null;
  /**
   * The text the resources were parsed from. Optional, and without effect on the results: with
   * it, spans of findings in plain block YAML are found without building `yaml` Documents.
   */
  text?: string;
}

const jsonOf = (e: Entry): string => (e.json ??= JSON.stringify(e.resource.value));
/** Same content at the same place in the file (only the text around it may have moved). */
const same = (a: Entry, b: Entry): boolean => a.namespace === b.namespace && (a.resource.value === b.resource.value || jsonOf(a) === jsonOf(b));

/** A finding of a resource that moved by `delta` without changing (its own spans move along). */
function shift(f: Finding, delta: number): Finding {
  const out: Finding = { ...f, span: { start: f.span.start + delta, end: f.span.end + delta } };
  const d = f.data as { span?: unknown } | undefined;
  if (d && d.span && typeof d.span === 'object') {
    const sp = d.span as { start: number; end: number };
    out.data = { ...f.data, span: { start: sp.start + delta, end: sp.end + delta } } as Finding['data'];
  }
  return out;
}

const now = (): number => globalThis.performance.now();

/** Shared by every result without findings (most of them); never mutated, only replaced. */
const NO_FINDINGS: Finding[] = [];


export class Analysis {
  readonly index: WorkspaceIndex;
  private readonly byKind = new Map<string, Analyzer[]>();
  /** Entries holding a check result (Entry.result). */
  private resultCount = 0;
  /**
   * Topic id -> entries whose results depend on it: the reverse of Result.topics, built on the
   * first apply that can wake anybody (a cold start has nobody to wake, so it never pays for it).
   */
  private subscribers: Array<Set<Entry> | undefined> | null = null;
  private readonly recorder = new TopicRecorder();
  /** One context for every check: it holds nothing of its own besides where topics go. */
  private readonly ctx: AnalysisContext;
  private readonly published = new Map<string, string>();
  /** Subjects re-checked by the last apply (for tests and the bench). */
  lastChecked = 0;
  /** Entries `load` queued for checking, and how far `checkSome` got. */
  private queue: Entry[] = [];
  private queuePos = 0;
  /** The queued entries have no earlier result (a cold start). */
  private queueFresh = false;
  /** URIs whose findings may have changed since the last publication. */
  private touched = new Set<string>();

  constructor(analyzers: readonly Analyzer[], options: IndexOptions = {}) {
    this.index = new WorkspaceIndex(options);
    this.ctx = new AnalysisContext(this.index, this.recorder);
    for (const a of analyzers) {
      for (const k of a.subjects) {
        const list = this.byKind.get(k) ?? [];
        list.push(a);
        this.byKind.set(k, list);
      }
    }
  }

  apply(changes: readonly FileChange[]): Map<string, Finding[]> {
    this.load(changes);
    this.runQueued(Infinity, Infinity);
    return this.publish();
  }

  /**
   * Indexes `changes` and queues the checks they call for without running them: `checkSome`
   * runs them in bounded slices. Checks only read the index, so a sliced run ends with results
   * identical to one `apply`. A load on a fresh analysis is a cold start, and may come in
   * several parts (by files) before the first `checkSome`.
   */
  load(changes: readonly FileChange[]): void {
    // Before any check ran, a cold start can be loaded file by file: the checks of every part
    // wait for the whole index. Otherwise what is queued runs against the index it was queued for.
    const append = this.queueFresh && this.resultCount === 0 && this.queue.length > this.queuePos;
    if (!append) {
      this.runQueued(Infinity, Infinity);
      this.lastChecked = 0;
    }
    // Topics only wake up existing results: with none yet (a cold start) there is nobody to wake,
    // so the index need not track which presence topics flipped either.
    const wake = this.resultCount > 0;
    this.index.trackToggles = wake;
    const touchedUris = this.touched;
    if (!wake) {
      // A cold start: every new entry is checked, in file order; nothing else can be.
      const q = append ? this.queue : [];
      for (const c of changes) {
        touchedUris.add(c.uri);
        const update = c.resources ? this.index.update(c.uri, c.resources, c.text) : { kept: [], added: [], removed: this.index.remove(c.uri) };
        for (let i = 0; i < update.removed.length; i++) this.forget(update.removed[i]);
        for (let i = 0; i < update.kept.length; i++) if (!update.kept[i].entry.result) q.push(update.kept[i].entry);
        for (let i = 0; i < update.added.length; i++) q.push(update.added[i]);
      }
      this.index.drainToggled();
      if (!append) this.enqueue(q, true);
      return;
    }
    const topics = new Set<number>();
    const dirty = new Set<Entry>();
    // Unchanged resources of a changed file keep their results, shifted by how far they moved.
    const keep = new Map<Entry, number>();
    for (const c of changes) {
      touchedUris.add(c.uri);
      const update = c.resources ? this.index.update(c.uri, c.resources, c.text) : { kept: [], added: [], removed: this.index.remove(c.uri) };
      for (const { entry, delta } of update.kept) keep.set(entry, delta);
      for (const e of update.removed) this.forget(e);
      // What changed (not what was only re-indexed as it was) tells the other results. Within
      // one file a resource is known by its place.
      const addedAt = new Map(update.added.map((e) => [e.resource.docIndex, e]));
      const removedAt = new Map(update.removed.map((e) => [e.resource.docIndex, e]));
      for (const e of update.removed) {
        const n = addedAt.get(e.resource.docIndex);
        if (!(n && same(n, e))) this.emit(e, topics);
      }
      for (const e of update.added) {
        const b = removedAt.get(e.resource.docIndex);
        if (!(b && same(b, e))) this.emit(e, topics);
        dirty.add(e);
      }
      this.addTopic(this.index.fileTopic(c.uri), topics);
    }
    for (const t of this.index.drainToggled()) this.addTopic(t, topics);
    const subscribers = this.subscribersOf();
    for (const t of topics) for (const e of subscribers[t] ?? []) dirty.add(e);

    for (const [e, delta] of keep) {
      if (dirty.has(e)) continue;
      const r = e.result;
      if (!r) dirty.add(e); // an analyzer that never ran on it before
      else if (delta !== 0) r.findings = r.findings.map((f) => shift(f, delta));
    }
    this.enqueue([...dirty], false);
  }

  private enqueue(entries: Entry[], fresh: boolean): void {
    this.queue = entries;
    this.queuePos = 0;
    this.queueFresh = fresh;
  }

  /**
   * Runs queued checks until `maxResources` were checked or `maxMs` passed (at least one check
   * per call). When none remain (`done`), `findings` holds what `apply` would have returned for
   * the loads since the last publication; before that it is empty, because a file's findings are
   * complete only once all of its resources have been checked.
   */
  checkSome(budget: { maxMs?: number; maxResources?: number } = {}): { done: boolean; checked: number; findings: Map<string, Finding[]> } {
    const checked = this.runQueued(budget.maxResources ?? Infinity, budget.maxMs ?? Infinity);
    const done = this.queuePos >= this.queue.length;
    return { done, checked, findings: done ? this.publish() : new Map() };
  }

  /** Checks still queued by `load`. */
  get pendingChecks(): number {
    return this.queue.length - this.queuePos;
  }

  /** Runs queued checks within the budget; returns how many queue entries it consumed. */
  private runQueued(maxResources: number, maxMs: number): number {
    const q = this.queue;
    const end = Math.min(q.length, this.queuePos + Math.max(1, maxResources));
    const deadline = maxMs === Infinity ? Infinity : now() + maxMs;
    const fresh = this.queueFresh;
    let i = this.queuePos;
    while (i < end) {
      const e = q[i++];
      // An entry that left the index since it was queued is not checked; in a cold start an
      // entry queued by two parts of the load is checked once.
      if (e.indexed && !(fresh && e.result)) {
        this.check(e, fresh);
        // A cold start touched every file it loaded already.
        if (!fresh) this.touched.add(e.resource.uri);
      }
      // The clock is read every few checks: most take microseconds.
      if ((i & 15) === 0 && deadline !== Infinity && now() >= deadline) break;
    }
    const consumed = i - this.queuePos;
    this.queuePos = i;
    if (i >= q.length && q.length > 0) {
      this.queue = [];
      this.queuePos = 0;
    }
    return consumed;
  }

  /** Per URI touched since the last publication, its findings when they differ from the last sent. */
  private publish(): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    for (const uri of this.touched) {
      const list = this.findingsOf(uri);
      const sig = JSON.stringify(list);
      if ((this.published.get(uri) ?? '[]') !== sig) out.set(uri, list);
      if (list.length === 0) this.published.delete(uri);
      else this.published.set(uri, sig);
    }
    this.touched = new Set();
    return out;
  }

  /** Current findings of a file, ordered by position. */
  findingsOf(uri: string): Finding[] {
    const out: Finding[] = [];
    const entries = this.index.entriesOf(uri);
    for (let i = 0; i < entries.length; i++) {
      const r = entries[i].result;
      if (r && r.findings.length) out.push(...r.findings);
    }
    return out.length < 2 ? out : out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || compareText(a.code, b.code));
  }

  /** Every file with findings. */
  allFindings(): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    for (const uri of this.index.uris()) {
      const list = this.findingsOf(uri);
      if (list.length) out.set(uri, list);
    }
    return out;
  }

  private subscribersOf(): Array<Set<Entry> | undefined> {
    if (!this.subscribers) {
      const m: Array<Set<Entry> | undefined> = [];
      for (const uri of this.index.uris()) {
        for (const e of this.index.entriesOf(uri)) if (e.result) for (const t of e.result.topics) (m[t] ??= new Set()).add(e);
      }
      this.subscribers = m;
    }
    return this.subscribers;
  }

  private emit(e: Entry, topics: Set<number>): void {
    for (const t of topicsOf(e, this.index)) this.addTopic(t, topics);
  }

  /** A topic nothing ever recorded has no id, and nobody to wake. */
  private addTopic(topic: Topic, topics: Set<number>): void {
    if (topic.id >= 0) topics.add(topic.id);
  }

  private forget(e: Entry): void {
    const prev = e.result;
    if (!prev) return;
    if (this.subscribers) for (const t of prev.topics) this.subscribers[t]?.delete(e);
    e.result = null;
    this.resultCount--;
  }

  /** Runs the analyzers of `e`; `fresh` (a cold start) means it has no earlier result to forget. */
  private check(e: Entry, fresh = false): void {
    if (!fresh) this.forget(e);
    const analyzers = this.byKind.get(e.resource.kind);
    if (!analyzers) return;
    this.lastChecked++;
    this.recorder.begin();
    const ctx = this.ctx;
    let findings = NO_FINDINGS;
    for (let i = 0; i < analyzers.length; i++) {
      const a = analyzers[i];
      try {
        const found = a.check(e, ctx);
        if (found.length > 0) {
          if (findings === NO_FINDINGS) findings = [];
          findings.push(...found);
        }
      } catch (err) {
        // An analyzer bug must not take the others down, nor pass silently.
        if (findings === NO_FINDINGS) findings = [];
        findings.push(ctx.report('AnalyzerFailed', { analyzer: a.name, detail: err instanceof Error ? err.message : String(err) }, e, []));
      }
    }
    const silenced = findings.length === 0 ? undefined : suppressedCodes(e.resource.annotations);
    const kept = !silenced || silenced.size === 0 ? findings : findings.filter((f) => !isSuppressed(f.code, silenced));
    const topics = this.recorder.end();
    e.result = { findings: kept, topics };
    this.resultCount++;
    if (this.subscribers) for (const t of topics) (this.subscribers[t] ??= new Set()).add(e);
  }
}
