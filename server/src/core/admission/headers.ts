// HTTP header names, values and header operations (VirtualService routes and destinations).
import type { Path } from '../model/resource';
import { type Ctx, obj, strs } from './context';

const HEADER_NAME = /^[-_A-Za-z0-9]+$/;
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;
const JWT_CLAIM = /^@request\.auth\.claims(\.[^.]|\[.+\])/;

export function headerNameError(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  return HEADER_NAME.test(name) ? undefined : `header name ${name} is not a valid header name`;
}

export const isJwtClaimRoute = (name: string): boolean => JWT_CLAIM.test(name);

export function headerNameOrJwtClaimError(name: string): string | undefined {
  return isJwtClaimRoute(name) ? undefined : headerNameError(name);
}

/** Envoy header value: no control characters; `%` starts a `%VAR%` expression or is escaped as `%%`. */
export function headerValueError(value: string): string | undefined {
  if (CONTROL.test(value)) return `header value configuration ${value} is invalid`;
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '%') continue;
    if (value[i + 1] === '%') {
      i++;
      continue;
    }
    const end = value.indexOf('%', i + 1);
    if (end < 0) return `header value configuration: invalid header configuration. Un-terminated variable expression '${value.slice(i)}'`;
    i = end;
  }
  return undefined;
}

const isInternal = (h: string): boolean => h.startsWith(':') || h.toLowerCase() === 'host';
export const isAuthorityHeader = (h: string): boolean => h.toLowerCase() === ':authority' || h.toLowerCase() === 'host';

function setNameError(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isInternal(name) && !isAuthorityHeader(name)) return `invalid header "${name}": header cannot have ":" prefix`;
  return undefined;
}

function removeNameError(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name.toLowerCase() === 'host') return `invalid header "${name}": cannot set Host header`;
  if (isInternal(name)) return `invalid header "${name}": header cannot have ":" prefix`;
  return undefined;
}

/** `headers: {request|response: {set, add, remove}}` at `path`. */
export function validateHeaderOps(ctx: Ctx, path: Path, headers: unknown): void {
  const h = obj(headers);
  if (!h) return;
  for (const side of ['request', 'response'] as const) {
    const ops = obj(h[side]);
    if (!ops) continue;
    for (const op of ['set', 'add'] as const) {
      for (const [name, val] of Object.entries(obj(ops[op]) ?? {})) {
        const p = [...path, side, op, name];
        const ne = side === 'request' ? setNameError(name) : removeNameError(name);
        if (ne) ctx.error(p, ne, 'key');
        if (typeof val === 'string') {
          const ve = headerValueError(val);
          if (ve) ctx.error(p, ve);
        }
      }
    }
    strs(ops.remove).forEach((name, i) => {
      const ne = removeNameError(name);
      if (ne) ctx.error([...path, side, 'remove', i], ne);
    });
  }
}
