// Wording of the status item (no vscode import, so it is unit-tested).
import type { StatusParams } from '../../server/src/protocol/lspProtocol';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function statusText(s: StatusParams): string {
  if (s.state === 'disabled') return 'Hybrid Mesh: validation off';
  if (s.state === 'starting') return 'Hybrid Mesh: starting';
  return s.errors === 0 ? 'Hybrid Mesh: no errors' : `Hybrid Mesh: ${plural(s.errors, 'error')}`;
}

export function statusDetail(s: StatusParams): string {
  return `${plural(s.warnings, 'warning')} · ${plural(s.documentsChecked, 'open file')} checked · ${plural(s.workspaceFiles, 'YAML file')} in the workspace`;
}
