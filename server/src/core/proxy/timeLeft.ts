// Time left on a certificate or token as people read it: one wording for the CLI and the view.

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
