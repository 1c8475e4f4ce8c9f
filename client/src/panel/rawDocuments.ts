// "Open raw JSON": the last config_dump of a proxy as a read-only virtual document
// (scheme hybrid-mesh-proxy); the text lives in memory, never on disk.
import * as vscode from 'vscode';

export const RAW_SCHEME = 'hybrid-mesh-proxy';

export class RawDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  uriFor(id: string, label: string): vscode.Uri {
    const safe = label.replace(/[^A-Za-z0-9_.-]/g, '_') || 'proxy';
    return vscode.Uri.from({ scheme: RAW_SCHEME, path: `/${safe}/config_dump.json`, query: encodeURIComponent(id) });
  }

  set(id: string, label: string, text: string): void {
    this.texts.set(id, text);
    this.changed.fire(this.uriFor(id, label));
  }

  has(id: string): boolean { return this.texts.has(id); }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = decodeURIComponent(uri.query);
    const text = this.texts.get(id);
    if (text === undefined) return '// No data for this proxy yet: open it in the Mesh Proxies view first.\n';
    return prettyJson(text);
  }

  async open(id: string, label: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(this.uriFor(id, label));
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}

/** Re-indents compact JSON (Envoy indents already; istiod does not); leaves anything else as is. */
function prettyJson(text: string): string {
  if (text.length > 64 * 1024 * 1024 || /^\s*{\s*\n/.test(text)) return text;
  try { return `${JSON.stringify(JSON.parse(text), null, 2)}\n`; } catch { return text; }
}
