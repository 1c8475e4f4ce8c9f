// How a proxy looks in the Mesh Proxies view: label, description, tooltip, icon and colour,
// from its status. Pure (icon and colour are ids), so the view's wording is unit-tested.
import type { CertThresholds } from '../../../server/src/protocol/proxySettings';
import { certTone, formatTimeLeft, type CertTone } from '../certs/timeLeft';
import type { ProxyStatus } from './probe';

export interface ItemLook {
  label: string;
  description: string;
  tooltip: string[];
  /** Codicon id. */
  icon: string;
  /** Theme colour id, or undefined for the default foreground. */
  color?: string;
  /** Worst of state and certificate, for sorting and the status bar. */
  tone: CertTone;
}

export interface TokenInfo { path: string; exp?: number; error?: string }

export const TONE_COLORS: Record<CertTone, string | undefined> = {
  ok: 'testing.iconPassed',
  warning: 'list.warningForeground',
  error: 'list.errorForeground',
};

const STATE_TEXT: Record<ProxyStatus['state'], string> = {
  ready: 'ready', 'not-ready': 'not ready', unreachable: 'unreachable', saved: 'saved dump', 'istiod-only': 'istiod view', unknown: 'not checked',
};

const worse = (a: CertTone, b: CertTone): CertTone => (a === 'error' || b === 'error' ? 'error' : a === 'warning' || b === 'warning' ? 'warning' : 'ok');

export function certText(cert: { notAfter: number }, now: number): string {
  return `cert ${formatTimeLeft(Math.floor((cert.notAfter - now) / 1000))}`;
}

export function describeProxy(label: string, where: string, status: ProxyStatus | undefined, t: CertThresholds, now: number, token?: TokenInfo): ItemLook {
  if (!status) return { label, description: 'checking…', tooltip: [label, where], icon: 'loading~spin', tone: 'ok' };
  const parts: string[] = [STATE_TEXT[status.state]];
  const tooltip = [`${label}: ${STATE_TEXT[status.state]}${status.detail ? ` (${status.detail})` : ''}`, where];
  let tone: CertTone = status.state === 'unreachable' ? 'error' : status.state === 'not-ready' ? 'warning' : 'ok';
  if (status.state === 'unreachable') {
    parts[0] = `unreachable: ${shorten(status.error ?? 'no answer', 80)}`;
    tooltip.push(`Error: ${status.error ?? 'no answer'}`);
  } else if (status.error) {
    tooltip.push(`Note: ${status.error}`);
  }
  if (status.sync) {
    parts.push(status.sync);
    tooltip.push(`xDS: ${status.sync}`);
    if (status.sync === 'ERROR') tone = 'error';
    else if (status.sync === 'STALE') tone = worse(tone, 'warning');
  }
  if (status.cert) {
    const left = Math.floor((status.cert.notAfter - now) / 1000);
    const certT = certTone(left, t);
    tone = worse(tone, certT);
    parts.push(certText(status.cert, now));
    tooltip.push(`Workload certificate expires ${new Date(status.cert.notAfter).toISOString().replace(/\.\d{3}Z$/, 'Z')} (${formatTimeLeft(left)}${left > 0 ? ' left' : ''})`);
  }
  if (token) {
    if (token.exp !== undefined) {
      const left = token.exp - Math.floor(now / 1000);
      tooltip.push(`Bootstrap token (${token.path}) expires ${new Date(token.exp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')} (${formatTimeLeft(left)}${left > 0 ? ' left' : ''})`);
      if (left <= 0) parts.push('token expired');
    } else {
      tooltip.push(`Bootstrap token (${token.path}): ${token.error ?? 'unreadable'}`);
    }
  }
  const icon = status.state === 'unreachable' ? 'error'
    : tone !== 'ok' && status.cert && certTone(Math.floor((status.cert.notAfter - now) / 1000), t) !== 'ok' ? 'shield'
      : status.state === 'ready' ? 'pass' : status.state === 'not-ready' ? 'warning' : status.state === 'saved' ? 'file' : 'cloud';
  const color = tone === 'ok' ? (status.state === 'ready' ? TONE_COLORS.ok : undefined) : TONE_COLORS[tone];
  return { label, description: parts.join(' · '), tooltip, icon, ...(color ? { color } : {}), tone };
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
