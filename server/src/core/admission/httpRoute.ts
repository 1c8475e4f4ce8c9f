// One `spec.http[i]` rule of a VirtualService: conflicts, matches, header operations, CORS,
// fault injection, mirrors, redirect, retries, rewrite, destinations and timeouts.
import type { Path } from '../model/resource';
import { type Ctx, type Obj, arr, has, num, obj, percentValue, str, strs } from './context';
import { durationPrecision, hasSubSecond } from './durations';
import { headerNameError, headerNameOrJwtClaimError, isAuthorityHeader, validateHeaderOps } from './headers';
import { isDNS1123Label } from './hosts';
import { validateLabels } from './labels';
import { validatePort } from './addresses';
import { validateStringRegexp } from './regex';
import { isRegexMatch, validateDestination, validateGatewayNames, validatePortField, validateRouteDestinations, validateStringMatchRegex } from './routeParts';
import { validateFault } from './httpFault';
import { validateRetries } from './httpRetry';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE']);
const SINGLE_MATCHES = ['uri', 'scheme', 'method', 'authority'] as const;
const MAP_MATCHES = [['headers', 'headers'], ['queryParams', 'queryParams'], ['withoutHeaders', 'withoutHeaders']] as const;

function duration(ctx: Ctx, path: Path, v: unknown): void {
  const err = durationPrecision(v);
  if (err) ctx.error(path, err);
}

function validateConflicts(ctx: Ctx, path: Path, h: Obj, root: boolean, delegate: boolean): void {
  const name = str(h.name) ?? '';
  if (root) {
    if (has(h, 'redirect')) ctx.error([...path, 'redirect'], `root HTTP route ${name} must not specify redirect`, 'key');
    if (has(h, 'route')) ctx.error([...path, 'route'], `root HTTP route ${name} must not specify route`, 'key');
    return;
  }
  if (delegate && has(h, 'delegate')) ctx.error([...path, 'delegate'], 'delegate HTTP route cannot contain delegate', 'key');
  if (has(h, 'redirect')) {
    if (arr(h.route).length > 0) ctx.error([...path, 'redirect'], 'HTTP route cannot contain both route and redirect', 'key');
    if (has(h, 'fault')) ctx.error([...path, 'fault'], 'HTTP route cannot contain both fault and redirect', 'key');
    if (has(h, 'rewrite')) ctx.error([...path, 'rewrite'], 'HTTP route rule cannot contain both rewrite and redirect', 'key');
  } else if (arr(h.route).length === 0 && !has(h, 'directResponse')) {
    ctx.error(path, 'HTTP route, redirect or direct_response is required', 'value');
  }
}

function validateMatches(ctx: Ctx, path: Path, h: Obj, independent: boolean): void {
  arr(h.match).forEach((raw, i) => {
    const m = obj(raw);
    if (!m) return;
    const p = [...path, 'match', i];
    for (const f of SINGLE_MATCHES) {
      if (independent) validateStringMatchRegex(ctx, [...p, f], m[f], f);
      else if (isRegexMatch(m[f])) ctx.error([...p, f, 'regex'], `${f === 'uri' ? 'url' : f} match does not support regex match for delegating`);
    }
    for (const [f, where] of MAP_MATCHES) {
      for (const [k, v] of Object.entries(obj(m[f]) ?? {})) {
        const kp = [...p, f, k];
        if (v === null) ctx.error(kp, `${f === 'queryParams' ? 'query param' : f === 'headers' ? 'header' : 'withoutHeaders'} match ${k} cannot be null`, 'key');
        if (f !== 'queryParams') {
          const ne = headerNameOrJwtClaimError(k);
          if (ne) ctx.error(kp, ne, 'key');
        }
        if (independent) validateStringMatchRegex(ctx, kp, v, where);
        else if (isRegexMatch(v)) {
          const what = f === 'headers' ? 'header' : f === 'queryParams' ? 'query param' : 'withoutHeaders';
          ctx.error([...kp, 'regex'], `${what} match ${k} does not support regex match for delegating`);
        }
      }
    }
    validatePortField(ctx, [...p, 'port'], m.port);
    validateLabels(ctx, [...p, 'sourceLabels'], m.sourceLabels);
    validateGatewayNames(ctx, [...p, 'gateways'], m.gateways);
    const sns = str(m.sourceNamespace);
    if (sns && !isDNS1123Label(sns)) ctx.error([...p, 'sourceNamespace'], `sourceNamespace match ${sns} is invalid`);
  });
}

function validateCors(ctx: Ctx, path: Path, cors: unknown): void {
  const c = obj(cors);
  if (!c) return;
  arr(c.allowOrigins).forEach((raw, i) => {
    const o = obj(raw);
    if (!o) return;
    const kind = ['exact', 'prefix', 'regex'].find((k) => o[k] !== undefined);
    const v = kind ? str(o[kind]) ?? '' : '';
    if (v === '') ctx.error(kind ? [...path, 'allowOrigins', i, kind] : [...path, 'allowOrigins', i], `'${v}' is not a valid match type for CORS allow origins`);
    else validateStringMatchRegex(ctx, [...path, 'allowOrigins', i], o, 'corsPolicy.allowOrigins');
  });
  strs(c.allowMethods).forEach((m, i) => {
    if (!METHODS.has(m)) ctx.error([...path, 'allowMethods', i], `"${m}" is not a supported HTTP method`);
  });
  for (const f of ['allowHeaders', 'exposeHeaders'] as const) {
    strs(c[f]).forEach((n, i) => {
      const err = n === '*' ? undefined : headerNameError(n);
      if (err) ctx.error([...path, f, i], err);
    });
  }
  duration(ctx, [...path, 'maxAge'], c.maxAge);
  if (hasSubSecond(c.maxAge) && !durationPrecision(c.maxAge)) ctx.error([...path, 'maxAge'], 'max_age duration is accurate only to seconds precision');
}

function validateMirrors(ctx: Ctx, path: Path, h: Obj): void {
  if (h.mirrorPercent !== undefined && h.mirrorPercent !== null) {
    const v = percentValue(h.mirrorPercent);
    if (v !== undefined && v > 100) ctx.error([...path, 'mirrorPercent'], `mirror_percent must have a max value of 100 (it has ${v})`);
    ctx.warn([...path, 'mirrorPercent'], 'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead', 'key');
  }
  checkMirrorPercentage(ctx, [...path, 'mirrorPercentage'], h.mirrorPercentage, 'mirror_percentage');
  validateDestination(ctx, [...path, 'mirror'], h.mirror);
  arr(h.mirrors).forEach((raw, i) => {
    const m = obj(raw);
    const p = [...path, 'mirrors', i];
    if (!m) return void (raw === null && ctx.error(p, 'mirror cannot be null'));
    if (!has(m, 'destination')) return void ctx.error(p, 'destination is required for mirrors');
    validateDestination(ctx, [...p, 'destination'], m.destination);
    checkMirrorPercentage(ctx, [...p, 'percentage'], m.percentage, 'mirror percentage');
  });
}

function checkMirrorPercentage(ctx: Ctx, path: Path, raw: unknown, label: string): void {
  const v = percentValue(raw);
  if (v === undefined) return;
  if (obj(raw)) path = [...path, 'value'];
  const f = v.toFixed(6);
  if (v > 100) ctx.error(path, `${label} must have a max value of 100 (it has ${f})`);
  if (v < 0) ctx.error(path, `${label} must have a min value of 0 (it has ${f})`);
}

function validateRedirect(ctx: Ctx, path: Path, redirect: unknown): void {
  const r = obj(redirect);
  if (!r) return;
  if (!str(r.uri) && !str(r.authority) && !has(r, 'port') && !has(r, 'derivePort') && !str(r.scheme) && !str(r.prefixRewrite)) {
    return void ctx.error(path, 'redirect must specify URI, authority, scheme, or port', 'key');
  }
  const code = num(r.redirectCode);
  if (code !== undefined && code !== 0 && (code < 300 || code > 399)) return void ctx.error([...path, 'redirectCode'], `${code} is not a valid redirect code, must be 3xx`);
  const scheme = str(r.scheme);
  if (scheme && scheme !== 'http' && scheme !== 'https') return void ctx.error([...path, 'scheme'], 'invalid redirect scheme, must be "http" or "https"');
  const port = num(r.port);
  if (port !== undefined && port > 0) {
    const err = validatePort(port);
    if (err) ctx.error([...path, 'port'], err);
  }
}

function validateRewrite(ctx: Ctx, path: Path, h: Obj): void {
  const rw = obj(h.rewrite);
  if (rw) {
    const rr = obj(rw.uriRegexRewrite);
    if (str(rw.uri) && rr) ctx.error(path.concat('rewrite'), 'rewrite may only contain one of URI or UriRegexRewrite', 'key');
    else if (!str(rw.uri) && !rr && !str(rw.authority)) {
      ctx.error(path.concat('rewrite'), 'rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified', 'key');
    } else if (rr) {
      const match = str(rr.match) ?? '';
      if (!match || !str(rr.rewrite)) ctx.error([...path, 'rewrite', 'uriRegexRewrite'], 'UriRegexRewrite has errors\nUriRegexRewrite requires both Rewrite and Match fields to be specified', 'key');
      else {
        const err = validateStringRegexp(match, 'HTTPRewrite.UriRegexRewrite.Match');
        if (err) ctx.error([...path, 'rewrite', 'uriRegexRewrite', 'match'], `UriRegexRewrite has errors\n${err}`);
      }
    }
  }
  // The authority may be rewritten in one place only.
  let current = str(rw?.authority) ?? '';
  const req = obj(obj(h.headers)?.request);
  for (const op of ['set', 'add'] as const) {
    for (const [k, v] of Object.entries(obj(req?.[op]) ?? {})) {
      if (!isAuthorityHeader(k)) continue;
      if (current !== '') return void ctx.error([...path, 'headers', 'request', op, k], `authority header cannot be set multiple times: have "${current}", attempting to set "${String(v)}"`, 'key');
      current = String(v);
    }
  }
}

function validateDirectResponse(ctx: Ctx, path: Path, dr: unknown): void {
  const d = obj(dr);
  if (!d) return;
  const body = obj(d.body);
  const size = (str(body?.string) ?? '').length + Math.floor(((str(body?.bytes) ?? '').length * 3) / 4);
  if (size > 1024 * 1024) ctx.error([...path, 'body'], 'large direct_responses may impact control plane performance, must be less than 1MB');
  else if (size > 100 * 1024) ctx.warn([...path, 'body'], 'large direct_responses may impact control plane performance');
  const status = num(d.status);
  if (status !== undefined && (status < 200 || status > 600)) ctx.error([...path, 'status'], `HTTP status ${status} is not in range 200-599`);
}

export function validateHTTPRoute(ctx: Ctx, path: Path, h: Obj, delegateVS: boolean): void {
  const root = !delegateVS && has(h, 'delegate');
  validateConflicts(ctx, path, h, root, delegateVS);
  validateMatches(ctx, path, h, !root && !delegateVS);
  validateHeaderOps(ctx, [...path, 'headers'], h.headers);
  validateCors(ctx, [...path, 'corsPolicy'], h.corsPolicy);
  validateFault(ctx, [...path, 'fault'], h.fault);
  validateMirrors(ctx, path, h);
  validateRedirect(ctx, [...path, 'redirect'], h.redirect);
  validateRetries(ctx, [...path, 'retries'], h.retries);
  validateRewrite(ctx, path, h);
  validateRouteDestinations(ctx, [...path, 'route'], h.route, true);
  validateDirectResponse(ctx, [...path, 'directResponse'], h.directResponse);
  duration(ctx, [...path, 'timeout'], h.timeout);
}
