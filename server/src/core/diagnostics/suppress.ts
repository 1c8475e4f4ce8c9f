// `galley.istio.io/analyze-suppress: "IST0102,HM2003"` (or `*`) on a resource silences those
// codes for that resource, as `istioctl analyze` honours it.
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
