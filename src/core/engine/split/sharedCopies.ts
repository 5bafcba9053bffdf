import type { LayerWeights } from '../../network/weights.ts';
import type { CompiledNetwork } from '../types.ts';

// The weights a split engine posts to its threads at every run, in shared memory where the host has
// it: a typed array over a SharedArrayBuffer crosses to a thread without being copied, where a plain
// one is serialised on this side and rebuilt on the other. For W1's half batches posting the weights
// and the event lists cost about 2 ms a run (0.5 ms and 0.6 ms, each way) against 3.6 ms of work;
// the event lists are cut into shared memory once per input (sliceEventBatch).

/**
 * `net` with every weight array copied into one shared buffer, `previous` when it has the same
 * length. Copied at every run rather than kept by identity: a network's weights may be edited in
 * place between runs, and the copy (one per layer, 0.1 ms for W1) costs far less than posting them.
 * The buffer may be reused by the next run once every part has settled this one (a cancelled
 * part's thread may still read it while it is being ended; that result is thrown away).
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
