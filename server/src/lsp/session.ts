// Wires the language server: capabilities, document sync, debounced per-file validation of open
// YAML documents into the DiagnosticsSink, editor features, settings, and workspace files.
// Workspace analysis plugs in through three points: `workspace.onFile` (every YAML file on disk,
// scanned and watched), `onFileChecked` (each per-file result of an open document) and
// `applyCrossFile` (its findings, merged with the per-file ones, pushed only where they changed).
import {
  CodeActionKind, DidChangeWatchedFilesNotification, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult, type Position, type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/diagnostics/finding';
import type { Resource } from '../core/model/resource';
import type { Engine, FileCheck } from '../node/engine';
import { checkIsolated } from '../node/isolatedCheck';
import { DEFAULT_SETTINGS, normalizeSettings, type HybridMeshSettings } from '../protocol/settings';
import { StatusNotification, type StatusParams } from '../protocol/lspProtocol';
import { toDiagnostic, type PositionResolver, type Positions } from './convert';
import type { Analysis } from '../core/analysis/index';
import { PerKeyDebouncer } from './debounce';
import { DiagnosticsSink } from './diagnosticsSink';
import { describeError, guard } from './guard';
import { codeActionsFor } from './handlers/codeActions';
import { completionsAt } from './handlers/completion';
import { hoverAt } from './handlers/hover';
import { documentSymbols } from './handlers/symbols';
import { WATCH_GLOB, WorkspaceFiles } from './workspaceFiles';
import { analysisActions, withAnalysisActions } from './handlers/analysisActions';
import { definitions, lenses, mergeCompletions, mergeHover, references } from './handlers/navigation';
import { ANALYSIS_SECTION, DEFAULT_ANALYSIS_SETTINGS, normalizeAnalysisSettings, type AnalysisSettings } from './analysisSettings';
import { WorkspaceAnalysis, type AnalysisHost } from './workspaceAnalysis';

/** Listener for per-file results of open documents: where workspace analysis plugs in. */
export type FileCheckedListener = (check: FileCheck, document: TextDocument) => void;

export const FILE_LAYER = 'file';
export const ANALYSIS_LAYER = 'analysis';

export class Session implements AnalysisHost {
  readonly documents = new TextDocuments(TextDocument);
  readonly sink: DiagnosticsSink;
  readonly workspace: WorkspaceFiles;
  private readonly debouncer = new PerKeyDebouncer((uri) => this.validate(uri));
  private readonly checks = new Map<string, { version: number; check: FileCheck }>();
  private readonly settings = new Map<string, Promise<HybridMeshSettings>>();
  private readonly checkedListeners: FileCheckedListener[] = [];
  /** Open documents whose validation is turned off (never checked on demand). */
  private readonly unchecked = new Set<string>();
  private hasConfiguration = false;
  private canWatch = false;
  private canFollowFolders = false;
  /** The workspace folders given at `initialize`; later changes go straight to `workspace`. */
  private folders: string[] = [];
  private checksRun = 0;
  private lastState: StatusParams['state'] = 'starting';
  private canRefreshLenses = false;
  private lensRefresh: NodeJS.Timeout | undefined;
  readonly analysis: WorkspaceAnalysis;

  constructor(readonly connection: Connection, readonly engine: Engine) {
    this.sink = new DiagnosticsSink((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }));
    this.workspace = new WorkspaceFiles((m) => connection.console.log(m));
    this.analysis = new WorkspaceAnalysis(this);
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /** Findings changed somewhere: code lens counts may be stale (refreshed once typing pauses). */
  analysisChanged(): void {
    if (!this.canRefreshLenses) return;
    clearTimeout(this.lensRefresh);
    this.lensRefresh = setTimeout(() => void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined), 300);
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
      void this.analysisSettings().then((a) => this.analysis.updateSettings(a));
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
      this.unchecked.delete(e.document.uri);
      this.settings.delete(e.document.uri);
      this.sink.set(FILE_LAYER, e.document.uri, []);
      this.analysis.closed(e.document.uri);
      this.publish();
    }));
    c.onHover(guard(log, 'hover', null, (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc) return null;
      this.fresh(doc);
      const offset = doc.offsetAt(p.position);
      return mergeHover(hoverAt(doc, offset, this.engine), this.analysis.current, doc.uri, offset);
    }));
    c.onCompletion(guard(log, 'completion', [], (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc) return [];
      this.fresh(doc);
      const offset = doc.offsetAt(p.position);
      return mergeCompletions(completionsAt(doc, offset, this.engine), this.analysis.current, doc.uri, offset, doc.getText(), doc);
    }));
    c.onCodeAction(guard(log, 'codeAction', [], (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc) return [];
      this.fresh(doc);
      const a = this.analysis.current;
      const version = this.checks.get(doc.uri)?.version;
      if (!a || version !== doc.version) return codeActionsFor(doc, p, version);
      return withAnalysisActions(doc, p, version, analysisActions(a, doc.uri, p.context.diagnostics, (u) => this.analysis.textOf(u), (u) => this.analysis.positionsOf(u)));
    }));
    c.onDefinition(guard(log, 'definition', [], (p) => this.navigate(p.textDocument.uri, p.position, definitions)));
    c.onReferences(guard(log, 'references', [], (p) => this.navigate(p.textDocument.uri, p.position, references)));
    c.onCodeLens(guard(log, 'codeLens', [], (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      const a = this.analysis.current;
      if (!doc || !a) return [];
      this.fresh(doc);
      return lenses(a, doc.uri, doc, (u) => this.analysis.positionsOf(u));
    }));
    c.onDocumentSymbol(guard(log, 'documentSymbol', [], (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      return doc ? documentSymbols(doc, this.resourcesOf(doc)) : [];
    }));
    c.onShutdown(() => {
      this.debouncer.dispose();
      clearTimeout(this.lensRefresh);
    });
    this.documents.listen(c);
    c.listen();
  }

  private initialize(p: InitializeParams): InitializeResult {
    this.hasConfiguration = !!p.capabilities.workspace?.configuration;
    this.canWatch = !!p.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.canRefreshLenses = !!p.capabilities.workspace?.codeLens?.refreshSupport;
    this.canFollowFolders = !!p.capabilities.workspace?.workspaceFolders;
    this.folders = (p.workspaceFolders ?? []).map((f) => f.uri);
    if (this.folders.length === 0 && p.rootUri) this.folders = [p.rootUri];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' '] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'hybrid-mesh' },
    };
  }

  private initialized(): void {
    if (this.canWatch) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }] });
    }
    if (this.canFollowFolders) {
      // Subscribed after `initialize` answered: the capability declared there covers the
      // notification, so nothing is registered dynamically.
      const log = { error: (m: string) => this.connection.console.error(m) };
      this.connection.workspace.onDidChangeWorkspaceFolders(guard(log, 'didChangeWorkspaceFolders', undefined, (e) => this.foldersChanged(e)));
    }
    this.sendStatus('ready');
    // Off the request path: the scan starts on a later turn and yields between files.
    const settings = this.analysisSettings();
    void this.workspace.scan(this.folders).then(
      async () => {
        this.analysis.updateSettings(await settings);
        this.analysis.scanFinished();
        this.sendStatus(this.lastState);
      },
      (e) => this.connection.console.error(`workspace scan failed: ${describeError(e)}`),
    );
  }

  /**
   * Files of a removed folder leave the workspace at once (an open document keeps the editor's
   * text until it is closed); an added folder is scanned once any running scan is done.
   */
  private foldersChanged(e: WorkspaceFoldersChangeEvent): void {
    this.workspace.remove(e.removed.map((f) => f.uri));
    this.sendStatus(this.lastState);
    if (e.added.length === 0) return;
    void this.workspace.scan(e.added.map((f) => f.uri)).then(
      () => this.sendStatus(this.lastState),
      (err) => this.connection.console.error(`workspace scan failed: ${describeError(err)}`),
    );
  }

  private analysisSettings(): Promise<AnalysisSettings> {
    if (!this.hasConfiguration) return Promise.resolve(DEFAULT_ANALYSIS_SETTINGS);
    return this.connection.workspace.getConfiguration({ section: ANALYSIS_SECTION }).then(normalizeAnalysisSettings, () => DEFAULT_ANALYSIS_SETTINGS);
  }

  /** An open document whose last check is older than its text is checked now (request offsets must match the index). */
  private fresh(doc: TextDocument): void {
    const c = this.checks.get(doc.uri);
    if (c ? c.version === doc.version : this.unchecked.has(doc.uri)) return;
    this.debouncer.cancel(doc.uri);
    this.runCheck(doc);
  }

  private navigate<T>(uri: string, position: Position, find: (a: Analysis, uri: string, offset: number, resolve: PositionResolver) => T[]): T[] {
    const doc = this.documents.get(uri);
    const a = this.analysis.current;
    if (!doc || !a) return [];
    this.fresh(doc);
    return find(a, uri, doc.offsetAt(position), (u) => this.analysis.positionsOf(u));
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
        this.unchecked.add(uri);
        this.checks.delete(uri);
        this.sink.set(FILE_LAYER, uri, []);
        this.publish('disabled');
        return;
      }
      this.unchecked.delete(uri);
      this.runCheck(doc);
    });
  }

  private runCheck(doc: TextDocument): void {
    const text = doc.getText();
    // The workspace scan may have checked this very text already (a file opened as on disk).
    const check = this.analysis.takeDiskCheck(doc.uri, text) ?? checkIsolated(this.engine, doc.uri, text);
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
   * files that are not open; `positionsOf` supplies positions for those (the caller caches them).
   */
  applyCrossFile(byUri: ReadonlyMap<string, readonly Finding[]>, positionsOf: PositionResolver): void {
    const resolve = (uri: string): Positions | undefined => this.documents.get(uri) ?? positionsOf(uri);
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
