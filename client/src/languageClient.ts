// The LanguageClient for dist/server.js over node IPC. The id `hybridMesh` makes VS Code's
// `hybridMesh.trace.server` setting drive protocol tracing.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SECTION, serverSettings } from './config';

export const CLIENT_ID = 'hybridMesh';
export const CLIENT_NAME = 'Hybrid Mesh';
/** Workspace analysis settings (window scope), normalised by the server. */
const ANALYSIS_SECTION = 'hybridMesh.analysis';

function analysisSettings(): { enable: unknown; defaultNamespace: unknown } {
  const c = vscode.workspace.getConfiguration(ANALYSIS_SECTION);
  return { enable: c.get('enable'), defaultNamespace: c.get('defaultNamespace') };
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel: output,
    synchronize: { configurationSection: SECTION },
    middleware: {
      workspace: {
        // Answer with normalized settings per scope, so the server never sees raw values.
        configuration: (params) =>
          params.items.map((item) => {
            if (item.section === ANALYSIS_SECTION) return analysisSettings();
            if (item.section !== SECTION) return null;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return serverSettings(scope);
          }),
      },
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
