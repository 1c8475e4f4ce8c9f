// Entry of the proxy features: the Mesh Proxies view, the inspection panel, the certificate
// status bar, the raw JSON documents, the WorkloadEntry code lens and their commands.
import * as vscode from 'vscode';
import { CertStatusBar } from '../certs/statusBar';
import { WorkloadCodeLens } from '../panel/codeLens';
import { PANEL_VIEW_TYPE, ProxyPanel } from '../panel/proxyPanel';
import { RAW_SCHEME, RawDocuments } from '../panel/rawDocuments';
import { revealResource } from '../panel/reveal';
import { registerProxyCommands, type ProxyCommandContext } from './commands';
import { ProxyStore } from './store';
import { ProxyTreeProvider } from './treeProvider';

const AFFECTS = ['hybridMesh.proxies', 'hybridMesh.proxyDumpFiles', 'hybridMesh.certificates', 'hybridMesh.cluster'];

export function registerProxyFeatures(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Hybrid Mesh Proxies', { log: true });
  const store = new ProxyStore(output);
  const raw = new RawDocuments();
  const tree = new ProxyTreeProvider(store);
  const ctx: ProxyCommandContext = { extensionUri: context.extensionUri, store, raw, output, reveal: revealResource };
  const view = vscode.window.createTreeView('hybridMesh.proxies', { treeDataProvider: tree, showCollapseAll: true });
  // While the view is visible, re-check the proxies now and then (states and cert countdowns).
  const poll = setInterval(() => { if (view.visible) void store.refresh(); }, 60_000);
  const ready = store.refresh().catch((e) => output.error(`proxies: ${String(e)}`));
  context.subscriptions.push(
    output, store, raw,
    view,
    vscode.workspace.registerTextDocumentContentProvider(RAW_SCHEME, raw),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      // Settings are read first, so a restored panel finds its proxy.
      deserializeWebviewPanel: async (panel, state) => { await ready; ProxyPanel.revive(ctx, panel, state); },
    }),
    vscode.languages.registerCodeLensProvider([{ language: 'yaml' }], new WorkloadCodeLens(store)),
    new CertStatusBar(store),
    ...registerProxyCommands(ctx),
    vscode.workspace.onDidChangeConfiguration((e) => { if (AFFECTS.some((k) => e.affectsConfiguration(k))) void store.refresh(); }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void store.refresh()),
    { dispose: () => { clearInterval(poll); ProxyPanel.disposeAll(); } },
  );
}
