// One line for any failure of the proxy commands: no stack traces, always the endpoint and cause.
import { ProxyConnectionError, oneLine } from '../proxy/errors';
import { ProxyDataError } from '../core/proxy';

export function describeFailure(e: unknown): string {
  if (e instanceof ProxyConnectionError) return e.message;
  if (e instanceof ProxyDataError) return oneLine(e.message);
  return oneLine(e instanceof Error ? e.message : String(e));
}
