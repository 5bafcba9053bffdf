import type { ReadoutLayerSpec } from '../../spec/network.ts';

/** How a read-out's value over the run becomes one number per class: its last, largest or mean value. */
export type ReadoutReduce = ReadoutLayerSpec['reduce'];

/**
 * Advances a read-out by one step, in place, for every element i (batch × units):
 * count m[t] = m[t−1] + x[t]; membrane m[t] = β·m[t−1] + x[t]; value m[t] = x[t]; each in float32
 * (Math.fround after every operation, as the engines and tfjs round). `reduced` follows m over time
 * with `reduce`: its running max, or its running sum for the mean (left alone for 'last').
 * The one body of the update: the event engine, the wasm engine and the page's replay
 * (readoutOverTime.ts) all call it.
 */
export function stepReadoutValues(spec: ReadoutLayerSpec, m: Float32Array, reduced: Float32Array, x: ArrayLike<number>): void {
  const beta = Math.fround(spec.beta);
  const mode = spec.mode;
  for (let i = 0; i < m.length; i++) {
    const xi = x[i] as number;
    const mi = mode === 'value' ? xi : mode === 'count' ? Math.fround((m[i] as number) + xi) : Math.fround(Math.fround(beta * (m[i] as number)) + xi);
    m[i] = mi;
    reduceInto(reduced, i, mi, spec.reduce);
  }
}

/** Folds one value into the running reduction of element i (max, or float32 sum for the mean). */
export function reduceInto(reduced: Float32Array, i: number, value: number, reduce: ReadoutReduce): void {
  if (reduce === 'max') reduced[i] = Math.max(reduced[i] as number, value);
  else if (reduce === 'mean') reduced[i] = Math.fround((reduced[i] as number) + value);
}

/** The starting value of a reduction: −∞ for the max, 0 for a sum. */
export function newReduced(n: number, reduce: ReadoutReduce): Float32Array {
  return new Float32Array(n).fill(reduce === 'max' ? -Infinity : 0);
}

/**
 * A read-out's final values after `steps` steps: m itself for a count (a count's last value is its
 * total) or reduce 'last', the max, or the float32 mean (sum / steps).
 */
export function finishReadoutValues(spec: ReadoutLayerSpec, m: Float32Array, reduced: Float32Array, steps: number, reduce: ReadoutReduce = spec.reduce): Float32Array {
  if (spec.mode === 'count' || reduce === 'last') return m.slice();
  if (reduce === 'max') return reduced.slice();
  return reduced.map((s) => Math.fround(s / steps));
}
