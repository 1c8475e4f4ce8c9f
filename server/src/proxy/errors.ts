// One error type for everything that goes wrong talking to a proxy. Its message is a single line
// that names the endpoint and the cause, so the CLI and the editor can show it as is.
export type ProxyErrorCause =
  | 'refused' | 'unreachable' | 'timeout' | 'reset' | 'truncated' | 'oversized'
  | 'http-status' | 'garbage' | 'not-allowed' | 'transport' | 'usage';

export class ProxyConnectionError extends Error {
  constructor(readonly endpoint: string, readonly cause: ProxyErrorCause, detail: string) {
    super(oneLine(`${endpoint}: ${detail}`));
    this.name = 'ProxyConnectionError';
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
