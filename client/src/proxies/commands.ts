// Commands of the proxy features (category "Hybrid Mesh"), as a table of handlers.
import * as vscode from 'vscode';
import { normalizeProxies } from '../../../server/src/protocol/proxySettings';
import { ProxyPanel, type PanelDeps } from '../panel/proxyPanel';
import { kubeContexts } from './kubeSource';
import { kubeSettings, rawList, trusted, writeList } from './settings';
import type { ProxyStore } from './store';

export interface ProxyCommandContext extends PanelDeps {
  store: ProxyStore;
}

async function pickProxy(store: ProxyStore, id: unknown, title: string): Promise<string | undefined> {
  // From a tree item's menu the argument is the node ({kind, id}); from a click, the id itself.
  const key = typeof id === 'string' ? id : typeof (id as { id?: unknown } | undefined)?.id === 'string' ? (id as { id: string }).id : undefined;
  if (key && store.get(key)) return key;
  const items = store.all().map((t) => ({ label: t.label, description: t.where, id: t.id }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('No proxies configured: add a VM or open a saved dump in the Mesh Proxies view.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title }))?.id;
}

async function addVm(ctx: ProxyCommandContext): Promise<void> {
  const taken = new Set(ctx.store.vms.map((v) => v.label));
  const name = await vscode.window.showInputBox({
    title: 'Add VM (1/2)', prompt: 'Name of the VM proxy', placeHolder: 'vm-1',
    validateInput: (v) => (!/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(v.trim()) ? 'Letters, digits and . _ : -' : taken.has(v.trim()) ? 'A proxy with this name exists' : undefined),
  });
  if (!name) return;
  const where = await vscode.window.showInputBox({
    title: 'Add VM (2/2)', prompt: 'Envoy admin URL (http://host:15000) or SSH target (ssh:[user@]host)', placeHolder: 'http://127.0.0.1:15000',
    validateInput: (v) => {
      const entry = toEntry(name.trim(), v.trim());
      if (!trusted() && 'ssh' in entry) return 'SSH is disabled in untrusted workspaces';
      return normalizeProxies([entry]).problems[0];
    },
  });
  if (!where) return;
  await writeList('proxies', [...rawList('proxies'), toEntry(name.trim(), where.trim())]);
  await ctx.store.refresh();
}

function toEntry(name: string, where: string): Record<string, string> {
  if (/^ssh:/.test(where)) return { name, ssh: where.slice(4) };
  if (/^https?:\/\//.test(where) || /^[\w.-]+:\d+$/.test(where)) return { name, adminUrl: where };
  return { name, ssh: where };
}

async function selectContext(ctx: ProxyCommandContext): Promise<void> {
  if (!trusted()) { void vscode.window.showWarningMessage('Kubernetes connections are disabled in untrusted workspaces.'); return; }
  try {
    const { contexts, current } = await kubeContexts(kubeSettings().kubeconfig);
    const pick = await vscode.window.showQuickPick(contexts.map((c) => ({ label: c, description: c === current ? 'current in kubeconfig' : undefined })), { title: 'Kubernetes context for the Mesh Proxies view' });
    if (!pick) return;
    await vscode.workspace.getConfiguration('hybridMesh').update('cluster.context', pick.label, vscode.ConfigurationTarget.Global);
    await ctx.store.refresh();
  } catch (e) {
    void vscode.window.showErrorMessage(`Cannot read the kubeconfig: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function openDump(ctx: ProxyCommandContext): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Open a saved config_dump (JSON file) or a folder of saved admin responses',
    canSelectFiles: true, canSelectFolders: true, canSelectMany: false, filters: { JSON: ['json'] },
  });
  const file = picked?.[0]?.fsPath;
  if (!file) return;
  const list = rawList('proxyDumpFiles');
  if (!list.includes(file)) await writeList('proxyDumpFiles', [...list, file]);
  await ctx.store.refresh();
  const target = ctx.store.get(`dump:${file}`);
  if (target) ProxyPanel.createOrShow(ctx, target);
}

async function inspect(ctx: ProxyCommandContext, id: unknown): Promise<void> {
  const picked = await pickProxy(ctx.store, id, 'Inspect proxy');
  const target = picked ? ctx.store.get(picked) : undefined;
  if (target) ProxyPanel.createOrShow(ctx, target);
}

/** The one mutating admin call offered; it goes through the connection's confirmation hook. */
async function resetCounters(ctx: ProxyCommandContext, id: unknown): Promise<void> {
  const picked = await pickProxy(ctx.store, id, 'Reset the counters of which proxy?');
  const target = picked ? ctx.store.get(picked) : undefined;
  if (!target?.openAdmin || target.source === 'dump') {
    if (target) void vscode.window.showWarningMessage(`${target.label}: no admin API to send this to.`);
    return;
  }
  const conn = await target.openAdmin();
  try {
    const res = await conn.get('/reset_counters', {
      confirmMutation: async (what) => (await vscode.window.showWarningMessage(
        `Send ${what}?`, { modal: true, detail: 'This changes the proxy: all Envoy statistics counters restart from zero.' }, 'Send')) === 'Send',
    });
    void vscode.window.showInformationMessage(`${target.label}: counters reset (HTTP ${res.status}).`);
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
  } finally {
    await conn.close().catch(() => undefined);
  }
}

const commands: Record<string, (ctx: ProxyCommandContext, arg?: unknown) => unknown> = {
  'hybridMesh.refreshProxies': (ctx) => ctx.store.refresh(),
  'hybridMesh.addVm': addVm,
  'hybridMesh.selectKubeContext': selectContext,
  'hybridMesh.openDump': openDump,
  'hybridMesh.inspectProxy': inspect,
  'hybridMesh.resetProxyCounters': resetCounters,
};

export function registerProxyCommands(ctx: ProxyCommandContext): vscode.Disposable[] {
  return Object.entries(commands).map(([name, run]) => vscode.commands.registerCommand(name, (arg?: unknown) => run(ctx, arg)));
}
