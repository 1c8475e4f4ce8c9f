// DestinationRule traffic policies (also Sidecar connection pools): connection pool, load
// balancer and locality settings, outlier detection, client TLS, tunnel and proxy protocol.
import type { Path } from '../model/resource';
import { type Ctx, type Obj, arr, has, num, obj, str } from './context';
import { durationPrecision } from './durations';
import { validateFQDN } from './hosts';
import { isIP, validatePort } from './addresses';
import { validateLocality } from './locality';

function dur(ctx: Ctx, path: Path, v: unknown): void {
  const err = durationPrecision(v);
  if (err) ctx.error(path, err);
}

function nonNegative(ctx: Ctx, path: Path, o: Obj, field: string, what: string): void {
  const v = num(o[field]);
  if (v !== undefined && v < 0) ctx.error([...path, field], `${what} must be non-negative`);
}

export function validateConnectionPool(ctx: Ctx, path: Path, pool: unknown): void {
  const cp = obj(pool);
  if (!cp) return;
  const http = obj(cp.http);
  const tcp = obj(cp.tcp);
  if (!http && !tcp) return void ctx.error(path, 'connection pool must have at least one field', 'key');
  if (http) {
    const p = [...path, 'http'];
    nonNegative(ctx, p, http, 'http1MaxPendingRequests', 'http1 max pending requests');
    nonNegative(ctx, p, http, 'http2MaxRequests', 'http2 max requests');
    nonNegative(ctx, p, http, 'maxRequestsPerConnection', 'max requests per connection');
    nonNegative(ctx, p, http, 'maxRetries', 'max retries');
    nonNegative(ctx, p, http, 'maxConcurrentStreams', 'max concurrent streams');
    dur(ctx, [...p, 'idleTimeout'], http.idleTimeout);
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
      ctx.error([...p, 'useClientProtocol'], 'use client protocol must not be true when H2UpgradePolicy is UPGRADE');
    }
  }
  if (tcp) {
    const p = [...path, 'tcp'];
    nonNegative(ctx, p, tcp, 'maxConnections', 'max connections');
    for (const f of ['connectTimeout', 'maxConnectionDuration', 'idleTimeout'] as const) dur(ctx, [...p, f], tcp[f]);
    const ka = obj(tcp.tcpKeepalive);
    if (ka) for (const f of ['time', 'interval'] as const) dur(ctx, [...p, 'tcpKeepalive', f], ka[f]);
  }
}

function isPrime(x: number): boolean {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  for (let f = 3; f * f <= x; f += 2) if (x % f === 0) return false;
  return true;
}

function validateLoadBalancer(ctx: Ctx, path: Path, lbRaw: unknown, outlier: unknown): void {
  const lb = obj(lbRaw);
  if (!lb) return;
  const ch = obj(lb.consistentHash);
  if (ch) {
    const p = [...path, 'consistentHash'];
    const cookie = obj(ch.httpCookie);
    if (cookie && !str(cookie.name)) ctx.error([...p, 'httpCookie'], 'name required for HttpCookie', 'key');
    const minRing = num(ch.minimumRingSize) ?? 0;
    if (minRing !== 0) {
      ctx.warn([...p, 'minimumRingSize'], "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead", 'key');
      if (has(ch, 'ringHash') || has(ch, 'maglev')) ctx.error([...p, 'minimumRingSize'], 'only one of MinimumRingSize or Maglev/Ringhash can be specified', 'key');
    }
    const ml = obj(ch.maglev);
    if (ml) {
      const size = num(ml.tableSize) ?? 0;
      const tp = [...p, 'maglev', 'tableSize'];
      if (size === 0) ctx.error(has(ml, 'tableSize') ? tp : [...p, 'maglev'], 'tableSize must be set for maglev', has(ml, 'tableSize') ? 'value' : 'key');
      if (size >= 5000011) ctx.error(tp, 'tableSize must be less than 5000011 for maglev');
      if (!isPrime(size)) ctx.error(tp, 'tableSize must be a prime number for maglev');
    }
  }
  validateLocality(ctx, [...path, 'localityLbSetting'], lb.localityLbSetting, outlier);
  dur(ctx, [...path, 'warmupDurationSecs'], lb.warmupDurationSecs);
}

function validateOutlier(ctx: Ctx, path: Path, raw: unknown): void {
  const o = obj(raw);
  if (!o) return;
  dur(ctx, [...path, 'baseEjectionTime'], o.baseEjectionTime);
  dur(ctx, [...path, 'interval'], o.interval);
  if ((num(o.consecutiveErrors) ?? 0) !== 0) {
    ctx.warn([...path, 'consecutiveErrors'], 'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead', 'key');
  }
  const local = num(o.consecutiveLocalOriginFailures) ?? num(obj(o.consecutiveLocalOriginFailures)?.value) ?? 0;
  if (o.splitExternalLocalOriginErrors !== true && local > 0) {
    ctx.error([...path, 'consecutiveLocalOriginFailures'], 'outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false');
  }
  for (const f of ['maxEjectionPercent', 'minHealthPercent'] as const) {
    const v = num(o[f]);
    if (v !== undefined && (v < 0 || v > 100)) ctx.error([...path, f], `percentage ${v} is not in range 0..100`);
  }
}

export function validateClientTLS(ctx: Ctx, path: Path, raw: unknown): void {
  const t = obj(raw);
  if (!t) return;
  const mode = str(t.mode) ?? 'DISABLE';
  const set = (f: string): boolean => (str(t[f]) ?? '') !== '';
  const skip = t.insecureSkipVerify === true || obj(t.insecureSkipVerify)?.value === true;
  if (skip && mode === 'SIMPLE' && (set('caCertificates') || set('credentialName') || has(t, 'subjectAltNames'))) {
    ctx.error([...path, 'insecureSkipVerify'], 'cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true');
  }
  if (skip && mode === 'MUTUAL' && (set('caCertificates') || has(t, 'subjectAltNames'))) {
    ctx.error([...path, 'insecureSkipVerify'], 'cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true');
  }
  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && set('credentialName')) {
    if (set('clientCertificate') || set('caCertificates') || set('privateKey') || set('caCrl')) {
      ctx.error([...path, 'credentialName'], 'cannot specify client certificates or CA certificate or CA CRL If credentialName is set');
    }
    return;
  }
  if (mode === 'MUTUAL') {
    if (!set('clientCertificate')) ctx.error([...path, 'mode'], 'client certificate required for mutual tls');
    if (!set('privateKey')) ctx.error([...path, 'mode'], 'private key required for mutual tls');
  }
}

function validateTunnel(ctx: Ctx, path: Path, raw: unknown): void {
  const t = obj(raw);
  if (!t) return;
  const proto = str(t.protocol) ?? '';
  if (proto !== '' && proto !== 'CONNECT' && proto !== 'POST') ctx.error([...path, 'protocol'], 'tunnel protocol must be "CONNECT" or "POST"');
  const host = str(t.targetHost) ?? '';
  const fq = validateFQDN(host);
  if (fq && !isIP(host)) ctx.error([...path, 'targetHost'], `tunnel target host must be valid FQDN or IP address: ${fq}; ${host} is not a valid IP`);
  const perr = validatePort(num(t.targetPort) ?? 0);
  if (perr) ctx.error(has(t, 'targetPort') ? [...path, 'targetPort'] : path, `tunnel target port is invalid: ${perr}`, has(t, 'targetPort') ? 'value' : 'key');
}

const POLICY_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol', 'retryBudget'];

function validateCommon(ctx: Ctx, path: Path, p: Obj): void {
  validateOutlier(ctx, [...path, 'outlierDetection'], p.outlierDetection);
  validateConnectionPool(ctx, [...path, 'connectionPool'], p.connectionPool);
  validateLoadBalancer(ctx, [...path, 'loadBalancer'], p.loadBalancer, p.outlierDetection);
  validateClientTLS(ctx, [...path, 'tls'], p.tls);
}

export function validateTrafficPolicy(ctx: Ctx, path: Path, raw: unknown): void {
  const p = obj(raw);
  if (!p) return;
  if (!POLICY_FIELDS.some((f) => has(p, f))) return void ctx.error(path, 'traffic policy must have at least one field', 'key');
  if (has(p, 'tunnel') && has(p, 'proxyProtocol')) return void ctx.error(path, 'tunnel and proxyProtocol must not be set together', 'key');
  validateCommon(ctx, path, p);
  arr(p.portLevelSettings).forEach((raw2, i) => {
    const pl = obj(raw2);
    const pp = [...path, 'portLevelSettings', i];
    if (!pl) return void (raw2 === null && ctx.error(pp, 'traffic policy may not be null'));
    if (!has(pl, 'port')) ctx.error(pp, 'portTrafficPolicy must have valid port');
    if (!['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'].some((f) => has(pl, f))) ctx.error(pp, 'port traffic policy must have at least one field');
    else validateCommon(ctx, pp, pl);
  });
  validateTunnel(ctx, [...path, 'tunnel'], p.tunnel);
}
