// VirtualService `retries`: attempts, perTryTimeout and the `retryOn` policy list (Envoy's
// x-envoy-retry-on and x-envoy-retry-grpc-on values, or HTTP status codes).
import type { Path } from '../model/resource';
import { type Ctx, has, num, obj, str } from './context';
import { durationPrecision } from './durations';

const POLICIES = new Set([
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'retriable-4xx', 'refused-stream',
  'retriable-status-codes', 'retriable-headers', 'envoy-ratelimited', 'http3-post-connect-failure',
  'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);
// Status codes with a standard reason phrase (what Go's http.StatusText knows).
const STATUS = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423,
  424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

export function retryOnError(policy: string): string | undefined {
  if (/^[+-]?\d+$/.test(policy) && STATUS.has(Number(policy))) return undefined;
  return POLICIES.has(policy) ? undefined : `"${policy}" is not a valid retryOn policy`;
}

export function validateRetries(ctx: Ctx, path: Path, retries: unknown): void {
  const r = obj(retries);
  if (!r) return;
  const attempts = num(r.attempts) ?? 0;
  if (attempts < 0) ctx.error([...path, 'attempts'], 'attempts cannot be negative');
  const retryOn = str(r.retryOn) ?? '';
  if (attempts === 0 && (has(r, 'perTryTimeout') || retryOn !== '' || has(r, 'retryRemoteLocalities'))) {
    ctx.error(has(r, 'attempts') ? [...path, 'attempts'] : path, 'http retry policy configured when attempts are set to 0 (disabled)', has(r, 'attempts') ? 'value' : 'key');
  }
  const ptt = durationPrecision(r.perTryTimeout);
  if (ptt) ctx.error([...path, 'perTryTimeout'], ptt);
  if (retryOn !== '') {
    const errs = retryOn.split(',').map(retryOnError).filter((e): e is string => e !== undefined);
    if (errs.length > 0) ctx.error([...path, 'retryOn'], errs.join('; '));
  }
}
