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
  // A thread ended by cancel() is no longer current: its death is not reported (its requests were
  // already rejected) and does not start a second replacement.
  let current: MessageThread<Q, R> | undefined;
  const attach = (t: MessageThread<Q, R>): MessageThread<Q, R> => {
    current = t;
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
    onStart?.(t);
    return t;
  };
  const begin = () => start().then(attach);
  let thread: Promise<MessageThread<Q, R>> = begin();
  await thread;
  return {
    async request(message, transfer) {
      const t = await thread;
      const id = next++;
      return new Promise<R>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        t.post({ id, ...message }, transfer);
      });
    },
    cancel() {
      failAll(new CancelledError('simulation'));
      const old = current;
      current = undefined;
      old?.terminate();
      if (!disposed) thread = begin();
    },
    crashForTest: () => void thread.then((t) => t.post({ crash: true }, [])),
    dispose() {
      disposed = true;
      void thread.then((t) => t.terminate());
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
