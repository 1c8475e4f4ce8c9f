// Bootstrap token expiry: the `exp` claim of a VM's istio-token, read WITHOUT verifying the
// signature (we only show when it runs out; nothing is trusted because of it).

export type TokenExpiry =
  | { ok: true; exp: number; sub?: string; aud?: string }
  | { ok: false; reason: string };

/** Decodes the payload of a compact JWS and returns `exp` (epoch seconds). Never throws. */
export function decodeTokenExpiry(token: string): TokenExpiry {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => p === '')) return { ok: false, reason: 'not a JWT (expected three dot-separated parts)' };
  if (!/^[A-Za-z0-9_-]+$/.test(parts[1]!)) return { ok: false, reason: 'the payload is not base64url' };
  let payload: unknown;
  try {
    payload = JSON.parse(base64UrlDecode(parts[1]!));
  } catch {
    return { ok: false, reason: 'the payload is not JSON' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, reason: 'the payload is not a JSON object' };
  const claims = payload as Record<string, unknown>;
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return { ok: false, reason: 'the token has no numeric exp claim' };
  const aud = Array.isArray(claims.aud) ? claims.aud.filter((a) => typeof a === 'string').join(',') : typeof claims.aud === 'string' ? claims.aud : undefined;
  return { ok: true, exp: claims.exp, ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}), ...(aud ? { aud } : {}) };
}

function base64UrlDecode(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '=');
  return Buffer.from(b64, 'base64').toString('utf8');
}
