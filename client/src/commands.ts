// Commands of the language part, as a table: name -> handler over the extension context.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface LanguageContext {
  client(): LanguageClient | undefined;
  output: vscode.LogOutputChannel;
  restart(): Promise<void>;
}

const commands: Record<string, (ctx: LanguageContext) => () => unknown> = {
  'hybridMesh.restartServer': (ctx) => () => ctx.restart(),
  'hybridMesh.showOutput': (ctx) => () => ctx.output.show(true),
};

export function registerLanguageCommands(ctx: LanguageContext): vscode.Disposable[] {
  return Object.entries(commands).map(([name, make]) => vscode.commands.registerCommand(name, make(ctx)));
}
