// `galley.istio.io/analyze-suppress: "IST0102,HM2003"` (or `*`) on a resource silences those
// codes for that resource, as `istioctl analyze` honours it.
import type { Finding } from './finding';

export const SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

/** The codes a resource's annotations suppress (`*` means all). */
export function suppressedCodes(annotations: Record<string, unknown> | undefined): Set<string> {
  const raw = annotations?.[SUPPRESS_ANNOTATION];
  if (typeof raw !== 'string') return new Set();
  return new Set(raw.split(',').map((s) => s.trim()).filter((s) => s !== ''));
}

export function isSuppressed(code: string, codes: Set<string>): boolean {
  return codes.has('*') || codes.has(code);
}

/** `findings` without those the document's own annotation suppresses. */
export function applySuppression(findings: Finding[], value: unknown): Finding[] {
  const meta = value && typeof value === 'object' ? (value as Record<string, unknown>).metadata : undefined;
  const ann = meta && typeof meta === 'object' ? (meta as Record<string, unknown>).annotations : undefined;
  const codes = suppressedCodes(ann as Record<string, unknown> | undefined);
  return codes.size === 0 ? findings : findings.filter((f) => !isSuppressed(f.code, codes));
}
