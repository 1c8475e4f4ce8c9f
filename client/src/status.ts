// A language status item for YAML files: server state and the error count the server reports
// with `hybridMesh/status`.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol/lspProtocol';
import { statusDetail, statusText } from './statusText';

export class ServerStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('hybridMesh.status', [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
    ]);
    this.item.name = 'Hybrid Mesh';
    this.item.command = { title: 'Show Output', command: 'hybridMesh.showOutput' };
    this.starting();
  }

  starting(): void {
    this.item.busy = true;
    this.item.text = 'Hybrid Mesh: starting';
    this.item.detail = undefined;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
  }

  stopped(reason?: string): void {
    this.item.busy = false;
    this.item.text = 'Hybrid Mesh: stopped';
    this.item.detail = reason;
    this.item.severity = vscode.LanguageStatusSeverity.Error;
  }

  update(s: StatusParams): void {
    this.item.busy = false;
    this.item.text = statusText(s);
    this.item.detail = statusDetail(s);
    this.item.severity = s.errors > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
  }
}
