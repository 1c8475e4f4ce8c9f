// The language part of the extension: owns the LanguageClient, its status item and commands,
// and restarts the client on demand.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';
import { StatusNotification } from '../../server/src/protocol/lspProtocol';
import { registerLanguageCommands, type LanguageContext } from './commands';
import { CLIENT_NAME, createLanguageClient } from './languageClient';
import { ServerStatus } from './status';

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
  context.subscriptions.push(output, status, ...registerLanguageCommands(ctx), { dispose: () => void client?.dispose() });
  void start();
  return ctx;
}
