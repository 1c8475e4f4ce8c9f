// A certificate's tone against the thresholds, next to the shared time-left wording.
// Pure (no vscode) so it is unit-tested and shared by the tree, the status bar and the panel.
import type { CertThresholds } from '../../../server/src/protocol/proxySettings';

export { formatTimeLeft } from '../../../server/src/core/proxy/timeLeft';

export type CertTone = 'ok' | 'warning' | 'error';

/** error at or under errorHours (and when expired), warning at or under warningHours. */
export function certTone(seconds: number, t: CertThresholds): CertTone {
  if (seconds <= t.errorHours * 3600) return 'error';
  if (seconds <= t.warningHours * 3600) return 'warning';
  return 'ok';
}
