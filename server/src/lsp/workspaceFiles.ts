// The YAML files of the workspace folders, on disk: an initial scan (in small batches, off the
// request path) and updates from `workspace/didChangeWatchedFiles`. Listeners get each file's
// text as it appears or changes, and `undefined` when it is deleted: the hook for workspace-wide
// analysis. Open documents are the editor's business: their on-disk state is reported too, the
// session decides which text wins.
import fs from 'node:fs/promises';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { decodeText } from '../core/parse/decode';
import { collectYamlFiles, isYamlPath } from '../node/files';
import { pathToUri, uriToPath } from '../node/uri';

export type FileListener = (uri: string, text: string | undefined) => void;

export const WATCH_GLOB = '**/*.{yaml,yml}';

const BATCH = 50;
/** The core does not check files above 16 MiB either; larger ones are left out of the scan. */
const MAX_SCAN_BYTES = 16 * 1024 * 1024;

export class WorkspaceFiles {
  private readonly listeners: FileListener[] = [];
  readonly known = new Set<string>();

  constructor(private readonly log: (m: string) => void) {}

  onFile(listener: FileListener): void {
    this.listeners.push(listener);
  }

  /** Scans the folders; resolves when every file has been reported. */
  async scan(folderUris: readonly string[]): Promise<number> {
    const dirs = folderUris.map(uriToPath).filter((p): p is string => p !== undefined);
    const { files, errors } = collectYamlFiles(dirs);
    for (const e of errors) this.log(`workspace scan: ${e}`);
    for (let i = 0; i < files.length; i += BATCH) {
      // Reads run in parallel; each file's listeners (a full check) run alone, with a yield
      // after each, so a large workspace never holds the event loop for a whole batch.
      const batch = files.slice(i, i + BATCH).map(pathToUri);
      const texts = await Promise.all(batch.map((uri) => this.read(uri)));
      for (let k = 0; k < batch.length; k++) {
        const text = texts[k];
        // A file deleted while the batch was read has already been reported gone.
        if (text === undefined || !this.known.has(batch[k])) continue;
        this.emit(batch[k], text);
        await new Promise((r) => setImmediate(r));
      }
    }
    return files.length;
  }

  async changed(events: readonly FileEvent[]): Promise<void> {
    for (const e of events) {
      if (e.type === FileChangeType.Deleted) {
        if (this.known.delete(e.uri)) this.emit(e.uri, undefined);
      } else if (isYamlPath(e.uri)) await this.load(e.uri);
    }
  }

  private async load(uri: string): Promise<void> {
    const text = await this.read(uri);
    if (text !== undefined) this.emit(uri, text);
  }

  /**
   * Marks the file known and returns its text for the listeners; undefined when it is not
   * a regular file, too large, unreadable or not text, or when no listener wants the text.
   */
  private async read(uri: string): Promise<string | undefined> {
    try {
      const p = uriToPath(uri);
      if (!p) return undefined;
      const st = await fs.stat(p);
      if (!st.isFile() || st.size > MAX_SCAN_BYTES) return undefined;
      // Without a listener (no workspace analysis) knowing the file is enough; skip reading it.
      if (this.listeners.length === 0) {
        this.known.add(uri);
        return undefined;
      }
      const decoded = decodeText(await fs.readFile(p));
      if (!('text' in decoded)) {
        this.log(`workspace scan: ${uri}: left out, ${decoded.detail}`);
        return undefined;
      }
      this.known.add(uri);
      return decoded.text;
    } catch (e) {
      this.log(`workspace scan: ${uri}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private emit(uri: string, text: string | undefined): void {
    for (const l of this.listeners) {
      try {
        l(uri, text);
      } catch (e) {
        this.log(`workspace listener failed on ${uri}: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
  }
}
