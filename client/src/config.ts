// Settings read by the client. Server-relevant settings are normalized with the same function
// the server uses, so both sides agree on defaults; client-only ones are read on every access.
import * as vscode from 'vscode';
import { normalizeSettings, type HybridMeshSettings } from '../../server/src/protocol/settings';

export const SECTION = 'hybridMesh';

/** Settings whose change only takes effect after the server restarts. */
export const RESTART_REQUIRED: readonly string[] = [];

export function serverSettings(scope?: vscode.ConfigurationScope): HybridMeshSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return normalizeSettings({
    validation: { enable: c.get('validation.enable'), delayMs: c.get('validation.delayMs') },
    trace: { server: c.get('trace.server') },
  });
}
