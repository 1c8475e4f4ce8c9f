// Proxy settings as the extension reads them. In an untrusted workspace every proxy setting
// comes from the user (global) scope only: a cloned repository must not point the editor at
// hosts, ssh targets or files of its choosing.
import * as vscode from 'vscode';
import {
  effectiveSetting, normalizeDumpFiles, normalizeProxies, normalizeRefreshSeconds, normalizeThresholds,
  type CertThresholds, type ProxySpec,
} from '../../../server/src/protocol/proxySettings';

const SECTION = 'hybridMesh';

/** The setting's value, from the user scope only when the workspace is not trusted. */
function read(key: string): unknown {
  const c = vscode.workspace.getConfiguration(SECTION);
  return effectiveSetting(c.get(key), c.inspect(key), vscode.workspace.isTrusted);
}

export function trusted(): boolean {
  return vscode.workspace.isTrusted;
}

export function proxySpecs(): { proxies: ProxySpec[]; problems: string[] } {
  return normalizeProxies(read('proxies'));
}

export function dumpFiles(): string[] {
  return normalizeDumpFiles(read('proxyDumpFiles'));
}

export function thresholds(): CertThresholds {
  return normalizeThresholds(read('certificates.warningHours'), read('certificates.errorHours'));
}

export function refreshSeconds(): number {
  return normalizeRefreshSeconds(read('proxy.refreshIntervalSeconds'));
}

export function kubeSettings(): { kubeconfig?: string; context?: string } {
  const kubeconfig = read('cluster.kubeconfig');
  const context = read('cluster.context');
  return {
    ...(typeof kubeconfig === 'string' && kubeconfig ? { kubeconfig } : {}),
    ...(typeof context === 'string' && context ? { context } : {}),
  };
}

/** Writes a list setting where the user keeps it: the workspace when it has a value there, else user settings. */
export async function writeList(key: 'proxies' | 'proxyDumpFiles', value: unknown[]): Promise<void> {
  const c = vscode.workspace.getConfiguration(SECTION);
  const info = c.inspect(key);
  const target = vscode.workspace.isTrusted && info?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await c.update(key, value, target);
}

export function rawList(key: 'proxies' | 'proxyDumpFiles'): unknown[] {
  const v = read(key);
  return Array.isArray(v) ? [...v] : [];
}
