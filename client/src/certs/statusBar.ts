// Status-bar item with the soonest-expiring workload certificate among connected proxies, and a
// notification once per proxy when one goes under a threshold or expires.
import * as vscode from 'vscode';
import { thresholds } from '../proxies/settings';
import type { ProxyStore } from '../proxies/store';
import { statusBarLook, toNotify, type CertEntry } from './summary';
import type { CertTone } from './timeLeft';

export class CertStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('hybridMesh.certExpiry', vscode.StatusBarAlignment.Left, 10);
  private readonly notified = new Map<string, CertTone>();
  private readonly tick: ReturnType<typeof setInterval>;
  private readonly sub: vscode.Disposable;

  constructor(private readonly store: ProxyStore) {
    this.item.name = 'Hybrid Mesh certificate expiry';
    this.sub = store.onDidChange(() => this.update());
    // Keeps the countdown current between refreshes.
    this.tick = setInterval(() => this.update(), 60_000);
  }

  private entries(): CertEntry[] {
    return this.store.all().flatMap((t) => {
      const s = this.store.status(t.id);
      return s?.cert && s.state !== 'unreachable' ? [{ id: t.id, label: t.label, notAfter: s.cert.notAfter }] : [];
    });
  }

  update(): void {
    const now = Date.now();
    const t = thresholds();
    const entries = this.entries();
    const look = statusBarLook(entries, now, t);
    if (!look) { this.item.hide(); return; }
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.backgroundColor = look.tone === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : look.tone === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = { command: 'hybridMesh.inspectProxy', title: 'Inspect Proxy', arguments: [look.entry.id] };
    this.item.show();
    for (const n of toNotify(entries, now, t, this.notified)) {
      const show = n.tone === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
      void show(n.message, 'Inspect').then((a) => { if (a === 'Inspect') void vscode.commands.executeCommand('hybridMesh.inspectProxy', n.entry.id); });
    }
  }

  dispose(): void {
    clearInterval(this.tick);
    this.sub.dispose();
    this.item.dispose();
  }
}
