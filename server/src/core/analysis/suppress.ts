// `galley.istio.io/analyze-suppress: "IST0101,HM4001"` (or "*") on the resource that carries a
// finding silences those codes there, as istioctl does.
import type { Resource } from '../model/resource';

export const SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

export function suppressed(r: Resource, code: string): boolean {
  const v = r.annotations[SUPPRESS_ANNOTATION];
  if (!v) return false;
  return v.split(',').some((c) => {
    const t = c.trim();
    return t === '*' || t === code;
  });
}
