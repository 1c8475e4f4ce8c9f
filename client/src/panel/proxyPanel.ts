// The inspection panel of one proxy (one per proxy id): loads the proxy's data in the extension
// host, posts text rows to the webview, refreshes while visible, and answers the webview's
// intents (reveal, raw JSON, export). The webview never sees how the proxy is reached.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { toDocument } from '../../../server/src/core/proxy';
import { isFromWebview, isPanelState, type FromWebview, type ProxyInfo, type ResourceRef, type ToWebview } from '../../../server/src/protocol/webviewProtocol';
import { loadInspection, type Inspection } from '../proxies/load';
import { certOf } from '../proxies/probe';
import { refreshSeconds, thresholds } from '../proxies/settings';
import type { ProxyStore } from '../proxies/store';
import type { ProxyTarget } from '../proxies/targets';
import { makeNonce, renderHtml } from './html';
import type { RawDocuments } from './rawDocuments';
import { buildSnapshot } from './snapshot';

export const PANEL_VIEW_TYPE = 'hybridMesh.proxyPanel';

export interface PanelDeps {
  extensionUri: vscode.Uri;
  store: ProxyStore;
  raw: RawDocuments;
  output: vscode.LogOutputChannel;
  reveal(ref: ResourceRef): Promise<void>;
}

export class ProxyPanel {
  private static readonly panels = new Map<string, ProxyPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private autoRefresh = true;
  private loading = false;
  private last: Inspection | undefined;

  static createOrShow(deps: PanelDeps, target: ProxyTarget): ProxyPanel {
    const open = ProxyPanel.panels.get(target.id);
    if (open) {
      open.panel.reveal(undefined, false);
      return open;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, `Proxy: ${target.label}`, vscode.ViewColumn.Active, ProxyPanel.options(deps.extensionUri));
    return new ProxyPanel(panel, deps, target);
  }

  /** After a reload: VS Code hands back the panel and the state the webview saved. */
  static revive(deps: PanelDeps, panel: vscode.WebviewPanel, state: unknown): void {
    const id = isPanelState(state) ? state.proxyId : '';
    const target = deps.store.get(id);
    panel.webview.options = ProxyPanel.options(deps.extensionUri);
    if (!target || ProxyPanel.panels.has(id)) {
      panel.webview.html = '';
      panel.dispose();
      return;
    }
    new ProxyPanel(panel, deps, target);
  }

  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  static disposeAll(): void {
    for (const p of [...ProxyPanel.panels.values()]) p.panel.dispose();
  }

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly deps: PanelDeps, private readonly target: ProxyTarget) {
    ProxyPanel.panels.set(target.id, this);
    const webview = panel.webview;
    webview.html = renderHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'media', 'panel.css')).toString(),
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((m: unknown) => {
        // Anything the protocol does not describe is dropped.
        if (isFromWebview(m)) void this.onMessage(m);
        else deps.output.warn('proxy panel: ignored a malformed message from the webview');
      }),
      panel.onDidChangeViewState(() => {
        // Coming back into view: show fresh data at once, then poll again.
        if (this.panel.visible && this.autoRefresh && refreshSeconds() > 0 && this.last) void this.load();
        this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('hybridMesh.proxy.refreshIntervalSeconds')) { this.postAuto(); this.schedule(); } }),
    );
  }

  private get info(): ProxyInfo {
    return { id: this.target.id, label: this.target.label, source: this.target.where };
  }

  private post(msg: ToWebview): void {
    void this.panel.webview.postMessage(msg);
  }

  private postAuto(): void {
    this.post({ type: 'autoRefresh', enabled: this.autoRefresh && refreshSeconds() > 0, intervalSeconds: refreshSeconds() });
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.postAuto();
        await this.load();
        this.schedule();
        return;
      case 'refresh': return this.load();
      case 'setAutoRefresh':
        this.autoRefresh = m.enabled;
        this.postAuto();
        this.schedule();
        return;
      case 'openRaw':
        if (!this.last) { void vscode.window.showInformationMessage(`No data for ${this.target.label} yet.`); return; }
        return this.deps.raw.open(this.target.id, this.target.label);
      case 'export': return this.export(m.what);
      case 'revealResource':
        return this.deps.reveal({ kind: m.kind, namespace: m.namespace, name: m.name, ...(m.subset ? { subset: m.subset } : {}) });
      default: {
        const never: never = m;
        void never;
      }
    }
  }

  /** Polls only while the panel is visible; stops when hidden or disposed. */
  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const seconds = refreshSeconds();
    if (!this.panel.visible || !this.autoRefresh || seconds === 0) return;
    this.timer = setInterval(() => void this.load(), seconds * 1000);
  }

  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.post({ type: 'loading', proxy: this.info });
    try {
      const now = Date.now();
      const inspection = await loadInspection(this.target, now);
      this.last = inspection;
      this.deps.raw.set(this.target.id, this.target.label, inspection.rawJson);
      this.deps.store.noteCert(this.target.id, certOf(inspection.rows.secret).cert);
      this.post({ type: 'snapshot', snapshot: buildSnapshot({ proxy: this.info, rows: inspection.rows, rawJson: inspection.rawJson, now, thresholds: thresholds(), notes: inspection.notes }) });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.deps.output.warn(`${this.target.label}: ${message}`);
      this.post({ type: 'error', proxy: this.info, message });
    } finally {
      this.loading = false;
    }
  }

  private async export(what: 'configDump' | 'rows'): Promise<void> {
    if (!this.last) { void vscode.window.showInformationMessage(`No data for ${this.target.label} yet.`); return; }
    const pick = await vscode.window.showQuickPick([
      { label: 'config_dump', description: 'the JSON the proxy served', value: 'configDump' as const, picked: what === 'configDump' },
      { label: 'Rows', description: 'clusters, listeners, routes, endpoints and secrets as shown', value: 'rows' as const, picked: what === 'rows' },
    ], { title: `Export ${this.target.label}` });
    if (!pick) return;
    const safe = this.target.label.replace(/[^A-Za-z0-9_.-]/g, '_');
    const uri = await vscode.window.showSaveDialog({
      filters: { JSON: ['json'] },
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir()), `${safe}-${pick.value === 'rows' ? 'rows' : 'config_dump'}.json`),
    });
    if (!uri) return;
    const r = this.last.rows;
    const text = pick.value === 'configDump' ? this.last.rawJson : `${JSON.stringify({
      ...toDocument('cluster', r.cluster), ...toDocument('listener', r.listener), ...toDocument('route', r.route),
      ...toDocument('endpoint', r.endpoint), ...toDocument('secret', r.secret), ...(r.bootstrap ? toDocument('bootstrap', r.bootstrap) : {}),
    }, null, 2)}\n`;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(uri)}`);
  }

  private dispose(): void {
    clearInterval(this.timer);
    ProxyPanel.panels.delete(this.target.id);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
