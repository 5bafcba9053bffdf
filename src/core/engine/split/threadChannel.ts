import { CancelledError, EngineError, SpikelabError } from '../../errors.ts';

/** A reply carries the id of its request, and either a result or the error's code and message. */
export type ThreadReply<R> = { readonly id: number; readonly result: R } | { readonly id: number; readonly error: { readonly code: string; readonly message: string } };

/** Asks a thread to end as a crash would (tests only). */
export interface CrashRequest {
  readonly crash: true;
}

/**
 * One thread as the host gives it: a Node worker thread (src/cli/nodeThreads.ts) or a Web Worker
 * (workers/browserThreads.ts). `onDeath` fires once when the thread is gone for any reason.
 */
export interface MessageThread<Q, R> {
  post(message: ({ readonly id: number } & Q) | CrashRequest, transfer: readonly ArrayBuffer[]): void;
  onReply(handler: (reply: ThreadReply<R>) => void): void;
  onDeath(handler: (why: string) => void): void;
  terminate(): void;
}

/** Starts a thread and resolves once it is ready to take requests. */
export type StartThread<Q, R> = () => Promise<MessageThread<Q, R>>;

/** Requests to one thread, each answered once: with its reply, or with an error. */
export interface ThreadChannel<Q, R> {
  request(message: Q, transfer: readonly ArrayBuffer[]): Promise<R>;
  /** Rejects what is pending with CancelledError and ends the thread; a fresh one takes its place. */
  cancel(): void;
  /** Ends the thread as a crash would (tests): its requests fail, the next gets a new thread. */
  crashForTest(): void;
  dispose(): void;
}

/**
 * A channel to a thread that survives the thread. A thread that dies (an uncaught error, out of
 * memory, a crash) fails the requests it had, and a fresh thread takes its place for the next
 * one; nothing waits forever. `what` names the thread in those errors. `onStart` runs on every
 * new thread before it takes requests (to send it its set-up).
 */
export async function openThreadChannel<Q, R>(start: StartThread<Q, R>, what: string, onStart?: (t: MessageThread<Q, R>) => void): Promise<ThreadChannel<Q, R>> {
  const pending = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>();
  let next = 0;
  let disposed = false;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  // The thread requests go to. One ended by cancel() or replaced is no longer current: its death
  // is not reported (its requests were already rejected) and starts no second replacement.
  let current: MessageThread<Q, R> | undefined;
  // Only the latest start may become current; an older one that finishes late is ended.
  let generation = 0;
  // Requests waiting for a thread that is starting: while any wait, later ones queue behind them,
  // so requests reach a thread in the order they were made.
  let waiting = 0;
  const attach = (t: MessageThread<Q, R>): MessageThread<Q, R> => {
    t.onReply((m) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if ('result' in m) p.resolve(m.result);
      else p.reject(new SpikelabError(m.error.code, m.error.message));
    });
    t.onDeath((why) => {
      if (current !== t) return;
      current = undefined;
      failAll(new EngineError(`${what} ${why}; the run was lost, start it again`));
      // A replacement starts now, so the next request does not wait for it.
      if (!disposed) thread = begin();
    });
    try {
      onStart?.(t);
    } catch (e) {
      // A thread that could not be sent its set-up takes no requests.
      t.terminate();
      throw e;
    }
    // Current only once set up: a request sent to it at once finds it ready.
    current = t;
    return t;
  };
  const begin = (): Promise<MessageThread<Q, R>> => {
    const mine = ++generation;
    const p = start().then((t) => {
      if (disposed || mine !== generation) {
        t.terminate();
        throw new EngineError(`${what} was closed before it started`);
      }
      return attach(t);
    });
    // A failed start fails the requests that wait for it, never the process.
    p.catch(() => undefined);
    return p;
  };
  let thread: Promise<MessageThread<Q, R>> = begin();
  await thread;
  const closed = () => new EngineError(`${what} was closed; the run was lost`);
  return {
    request(message, transfer) {
      if (disposed) return Promise.reject(closed());
      const id = next++;
      return new Promise<R>((resolve, reject) => {
        // Registered before the thread is ready, so a cancel or a death in between rejects it.
        pending.set(id, { resolve, reject });
        const send = (t: MessageThread<Q, R>) => {
          if (!pending.has(id)) return;
          try {
            t.post({ id, ...message }, transfer);
          } catch (e) {
            // A message that cannot be sent (one that does not clone) fails its request only.
            pending.delete(id);
            reject(new EngineError(`${what} could not be sent the request: ${e instanceof Error ? e.message : String(e)}`));
          }
        };
        // A ready thread gets the request now, not in a microtask: a caller that goes on to work
        // synchronously (the local slice of a data-parallel step) would otherwise hold it back
        // until that work is done, and the thread would idle through it.
        if (current && waiting === 0) {
          send(current);
          return;
        }
        waiting++;
        thread.then(
          (t) => {
            waiting--;
            send(t);
          },
          (e: unknown) => {
            waiting--;
            if (pending.delete(id)) reject(e instanceof Error ? e : new EngineError(String(e)));
          },
        );
      });
    },
    cancel() {
      failAll(new CancelledError('simulation'));
      const old = current;
      // Without a current thread a start is already under way: it serves the next request.
      if (!old) return;
      current = undefined;
      old.terminate();
      if (!disposed) thread = begin();
    },
    crashForTest() {
      // As a request is sent: at once to a ready thread, so it lands before any request made after it.
      if (current && waiting === 0) current.post({ crash: true }, []);
      else
        void thread.then(
          (t) => t.post({ crash: true }, []),
          () => undefined,
        );
    },
    dispose() {
      disposed = true;
      // Browsers send no event when a worker is terminated: what is pending is failed here.
      failAll(closed());
      current?.terminate();
      current = undefined;
    },
  };
}

/**
 * The thread side: answers each request with `handle`'s result (its buffers transferred) or its
 * error's code and message. `exit` ends the thread for a CrashRequest.
 */
export function serveThreadRequests<Q, R>(
  handle: (request: Q) => Promise<{ result: R; transfer: ArrayBuffer[] }>,
  post: (reply: ThreadReply<R>, transfer: ArrayBuffer[]) => void,
  exit: () => void,
): (message: ({ readonly id: number } & Q) | CrashRequest) => void {
  return (req) => {
    if ('crash' in req) {
      exit();
      return;
    }
    handle(req).then(
      ({ result, transfer }) => post({ id: req.id, result }, transfer),
      (e: unknown) => {
        const code = typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : 'engine_failed';
        post({ id: req.id, error: { code, message: e instanceof Error ? e.message : String(e) } }, []);
      },
    );
  };
}
