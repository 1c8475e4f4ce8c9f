// Custom LSP messages between the hybrid-mesh client and server. Each one: an object with
// `method` and `type`, and a line saying who sends it and why.
import { NotificationType } from 'vscode-languageserver-protocol';

export interface StatusParams {
  /** 'ready' once the server has initialized; 'disabled' when validation is off. */
  state: 'starting' | 'ready' | 'disabled';
  /** Open YAML documents that currently have diagnostics computed. */
  documentsChecked: number;
  /** Checks run since the server started (each debounced edit counts once). */
  checksRun: number;
  /** Error-severity diagnostics currently published across all files. */
  errors: number;
  /** Warning-severity diagnostics currently published across all files. */
  warnings: number;
  /** YAML files found in the workspace folders (initial scan plus watched changes). */
  workspaceFiles: number;
}

/** Server -> client, after each publish round: drives the status item. */
export const StatusNotification = {
  method: 'hybridMesh/status',
  type: new NotificationType<StatusParams>('hybridMesh/status'),
} as const;
