// RequestAuthentication: JWT rules (issuer, JWKS URI and inline JWKS, token locations, claim
// headers, timeout), selector and targetRefs.
import type { Path } from '../model/resource';
import { type Ctx, type Obj, arr, has, obj, str } from './context';
import { durationPrecision } from './durations';
import { validateWorkloadSelector } from './labels';
import { validateTargetRefs } from './targetRef';

/** Port part of an http(s) URI must be numeric; scheme is checked by the CRD's CEL. */
function jwksUriError(uri: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::([^/?#]*))?/.exec(uri);
  if (!m) return undefined;
  const port = m[2];
  if (port !== undefined && port !== '' && !/^\d+$/.test(port)) return `parse "${uri}": invalid port ":${port}" after host`;
  if (/\s/.test(uri)) return `parse "${uri}": invalid character " " in host name`;
  return undefined;
}

function jwksError(text: string): string | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'jwks parse error: the value is not valid JSON';
  }
  const o = obj(v);
  if (!o) return 'jwks parse error: invalid JWK set: not a JSON object';
  if (!Array.isArray(o.keys) && typeof o.kty !== 'string') return 'jwks parse error: invalid JWK set: missing "keys" or "kty"';
  return undefined;
}

function validateJwtRule(ctx: Ctx, p: Path, rule: Obj): void {
  if (!str(rule.issuer)) ctx.error(has(rule, 'issuer') ? [...p, 'issuer'] : p, 'issuer must be set');
  const uriField = has(rule, 'jwksUri') ? 'jwksUri' : 'jwks_uri';
  const uri = str(rule[uriField]);
  if (uri) {
    const err = jwksUriError(uri);
    if (err) ctx.error([...p, uriField], err);
  }
  const jwks = str(rule.jwks);
  if (jwks) {
    const err = jwksError(jwks);
    if (err) ctx.error([...p, 'jwks'], err);
  }
  // fromHeaders/fromParams/outputClaimToHeaders names are required and non-empty in the CRD itself.
  const t = durationPrecision(rule.timeout);
  if (t) ctx.error([...p, 'timeout'], t);
}

export function validateRequestAuthentication(ctx: Ctx, spec: Obj): void {
  validateWorkloadSelector(ctx, ['spec', 'selector'], spec.selector);
  validateTargetRefs(ctx, spec);
  arr(spec.jwtRules).forEach((raw, i) => {
    const r = obj(raw);
    if (r) validateJwtRule(ctx, ['spec', 'jwtRules', i], r);
  });
}
