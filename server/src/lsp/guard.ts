/**
 * Handlers never take the server down: an exception in a handler (or in a timer it set) is logged to
 * the client's output and the handler returns its empty result instead.
 */

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Wraps a handler: a thrown exception or a rejected promise is logged under `name`, and `fallback`
 * is returned (or resolved) instead.
 */
export function guard<A extends unknown[], R>(
  log: Logger,
  name: string,
  fallback: NoInfer<Awaited<R>>,
  handler: (...args: A) => R,
): (...args: A) => R {
  return (...args: A): R => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) {
        return result.catch((error: unknown) => {
          log.error(`govreport: ${name} failed: ${describeError(error)}`);
          return fallback;
        }) as R;
      }
      return result;
    } catch (error) {
      log.error(`govreport: ${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}
