// The language part of the extension: owns the LanguageClient, its status item and commands,
// and restarts the client on demand.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';
import { StatusNotification } from '../../server/src/protocol/lspProtocol';
import { registerLanguageCommands, type LanguageContext } from './commands';
import { CLIENT_NAME, createLanguageClient } from './languageClient';
import { ServerStatus } from './status';

/** Must match SHOW_REFERENCES_COMMAND of the server's navigation handlers. */
export const SHOW_REFERENCES_COMMAND = 'hybridMesh.showReferences';

export function registerLanguageFeatures(context: vscode.ExtensionContext): LanguageContext {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const status = new ServerStatus();
  let client: LanguageClient | undefined;

  const start = async () => {
    status.starting();
    const c = createLanguageClient(context, output);
    client = c;
    c.onDidChangeState((e) => { if (e.newState === State.Stopped) status.stopped(); });
    c.onNotification(StatusNotification.type, (s) => status.update(s));
    try {
      await c.start();
    } catch (e) {
      // VS Code shows nothing when a server fails to start; say so ourselves.
      const message = e instanceof Error ? e.message : String(e);
      status.stopped(message);
      output.appendLine(`Hybrid Mesh language server failed to start: ${message}`);
      void vscode.window.showErrorMessage(`Hybrid Mesh language server failed to start: ${message}`);
    }
  };

  const ctx: LanguageContext = {
    client: () => client,
    output,
    restart: async () => {
      const old = client;
      client = undefined;
      if (old) await old.dispose().catch(() => undefined);
      await start();
    },
  };
  context.subscriptions.push(output, status, ...registerLanguageCommands(ctx), showReferencesCommand(), { dispose: () => void client?.dispose() });
  void start();
  return ctx;
}

interface LspLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * The server's code lenses (who selects this WorkloadGroup, what this ServiceEntry selects) carry
 * plain LSP values; VS Code's peek command needs its own types.
 */
function showReferencesCommand(): vscode.Disposable {
  const pos = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
  return vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, (uri: string, at: { line: number; character: number }, locations: LspLocation[]) =>
    vscode.commands.executeCommand(
      'editor.action.showReferences',
      vscode.Uri.parse(uri),
      pos(at),
      (locations ?? []).map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(pos(l.range.start), pos(l.range.end)))),
    ));
}
