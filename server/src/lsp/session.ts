// Wires the language server: capabilities, document sync, debounced per-file validation of open
// YAML documents into the DiagnosticsSink, editor features, settings, and workspace files.
// Workspace analysis plugs in through three points: `workspace.onFile` (every YAML file on disk,
// scanned and watched), `onFileChecked` (each per-file result of an open document) and
// `applyCrossFile` (its findings, merged with the per-file ones, pushed only where they changed).
import {
  CodeActionKind, DidChangeWatchedFilesNotification, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/diagnostics/finding';
import type { Resource } from '../core/model/resource';
import { LineIndex } from '../core/text/span';
import type { Engine, FileCheck } from '../node/engine';
import { checkIsolated } from '../node/isolatedCheck';
import { DEFAULT_SETTINGS, normalizeSettings, type HybridMeshSettings } from '../protocol/settings';
import { StatusNotification, type StatusParams } from '../protocol/lspProtocol';
import { toDiagnostic, type Positions } from './convert';
import { PerKeyDebouncer } from './debounce';
import { DiagnosticsSink } from './diagnosticsSink';
import { describeError, guard } from './guard';
import { codeActionsFor } from './handlers/codeActions';
import { completionsAt } from './handlers/completion';
import { hoverAt } from './handlers/hover';
import { documentSymbols } from './handlers/symbols';
import { WATCH_GLOB, WorkspaceFiles } from './workspaceFiles';

/** Listener for per-file results of open documents: where workspace analysis plugs in. */
export type FileCheckedListener = (check: FileCheck, document: TextDocument) => void;

export const FILE_LAYER = 'file';
export const ANALYSIS_LAYER = 'analysis';

export class Session {
  readonly documents = new TextDocuments(TextDocument);
  readonly sink: DiagnosticsSink;
  readonly workspace: WorkspaceFiles;
  private readonly debouncer = new PerKeyDebouncer((uri) => this.validate(uri));
  private readonly checks = new Map<string, { version: number; check: FileCheck }>();
  private readonly settings = new Map<string, Promise<HybridMeshSettings>>();
  private readonly checkedListeners: FileCheckedListener[] = [];
  private hasConfiguration = false;
  private canWatch = false;
  private folders: string[] = [];
  private checksRun = 0;
  private lastState: StatusParams['state'] = 'starting';

  constructor(readonly connection: Connection, readonly engine: Engine) {
    this.sink = new DiagnosticsSink((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }));
    this.workspace = new WorkspaceFiles((m) => connection.console.log(m));
  }

  onFileChecked(l: FileCheckedListener): void {
    this.checkedListeners.push(l);
  }

  listen(): void {
    const c = this.connection;
    const log = { error: (m: string) => c.console.error(m) };
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(guard(log, 'initialized', undefined, () => this.initialized()));
    c.onDidChangeConfiguration(guard(log, 'didChangeConfiguration', undefined, () => {
      this.settings.clear();
      for (const d of this.documents.all()) this.debouncer.schedule(d.uri, 0);
    }));
    c.onDidChangeWatchedFiles((p) => void this.workspace.changed(p.changes).then(
      () => this.sendStatus(this.lastState),
      (e) => c.console.error(describeError(e)),
    ));
    this.documents.onDidChangeContent(guard(log, 'didChange', undefined, (e) => {
      // The first version of a document is checked at once; edits wait for the typing to pause.
      const first = !this.checks.has(e.document.uri);
      void this.settingsFor(e.document.uri).then((s) => this.debouncer.schedule(e.document.uri, first ? 0 : s.validation.delayMs));
    }));
    this.documents.onDidClose(guard(log, 'didClose', undefined, (e) => {
      this.debouncer.cancel(e.document.uri);
      this.engine.forget(e.document.uri);
      this.checks.delete(e.document.uri);
      this.settings.delete(e.document.uri);
      this.sink.set(FILE_LAYER, e.document.uri, []);
      this.publish();
    }));
    c.onHover(guard(log, 'hover', null, (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      return doc ? hoverAt(doc, doc.offsetAt(p.position), this.engine) : null;
    }));
    c.onCompletion(guard(log, 'completion', [], (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      return doc ? completionsAt(doc, doc.offsetAt(p.position), this.engine) : [];
    }));
    c.onCodeAction(guard(log, 'codeAction', [], (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      return doc ? codeActionsFor(doc, p, this.checks.get(doc.uri)?.version) : [];
    }));
    c.onDocumentSymbol(guard(log, 'documentSymbol', [], (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      return doc ? documentSymbols(doc, this.resourcesOf(doc)) : [];
    }));
    c.onShutdown(() => this.debouncer.dispose());
    this.documents.listen(c);
    c.listen();
  }

  private initialize(p: InitializeParams): InitializeResult {
    this.hasConfiguration = !!p.capabilities.workspace?.configuration;
    this.canWatch = !!p.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.folders = (p.workspaceFolders ?? []).map((f) => f.uri);
    if (this.folders.length === 0 && p.rootUri) this.folders = [p.rootUri];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' '] },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'hybrid-mesh' },
    };
  }

  private initialized(): void {
    if (this.canWatch) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }] });
    }
    this.sendStatus('ready');
    // Off the request path: the scan yields between batches.
    setImmediate(() => {
      void this.workspace.scan(this.folders).then(
        () => this.sendStatus(this.lastState),
        (e) => this.connection.console.error(`workspace scan failed: ${describeError(e)}`),
      );
    });
  }

  private settingsFor(uri: string): Promise<HybridMeshSettings> {
    let s = this.settings.get(uri);
    if (!s) {
      s = this.hasConfiguration
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'hybridMesh' }).then(normalizeSettings, () => DEFAULT_SETTINGS)
        : Promise.resolve(DEFAULT_SETTINGS);
      this.settings.set(uri, s);
    }
    return s;
  }

  private validate(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    void this.settingsFor(uri).then((s) => {
      if (this.documents.get(uri)?.version !== doc.version) return; // a newer edit is scheduled
      if (!s.validation.enable) {
        this.checks.delete(uri);
        this.sink.set(FILE_LAYER, uri, []);
        this.publish('disabled');
        return;
      }
      this.runCheck(doc);
    });
  }

  private runCheck(doc: TextDocument): void {
    const check = checkIsolated(this.engine, doc.uri, doc.getText());
    for (const f of check.failures) {
      this.connection.console.error(`hybrid-mesh: checking ${doc.uri} (document ${f.docIndex}) failed: ${describeError(f.error)}`);
    }
    const diagnostics = [];
    for (const f of check.findings) {
      try {
        if (f.uri === doc.uri) diagnostics.push(toDiagnostic(f, doc, (u) => this.documents.get(u)));
      } catch (e) {
        this.connection.console.error(`hybrid-mesh: converting ${f.code} failed: ${describeError(e)}`);
      }
    }
    this.checks.set(doc.uri, { version: doc.version, check });
    this.checksRun++;
    this.sink.set(FILE_LAYER, doc.uri, diagnostics);
    for (const l of this.checkedListeners) {
      try {
        l(check, doc);
      } catch (e) {
        this.connection.console.error(`hybrid-mesh: file listener failed: ${describeError(e)}`);
      }
    }
    this.publish();
  }

  private resourcesOf(doc: TextDocument): readonly Resource[] {
    const c = this.checks.get(doc.uri);
    if (c && c.version === doc.version) return c.check.resources;
    return checkIsolated(this.engine, doc.uri, doc.getText()).resources;
  }

  /**
   * Cross-file findings from a workspace analysis: complete new lists for the URIs given (an
   * empty list clears one). They merge with the per-file diagnostics of open documents and reach
   * files that are not open; `textOf` supplies the text of those for positions.
   */
  applyCrossFile(byUri: ReadonlyMap<string, readonly Finding[]>, textOf: (uri: string) => string | undefined): void {
    const positions = new Map<string, Positions | undefined>();
    const resolve = (uri: string): Positions | undefined => {
      const open = this.documents.get(uri);
      if (open) return open;
      if (!positions.has(uri)) {
        const text = textOf(uri);
        positions.set(uri, text === undefined ? undefined : new LineIndex(text));
      }
      return positions.get(uri);
    };
    for (const [uri, findings] of byUri) {
      const at = resolve(uri);
      const diagnostics = at ? findings.map((f) => toDiagnostic(f, at, resolve)) : [];
      if (!at && findings.length > 0) this.connection.console.error(`hybrid-mesh: no text for ${uri}; ${findings.length} findings dropped`);
      this.sink.set(ANALYSIS_LAYER, uri, diagnostics);
    }
    this.publish(this.lastState);
  }

  /** Flushes changed diagnostics and tells the client the totals. */
  publish(state: StatusParams['state'] = 'ready'): void {
    this.sink.flush();
    this.sendStatus(state);
  }

  private sendStatus(state: StatusParams['state']): void {
    this.lastState = state;
    const t = this.sink.totals();
    void this.connection.sendNotification(StatusNotification.type, {
      state, documentsChecked: this.checks.size, checksRun: this.checksRun, ...t, workspaceFiles: this.workspace.known.size,
    });
  }
}
