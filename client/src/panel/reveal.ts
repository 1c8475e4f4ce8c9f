// Reveals the workspace YAML behind a cluster, subset or endpoint: scans the workspace's YAML
// files, parses them with the core parser, and selects the matching name, subset or host.
import * as vscode from 'vscode';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import type { Resource } from '../../../server/src/core/model/resource';
import type { ResourceRef } from '../../../server/src/protocol/webviewProtocol';
import { resolveResource } from './resolveResource';

const MAX_FILES = 5000;
const MAX_BYTES = 2 * 1024 * 1024;

/** Workspace resources of the kinds proxies come from (files that cannot contain them are skipped cheaply). */
export async function workspaceResources(kinds: readonly string[]): Promise<Resource[]> {
  const uris = await vscode.workspace.findFiles('**/*.{yaml,yml}', '{**/node_modules/**,**/.git/**}', MAX_FILES);
  const out: Resource[] = [];
  for (const uri of uris) {
    const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
    if (!bytes || bytes.byteLength > MAX_BYTES) continue;
    const text = Buffer.from(bytes).toString('utf8');
    if (!kinds.some((k) => text.includes(k))) continue;
    try {
      out.push(...resourcesOf(parseYamlFile(uri.toString(), text)).filter((r) => kinds.includes(r.kind)));
    } catch {
      // A file the parser cannot read has no resource to reveal; the language server reports it.
    }
  }
  return out;
}

export async function revealResource(ref: ResourceRef): Promise<void> {
  const match = resolveResource(await workspaceResources([ref.kind]), ref);
  const what = `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}${ref.subset ? ` (subset ${ref.subset})` : ''}`;
  if (!match) {
    void vscode.window.showInformationMessage(`No ${what} in the workspace YAML files.`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(match.resource.uri));
  const range = new vscode.Range(doc.positionAt(match.span.start), doc.positionAt(match.span.end));
  await vscode.window.showTextDocument(doc, { selection: range, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
}
