// Which certificate the status bar shows, and when to notify. Pure: the status bar item and the
// notifications in statusBar.ts only render these decisions.
import type { CertThresholds } from '../../../server/src/protocol/proxySettings';
import { certTone, formatTimeLeft, type CertTone } from './timeLeft';

export interface CertEntry {
  id: string;
  label: string;
  /** Epoch ms. */
  notAfter: number;
}

export interface StatusBarLook {
  text: string;
  tooltip: string;
  tone: CertTone;
  entry: CertEntry;
}

export function soonest(entries: CertEntry[]): CertEntry | undefined {
  return [...entries].sort((a, b) => a.notAfter - b.notAfter || a.label.localeCompare(b.label))[0];
}

/** `$(shield) vm-2 cert 1h 58m`, or undefined when no connected proxy has a workload certificate. */
export function statusBarLook(entries: CertEntry[], now: number, t: CertThresholds): StatusBarLook | undefined {
  const s = soonest(entries);
  if (!s) return undefined;
  const left = Math.floor((s.notAfter - now) / 1000);
  const tone = certTone(left, t);
  const others = entries.length - 1;
  return {
    text: `$(shield) ${s.label} cert ${formatTimeLeft(left)}`,
    tooltip: `Soonest-expiring workload certificate: ${s.label}, ${new Date(s.notAfter).toISOString().replace(/\.\d{3}Z$/, 'Z')}`
      + (others > 0 ? ` (${others} other proxy certificate${others === 1 ? '' : 's'} checked)` : ''),
    tone,
    entry: s,
  };
}

/**
 * Notifies once per proxy and severity: when a proxy first goes under the warning threshold,
 * and again if it then crosses the error threshold (or expires). `notified` is updated.
 */
export function toNotify(entries: CertEntry[], now: number, t: CertThresholds, notified: Map<string, CertTone>): { entry: CertEntry; tone: CertTone; message: string }[] {
  const out: { entry: CertEntry; tone: CertTone; message: string }[] = [];
  for (const e of entries) {
    const left = Math.floor((e.notAfter - now) / 1000);
    const tone = certTone(left, t);
    const before = notified.get(e.id);
    if (tone === 'ok') { notified.delete(e.id); continue; }
    if (before === tone || before === 'error') continue;
    notified.set(e.id, tone);
    out.push({
      entry: e, tone,
      message: left <= 0
        ? `The workload certificate of ${e.label} has expired (${formatTimeLeft(left)}).`
        : `The workload certificate of ${e.label} expires in ${formatTimeLeft(left)}.`,
    });
  }
  return out;
}
