import { describe, expect, it } from 'vitest';
import { guardStart } from './startGuard.ts';

type Listener = (e: { preventDefault(): void; message?: string; filename?: string; error?: unknown }) => void;

/** A worker's global scope in miniature: listeners for 'error', and a way to raise one. */
function fakeScope() {
  const listeners = new Set<Listener>();
  return {
    addEventListener: (_t: 'error', l: Listener) => void listeners.add(l),
    removeEventListener: (_t: 'error', l: Listener) => void listeners.delete(l),
    listening: () => listeners.size,
    raise(e: { message?: string; filename?: string; error?: unknown }): boolean {
      let prevented = false;
      for (const l of [...listeners]) l({ ...e, preventDefault: () => (prevented = true) });
      return prevented;
    },
  };
}

describe('guardStart', () => {
  it('passes a successful start through and stops listening', async () => {
    const scope = fakeScope();
    expect(await guardStart(Promise.resolve(undefined), 'x', true, 1000, scope)).toBeUndefined();
    expect(scope.listening()).toBe(0);
  });
  it("turns a pthread worker's error event, rethrown uncaught, into a reason and cancels it so the worker lives", async () => {
    const scope = fakeScope();
    const never = new Promise<string | undefined>(() => undefined);
    const guarded = guardStart(never, 'the threaded tfjs-wasm build', true, 10_000, scope);
    // Emscripten's `worker.onerror = (e) => { …; throw e }`: the uncaught value is the worker's ErrorEvent.
    expect(scope.raise({ message: 'uncaught exception: [object ErrorEvent]', error: { type: 'error', message: '' } })).toBe(true);
    expect(await guarded).toBe('the threaded tfjs-wasm build raised an error while starting: a pthread worker failed to load');
    // It keeps listening: the abandoned build's other pthreads fail later (next test).
    expect(scope.listening()).toBe(1);
  });
  it("keeps cancelling the abandoned pthread workers' errors after a failed start, and no other error", async () => {
    const scope = fakeScope();
    const first = guardStart(new Promise<string | undefined>(() => undefined), 'the threaded tfjs-wasm build', true, 10_000, scope);
    scope.raise({ error: { type: 'error' } });
    expect(await first).toMatch(/raised an error while starting/);
    // A pthread's own uncaught error, passed up from its blob: script (Firefox), arrives later: cancelled.
    expect(scope.raise({ message: 'ReferenceError: e is not defined', filename: 'blob:http://127.0.0.1/1f2e', error: null })).toBe(true);
    // The worker's own later errors are not the guard's to hide.
    expect(scope.raise({ message: 'TypeError: x is undefined', filename: 'http://127.0.0.1/assets/train.worker.js', error: new TypeError('x is undefined') })).toBe(false);
    // The retry without threads is not failed by the old module's errors.
    const retry = guardStart(Promise.resolve(undefined), 'tfjs-wasm', false, 10_000, scope);
    scope.raise({ message: 'ReferenceError: e is not defined', filename: 'blob:http://127.0.0.1/1f2e', error: null });
    expect(await retry).toBeUndefined();
  });
  it('gives up on a start that never settles, after the limit', async () => {
    const why = await guardStart(new Promise<string | undefined>(() => undefined), 'tfjs-wasm', false, 50, fakeScope());
    expect(why).toBe('tfjs-wasm did not start within 0 s');
  });
  it("passes the start's own failure through, and works where there is no global error event (Node)", async () => {
    expect(await guardStart(Promise.resolve('failed to initialise'), 'x', false, 1000, {})).toBe('failed to initialise');
    expect(await guardStart(Promise.reject(new Error('boom')), 'x', false, 1000, {})).toBe('boom');
  });
});
