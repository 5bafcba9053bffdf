/** An uncaught error as a worker's global scope reports it (ErrorEvent's fields that matter here). */
interface StrayError {
  preventDefault(): void;
  readonly message?: string;
  readonly filename?: string;
  readonly error?: unknown;
}

/** The part of a worker's global scope the guard listens to; absent in Node. */
interface ErrorEventTarget {
  addEventListener?(type: 'error', listener: (e: StrayError) => void): void;
  removeEventListener?(type: 'error', listener: (e: StrayError) => void): void;
}

/** How long a backend may take to start before it counts as failed (a cold wasm compile on a loaded 2-core box is ~5 s). */
export const START_LIMIT_MS = 60_000;

/**
 * Resolves to undefined when `start` resolves to undefined (started), else to why it did not:
 * its own answer, an uncaught error raised meanwhile in this realm (Emscripten rethrows a pthread
 * worker's ErrorEvent from a handler, which would otherwise take the whole worker down), or
 * silence past `limitMs`. The uncaught error is cancelled (preventDefault), so the worker lives.
 * `threaded`: whether this start runs pthread workers (else their errors are an earlier start's).
 */
export function guardStart(start: Promise<string | undefined>, what: string, threaded: boolean, limitMs = START_LIMIT_MS, scope: unknown = globalThis): Promise<string | undefined> {
  const target = scope as ErrorEventTarget;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (why: string | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // After a failed start the abandoned module's pthread workers keep failing, one by one, and
      // their errors keep arriving here: those stay cancelled. After a good start, errors are the
      // worker's own again.
      if (why === undefined) target.removeEventListener?.('error', onError);
      resolve(why);
    };
    const onError = (e: StrayError) => {
      if (settled && !fromPthreadWorker(e)) return;
      e.preventDefault();
      // A start without threads has no pthread worker: such an error is an earlier attempt's.
      if (!threaded && fromPthreadWorker(e)) return;
      finish(`${what} raised an error while starting: ${describeStray(e)}`);
    };
    const timer = setTimeout(() => finish(`${what} did not start within ${Math.round(limitMs / 1000)} s`), limitMs);
    target.addEventListener?.('error', onError);
    start.then(finish, (e: unknown) => finish(e instanceof Error ? e.message : String(e)));
  });
}

/**
 * An error of an Emscripten pthread worker: its error event rethrown by Emscripten's handler (the
 * uncaught value is an event, not an Error), or its own uncaught error passed up to this worker
 * (no error object crosses; the script is the blob: URL Emscripten starts pthreads from, while
 * Spikelab's own workers start from files).
 */
function fromPthreadWorker(e: StrayError): boolean {
  const v = e.error;
  if (typeof v === 'object' && v !== null && !(v instanceof Error) && (v as { type?: unknown }).type === 'error') return true;
  return (v === null || v === undefined) && (e.filename ?? '').startsWith('blob:');
}

/** The message of an uncaught error, which may itself wrap an error event (a worker's). */
function describeStray(e: { message?: string; error?: unknown }): string {
  const inner = e.error as { message?: unknown; type?: unknown } | undefined;
  if (inner && typeof inner.message === 'string' && inner.message !== '') return inner.message;
  if (inner && inner.type === 'error') return 'a pthread worker failed to load';
  return e.message || 'an uncaught error';
}
