// The proxies the editor knows about (configured VMs, saved dumps, Kubernetes proxies seen so
// far), their last status and their bootstrap tokens. The view, the status bar, the panel and
// the code lens all read from here; refresh() re-reads settings and probes the live ones.
import * as vscode from 'vscode';
import { decodeTokenExpiry } from '../certs/jwt';
import { probeTarget, type ProxyStatus } from './probe';
import { dumpFiles, proxySpecs, trusted } from './settings';
import { dumpTarget, VIEW_LIMITS, vmTarget, type ProxyTarget } from './targets';
import type { TokenInfo } from './treeModel';

export class ProxyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  vms: ProxyTarget[] = [];
  dumps: ProxyTarget[] = [];
  problems: string[] = [];
  tokens: TokenInfo[] = [];
  private readonly kube = new Map<string, ProxyTarget>();
  private readonly statuses = new Map<string, ProxyStatus>();
  private generation = 0;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  dispose(): void { this.changed.dispose(); }

  all(): ProxyTarget[] {
    return [...this.vms, ...this.dumps, ...this.kube.values()];
  }

  get(id: string): ProxyTarget | undefined {
    return this.all().find((t) => t.id === id);
  }

  status(id: string): ProxyStatus | undefined {
    return this.statuses.get(id);
  }

  /** Remembers Kubernetes proxies listed by the view so the panel can open them by id. */
  addKube(targets: ProxyTarget[]): void {
    for (const t of targets) this.kube.set(t.id, t);
  }

  /** The token whose path names this VM (onboarding files usually sit in a folder per VM). */
  tokenFor(name: string): TokenInfo | undefined {
    return this.tokens.find((t) => t.path.split(/[\\/]/).includes(name)) ?? (this.vms.length === 1 && this.tokens.length === 1 ? this.tokens[0] : undefined);
  }

  /** A workload certificate seen by the panel (Kubernetes proxies are not probed by the view). */
  noteCert(id: string, cert: ProxyStatus['cert']): void {
    if (!cert) return;
    const s = this.statuses.get(id);
    if (s?.cert?.notAfter === cert.notAfter) return;
    this.setStatus(id, { ...(s ?? { state: 'unknown', checkedAt: Date.now() }), cert });
  }

  setStatus(id: string, s: ProxyStatus): void {
    this.statuses.set(id, s);
    this.changed.fire();
  }

  /** Re-reads settings and tokens, then probes every VM and dump (in parallel, short timeouts). */
  async refresh(): Promise<void> {
    const gen = ++this.generation;
    const { proxies, problems } = proxySpecs();
    this.problems = problems;
    for (const p of problems) this.output.warn(p);
    this.vms = proxies.map((p) => vmTarget(p, { allowSsh: trusted() }));
    this.dumps = dumpFiles().map((f) => dumpTarget(f));
    const live = new Set(this.all().map((t) => t.id));
    for (const id of [...this.statuses.keys()]) if (!live.has(id)) this.statuses.delete(id);
    this.tokens = await findTokens().catch((e) => { this.output.warn(`istio-token search failed: ${String(e)}`); return []; });
    this.changed.fire();
    await Promise.all([...this.vms, ...this.dumps].map(async (t) => {
      const s = await probeTarget(t, Date.now(), VIEW_LIMITS).catch((e): ProxyStatus => ({ state: 'unreachable', error: String(e), checkedAt: Date.now() }));
      if (gen !== this.generation) return;
      if (s.error) this.output.info(`${t.label}: ${s.state}: ${s.error}`);
      this.setStatus(t.id, s);
    }));
  }
}

/** istio-token files of VM onboarding bundles in the workspace, with their JWT exp (not verified). */
async function findTokens(): Promise<TokenInfo[]> {
  if (!vscode.workspace.workspaceFolders?.length) return [];
  const uris = await vscode.workspace.findFiles('**/istio-token', '**/node_modules/**', 50);
  const out: TokenInfo[] = [];
  for (const uri of uris) {
    const rel = vscode.workspace.asRelativePath(uri);
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > 64 * 1024) { out.push({ path: rel, error: 'file too large for a token' }); continue; }
      const r = decodeTokenExpiry(Buffer.from(bytes).toString('utf8'));
      out.push(r.ok ? { path: rel, exp: r.exp } : { path: rel, error: r.reason });
    } catch (e) {
      out.push({ path: rel, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
