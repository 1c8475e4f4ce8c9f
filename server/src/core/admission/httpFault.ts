// VirtualService fault injection: delay and/or abort, each with an optional percentage.
import type { Path } from '../model/resource';
import { type Ctx, has, num, obj, percentValue, str } from './context';
import { durationPrecision } from './durations';

const GRPC_STATUS = new Set([
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE',
  'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
]);

/** `percentage: {value}`: 0, or within [0.0001, 100]. */
export function checkPercentage(ctx: Ctx, path: Path, raw: unknown): void {
  const v = percentValue(raw);
  if (v === undefined) return;
  if (v < 0 || v > 100 || (v > 0 && v < 0.0001)) {
    ctx.error(obj(raw) ? [...path, 'value'] : path, `percentage ${v} is neither 0.0, nor in range [0.0001, 100.0]`);
  }
}

/** Deprecated integer `percent`. */
function checkPercent(ctx: Ctx, path: Path, raw: unknown): void {
  const v = num(raw);
  if (v !== undefined && (v < 0 || v > 100)) ctx.error(path, `percentage ${v} is not in range 0..100`);
}

export function validateFault(ctx: Ctx, path: Path, fault: unknown): void {
  const f = obj(fault);
  if (!f) return;
  const abort = obj(f.abort);
  const delay = obj(f.delay);
  if (!abort && !delay) ctx.error(path, 'HTTP fault injection must have an abort and/or a delay', 'key');
  if (abort) {
    const p = [...path, 'abort'];
    checkPercentage(ctx, [...p, 'percentage'], abort.percentage);
    checkPercent(ctx, [...p, 'percent'], abort.percent);
    const grpc = str(abort.grpcStatus);
    const http = num(abort.httpStatus);
    if (grpc !== undefined) {
      if (!GRPC_STATUS.has(grpc)) {
        ctx.error([...p, 'grpcStatus'], `gRPC status "${grpc}" is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example 'NOT_FOUND'`);
      }
    } else if (has(abort, 'http2Error')) {
      ctx.error([...p, 'http2Error'], 'HTTP/2 abort fault injection not supported yet', 'key');
    } else if (http !== undefined) {
      if (http < 200 || http > 600) ctx.error([...p, 'httpStatus'], `HTTP status ${http} is not in range 200-599`);
    } else {
      ctx.warn(p, 'abort configured, but error type not set', 'key');
    }
  }
  if (delay) {
    const p = [...path, 'delay'];
    checkPercentage(ctx, [...p, 'percentage'], delay.percentage);
    checkPercent(ctx, [...p, 'percent'], delay.percent);
    const fixed = durationPrecision(delay.fixedDelay);
    if (fixed) ctx.error([...p, 'fixedDelay'], fixed);
    if (has(delay, 'exponentialDelay')) ctx.error([...p, 'exponentialDelay'], 'exponentialDelay not supported yet', 'key');
  }
}
