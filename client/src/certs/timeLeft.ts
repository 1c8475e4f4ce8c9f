// Time left on a certificate or token, as people read it, and its tone against the thresholds.
// Pure (no vscode) so it is unit-tested and shared by the tree, the status bar and the panel.
import type { CertThresholds } from '../../../server/src/protocol/proxySettings';

export type CertTone = 'ok' | 'warning' | 'error';

/** `2d 3h`, `1h 58m`, `4m`, `expired 1h 2m ago`; seconds are dropped (never rounds up). */
export function formatTimeLeft(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds <= 0) return seconds > -60 ? 'expired' : `expired ${span(-seconds)} ago`;
  if (seconds < 60) return '<1m';
  return span(seconds);
}

function span(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return `${h}h ${m}m`;
  return `${m}m`;
}

/** error at or under errorHours (and when expired), warning at or under warningHours. */
export function certTone(seconds: number, t: CertThresholds): CertTone {
  if (seconds <= t.errorHours * 3600) return 'error';
  if (seconds <= t.warningHours * 3600) return 'warning';
  return 'ok';
}
