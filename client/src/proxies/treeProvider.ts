// The Mesh Proxies view: configured VMs, Kubernetes contexts -> namespaces -> proxies (listed
// only when expanded, only in trusted workspaces), saved dumps and onboarding tokens.
import * as vscode from 'vscode';
import { formatTimeLeft } from '../certs/timeLeft';
import { kubeContexts, kubeProxies } from './kubeSource';
import { kubeSettings, thresholds, trusted } from './settings';
import type { ProxyStore } from './store';
import { kubeTarget, type KubeProxyRef, type ProxyTarget } from './targets';
import { describeProxy } from './treeModel';

export type Node =
  | { kind: 'group'; group: 'vms' | 'kube' | 'dumps' | 'tokens' }
  | { kind: 'proxy'; id: string }
  | { kind: 'context'; context: string; selected: boolean }
  | { kind: 'namespace'; context: string; namespace: string; proxies: KubeProxyRef[] }
  | { kind: 'message'; text: string; error?: boolean; tooltip?: string; command?: vscode.Command };

const GROUP_LABEL = { vms: 'Configured VMs', kube: 'Kubernetes', dumps: 'Saved dumps', tokens: 'Onboarding tokens' } as const;

export class ProxyTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: ProxyStore) {
    store.onDidChange(() => this.changed.fire(undefined));
  }

  refresh(): void { this.changed.fire(undefined); }

  getChildren(node?: Node): Node[] | Promise<Node[]> {
    if (!node) {
      const groups: Node[] = [{ kind: 'group', group: 'vms' }, { kind: 'group', group: 'kube' }, { kind: 'group', group: 'dumps' }];
      if (this.store.tokens.length) groups.push({ kind: 'group', group: 'tokens' });
      return groups;
    }
    switch (node.kind) {
      case 'group': return this.groupChildren(node.group);
      case 'context': return this.contextChildren(node.context);
      case 'namespace': {
        const targets = node.proxies.map(kubeTarget);
        this.store.addKube(targets);
        return targets.map((t) => ({ kind: 'proxy', id: t.id }));
      }
      case 'proxy': {
        const s = this.store.status(node.id);
        return s?.state === 'unreachable' ? [{ kind: 'message', text: s.error ?? 'unreachable', error: true, tooltip: s.error }] : [];
      }
      case 'message': return [];
    }
  }

  private groupChildren(group: 'vms' | 'kube' | 'dumps' | 'tokens'): Node[] | Promise<Node[]> {
    switch (group) {
      case 'vms': {
        const items: Node[] = this.store.vms.map((t) => ({ kind: 'proxy', id: t.id }));
        for (const p of this.store.problems) items.push({ kind: 'message', text: p, error: true });
        if (items.length === 0) items.push({ kind: 'message', text: 'No VMs configured: add one…', command: { command: 'hybridMesh.addVm', title: 'Add VM' } });
        if (!trusted()) items.push({ kind: 'message', text: 'Untrusted workspace: VMs from user settings only, no SSH' });
        return items;
      }
      case 'dumps': {
        const items: Node[] = this.store.dumps.map((t) => ({ kind: 'proxy', id: t.id }));
        if (items.length === 0) items.push({ kind: 'message', text: 'Open a saved config_dump…', command: { command: 'hybridMesh.openDump', title: 'Open Dump' } });
        return items;
      }
      case 'tokens': {
        const now = Math.floor(Date.now() / 1000);
        return this.store.tokens.map((t): Node => t.exp !== undefined
          ? { kind: 'message', text: `${t.path}: expires in ${formatTimeLeft(t.exp - now)}`, error: t.exp <= now, tooltip: `exp ${new Date(t.exp * 1000).toISOString()} (signature not verified)` }
          : { kind: 'message', text: `${t.path}: ${t.error}`, error: true });
      }
      case 'kube': return this.kubeChildren();
    }
  }

  private async kubeChildren(): Promise<Node[]> {
    if (!trusted()) return [{ kind: 'message', text: 'Disabled in untrusted workspaces (no cluster connections)' }];
    const { kubeconfig, context } = kubeSettings();
    try {
      const { contexts, current } = await kubeContexts(kubeconfig);
      if (contexts.length === 0) return [{ kind: 'message', text: 'No contexts in the kubeconfig' }];
      const selected = context && contexts.includes(context) ? context : current;
      return [selected, ...contexts.filter((c) => c !== selected)].map((c) => ({ kind: 'context', context: c, selected: c === selected }));
    } catch (e) {
      return [{ kind: 'message', text: `No kubeconfig: ${e instanceof Error ? e.message : String(e)}`, error: true }];
    }
  }

  private async contextChildren(context: string): Promise<Node[]> {
    try {
      const byNs = await kubeProxies(context, kubeSettings().kubeconfig);
      if (byNs.size === 0) return [{ kind: 'message', text: 'No pods with a sidecar and no WorkloadEntries' }];
      return [...byNs.keys()].sort().map((ns) => ({ kind: 'namespace', context, namespace: ns, proxies: byNs.get(ns)! }));
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return [{ kind: 'message', text: `Cannot list proxies: ${msg}`, error: true, tooltip: msg }];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const expand = node.group === 'kube' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
        const item = new vscode.TreeItem(GROUP_LABEL[node.group], expand);
        item.id = `group:${node.group}`;
        item.contextValue = `hybridMesh.group.${node.group}`;
        return item;
      }
      case 'context': {
        const item = new vscode.TreeItem(node.context, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `ctx:${node.context}`;
        item.iconPath = new vscode.ThemeIcon('cloud');
        if (node.selected) item.description = 'selected';
        item.contextValue = 'hybridMesh.kubeContext';
        return item;
      }
      case 'namespace': {
        const item = new vscode.TreeItem(node.namespace, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `ns:${node.context}/${node.namespace}`;
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.description = `${node.proxies.length} prox${node.proxies.length === 1 ? 'y' : 'ies'}`;
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.tooltip = node.tooltip ?? node.text;
        item.iconPath = node.error ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')) : new vscode.ThemeIcon('info');
        if (node.command) item.command = node.command;
        return item;
      }
      case 'proxy': return this.proxyItem(node.id);
    }
  }

  private proxyItem(id: string): vscode.TreeItem {
    const t: ProxyTarget | undefined = this.store.get(id);
    if (!t) return new vscode.TreeItem(id);
    const status = this.store.status(id);
    const kube = t.source === 'kube-pod' || t.source === 'kube-vm';
    const look = kube && !status
      ? { label: t.label, description: t.source === 'kube-vm' ? 'VM (WorkloadEntry) · istiod view' : 'pod', tooltip: [t.label, t.where], icon: t.source === 'kube-vm' ? 'vm' : 'package' }
      : describeProxy(t.label, t.where, status, thresholds(), Date.now(), t.spec ? this.store.tokenFor(t.spec.name) : undefined);
    const down = status?.state === 'unreachable';
    const item = new vscode.TreeItem(look.label, down ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    // VS Code keeps an item's expansion by id: a fresh id lets the error child show at once.
    item.id = down ? `${id}#unreachable` : id;
    item.description = look.description;
    item.tooltip = look.tooltip.join('\n');
    item.iconPath = new vscode.ThemeIcon(look.icon, 'color' in look && look.color ? new vscode.ThemeColor(look.color) : undefined);
    item.contextValue = `hybridMesh.proxy.${t.source}`;
    item.command = { command: 'hybridMesh.inspectProxy', title: 'Inspect Proxy', arguments: [id] };
    item.accessibilityInformation = { label: `${look.label} ${look.description}` };
    return item;
  }
}
