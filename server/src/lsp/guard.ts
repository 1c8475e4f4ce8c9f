// Handlers never take the server down: an exception is logged with the handler's name and
// the request gets a neutral answer.
export interface Logger {
  error(message: string): void;
}

export function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}

export function guard<A extends unknown[], R>(log: Logger, name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      log.error(`hybrid-mesh: ${name} failed: ${describeError(e)}`);
      return fallback;
    }
  };
}
