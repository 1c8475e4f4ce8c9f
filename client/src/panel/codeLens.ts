// "Inspect sidecar" above a WorkloadEntry or WorkloadGroup whose name or address matches a
// configured VM proxy.
import * as vscode from 'vscode';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { addressOf } from '../../../server/src/protocol/proxySettings';
import type { ProxyStore } from '../proxies/store';
import { proxyForWorkload } from './resolveResource';

export class WorkloadCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly store: ProxyStore) {
    store.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const text = doc.getText();
    if (!/kind:\s*Workload(Entry|Group)/.test(text) || this.store.vms.length === 0) return [];
    const proxies = this.store.vms.flatMap((t) => (t.spec ? [{ name: t.spec.name, address: addressOf(t.spec), id: t.id }] : []));
    const lenses: vscode.CodeLens[] = [];
    for (const r of resourcesOf(parseYamlFile(doc.uri.toString(), text))) {
      const hit = proxyForWorkload(r, proxies);
      if (!hit) continue;
      const id = proxies.find((p) => p.name === hit.name)!.id;
      const range = new vscode.Range(doc.positionAt(r.span.start), doc.positionAt(r.span.start));
      lenses.push(new vscode.CodeLens(range, { title: 'Inspect sidecar', command: 'hybridMesh.inspectProxy', arguments: [id], tooltip: `Open the proxy panel of ${hit.name}` }));
    }
    return lenses;
  }
}
