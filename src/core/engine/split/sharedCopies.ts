import type { EventBatch } from '../eventBatch.ts';
import type { LayerWeights } from '../../network/weights.ts';
import type { CompiledNetwork } from '../types.ts';

// What a split engine posts to its threads at every run, in shared memory where the host has it:
// a typed array over a SharedArrayBuffer crosses to a thread without being copied, where a plain one
// is serialised on this side and rebuilt on the other. For W1's half batches that was about 2 ms a
// run (0.5 ms for the weights and 0.6 ms for the event lists, each way) against 3.6 ms of work.

/** Whether this host can share memory between threads (Node; a browser page when cross-origin isolated). */
export function canShare(): boolean {
  return typeof SharedArrayBuffer !== 'undefined';
}

/** A shared copy of `a`. */
function sharedCopy<T extends Uint32Array | Float32Array>(a: T, make: (b: SharedArrayBuffer) => T): T {
  const out = make(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/** The event lists of `e` in shared memory (a batch slice is cut once per input and kept). */
export function sharedEvents(e: EventBatch): EventBatch {
  return {
    ...e,
    starts: sharedCopy(e.starts, (b) => new Uint32Array(b)),
    index: sharedCopy(e.index, (b) => new Uint32Array(b)),
    value: sharedCopy(e.value, (b) => new Float32Array(b)),
  };
}

/**
 * `net` with every weight array copied into one shared buffer, `previous` when it has the same
 * length. Copied at every run rather than kept by identity: a network's weights may be edited in
 * place between runs, and the copy (one memcpy, 0.1 ms for W1) costs far less than posting them.
 * The buffer may be reused by the next run only once every thread has finished this one.
 */
export function sharedWeights(net: CompiledNetwork, previous: Float32Array | undefined): { readonly net: CompiledNetwork; readonly buffer: Float32Array } {
  const entries = Object.entries(net.weights);
  const total = entries.reduce((a, [, w]) => a + w.values.length, 0);
  const buffer = previous?.length === total ? previous : new Float32Array(new SharedArrayBuffer(total * 4));
  const weights: Record<string, LayerWeights> = {};
  let at = 0;
  for (const [name, w] of entries) {
    const values = buffer.subarray(at, at + w.values.length);
    values.set(w.values);
    weights[name] = { ...w, values };
    at += w.values.length;
  }
  return { net: { ...net, weights }, buffer };
}
