// The YAML files of the workspace folders, on disk: a scan of each folder (in small batches, off
// the request path) as the folder appears, at start or later, and updates from
// `workspace/didChangeWatchedFiles`. Listeners get each file's text as it appears or changes, and
// `undefined` when it is deleted or leaves the workspace with its folder: the hook for
// workspace-wide analysis; scan listeners learn when a folder's scan begins and ends, to take its
// files as a batch. Open documents are the editor's business: their on-disk state is reported
// too, the session decides which text wins.
import fs from 'node:fs/promises';
import path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { decodeText } from '../core/parse/decode';
import { collectYamlFiles, isYamlPath } from '../node/files';
import { pathToUri, uriToPath } from '../node/uri';

export type FileListener = (uri: string, text: string | undefined) => void;

/**
 * Told when the scan of a folder begins and ends: the files reported in between (possibly
 * thousands) may be handled together instead of one by one.
 */
export interface ScanListener {
  scanStarted(): void;
  scanEnded(): void;
}

export const WATCH_GLOB = '**/*.{yaml,yml}';

const BATCH = 50;
/** The core does not check files above 16 MiB either; larger ones are left out of the scan. */
const MAX_SCAN_BYTES = 16 * 1024 * 1024;

export class WorkspaceFiles {
  private readonly listeners: FileListener[] = [];
  private readonly scanListeners: ScanListener[] = [];
  /** Files reported with a text and not deleted since. */
  readonly known = new Set<string>();
  /** Workspace folders, as absolute paths (they may nest or repeat). */
  private folders: string[] = [];
  /** Scans run one after the other: a file under several folders is read and reported once. */
  private scans: Promise<unknown> = Promise.resolve();
  /** Files the running scan has listed and not reported yet; a deletion takes a file out. */
  private readonly listed = new Set<string>();

  constructor(private readonly log: (m: string) => void) {}

  onFile(listener: FileListener): void {
    this.listeners.push(listener);
  }

  onScan(listener: ScanListener): void {
    this.scanListeners.push(listener);
  }

  /**
   * Adds folders and scans them after any scan still running; resolves when every file has been
   * reported, with the number of files found. Files already reported are not reported again.
   */
  scan(folderUris: readonly string[]): Promise<number> {
    const dirs = toPaths(folderUris);
    this.folders.push(...dirs);
    const run = this.scans.then(() => this.scanDirs(dirs));
    this.scans = run.catch(() => undefined);
    return run;
  }

  /**
   * Removes folders: their files that no remaining folder holds are reported deleted at once,
   * and a scan still running skips them.
   */
  remove(folderUris: readonly string[]): void {
    const gone = toPaths(folderUris);
    if (gone.length === 0) return;
    this.folders = this.folders.filter((f) => !gone.some((g) => samePath(f, g)));
    for (const uri of [...this.known]) {
      const p = uriToPath(uri);
      if (p && gone.some((g) => isUnder(p, g)) && !this.covers(p)) this.report(uri, undefined);
    }
  }

  async changed(events: readonly FileEvent[]): Promise<void> {
    // A burst of events (a branch checkout, a generator run) is applied like a folder scan: in
    // batches, not file by file.
    const burst = events.length > 1;
    if (burst) this.tellScan('scanStarted');
    try {
      for (const e of events) {
        if (e.type === FileChangeType.Deleted) {
          this.listed.delete(e.uri);
          if (this.known.has(e.uri)) this.report(e.uri, undefined);
        } else if (isYamlPath(e.uri)) await this.load(e.uri);
      }
    } finally {
      if (burst) this.tellScan('scanEnded');
    }
  }

  private async scanDirs(requested: readonly string[]): Promise<number> {
    // Off the request path: the listing below walks the folders synchronously.
    await new Promise((r) => setImmediate(r));
    // A folder removed before its turn is not listed.
    const dirs = requested.filter((d) => this.folders.some((f) => samePath(f, d)));
    const { files: paths, errors } = collectYamlFiles(dirs);
    for (const e of errors) this.log(`workspace scan: ${e}`);
    const files = [...new Set(paths)];
    this.tellScan('scanStarted');
    try {
      for (let i = 0; i < files.length; i += BATCH) {
        // Files already reported (by an overlapping folder or a watcher event) are not read again.
        const batch = files.slice(i, i + BATCH).filter((p) => !this.known.has(pathToUri(p)));
        for (const p of batch) this.listed.add(pathToUri(p));
        // Reads run in parallel; each file's listeners (a full check) run alone, with a yield
        // after each, so a large workspace never holds the event loop for a whole batch.
        const texts = await Promise.all(batch.map((p) => this.read(pathToUri(p))));
        for (let k = 0; k < batch.length; k++) {
          const uri = pathToUri(batch[k]);
          // Deleted meanwhile (already reported gone), reported by a watcher event with a newer
          // text, or its folder removed: the text read here is not reported.
          const stillListed = this.listed.delete(uri);
          const text = texts[k];
          if (text === undefined || !stillListed || this.known.has(uri) || !this.covers(batch[k])) continue;
          this.report(uri, text);
          await new Promise((r) => setImmediate(r));
        }
      }
    } finally {
      this.listed.clear();
      this.tellScan('scanEnded');
    }
    return files.length;
  }

  private async load(uri: string): Promise<void> {
    const p = uriToPath(uri);
    const inside = p !== undefined && this.covers(p);
    const text = await this.read(uri);
    // Its folder was removed while the file was read: it is no longer part of the workspace.
    if (inside && !this.covers(p)) return;
    if (text !== undefined) this.report(uri, text);
  }

  /**
   * The file's text for the listeners; undefined when it is not a regular file, too large,
   * unreadable or not text. Without a listener (no workspace analysis) knowing the file is
   * enough: it is not read and its text is empty.
   */
  private async read(uri: string): Promise<string | undefined> {
    try {
      const p = uriToPath(uri);
      if (!p) return undefined;
      const st = await fs.stat(p);
      if (!st.isFile() || st.size > MAX_SCAN_BYTES) return undefined;
      if (this.listeners.length === 0) return '';
      const decoded = decodeText(await fs.readFile(p));
      if (!('text' in decoded)) {
        this.log(`workspace scan: ${uri}: left out, ${decoded.detail}`);
        return undefined;
      }
      return decoded.text;
    } catch (e) {
      this.log(`workspace scan: ${uri}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private covers(p: string): boolean {
    return this.folders.some((f) => isUnder(p, f));
  }

  private tellScan(event: keyof ScanListener): void {
    for (const l of this.scanListeners) {
      try {
        l[event]();
      } catch (e) {
        this.log(`workspace scan listener failed (${event}): ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
  }

  private report(uri: string, text: string | undefined): void {
    if (text === undefined) this.known.delete(uri);
    else this.known.add(uri);
    for (const l of this.listeners) {
      try {
        l(uri, text);
      } catch (e) {
        this.log(`workspace listener failed on ${uri}: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
  }
}

function toPaths(uris: readonly string[]): string[] {
  return uris.map(uriToPath).filter((p): p is string => p !== undefined).map((p) => path.resolve(p));
}

function samePath(a: string, b: string): boolean {
  return path.relative(a, b) === '';
}

/** `p` is `dir` or inside it. */
function isUnder(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
