import type { ReadoutLayerSpec } from '../../spec/network.ts';
import type { ReadoutValues } from '../types.ts';

/**
 * A readout layer of a wasm run. Its work is one multiply-add per unit and step (a few dozen
 * numbers), so it runs in TypeScript on views of the kernel memory, with the float32 rounding of
 * the event engine (eventPlan.ts stepReadout): count m += x, membrane m = β·m + x; max or mean
 * over time, or the last value.
 */
export interface WasmReadout {
  /** Integrates this step's input x (batch × units) into m (both views of the kernel memory). */
  step(x: Float32Array, m: Float32Array): void;
  /** The readout's final values after `steps` steps, `values[b·units + k]`. */
  finish(m: Float32Array, steps: number): ReadoutValues;
}

/** Creates the readout state of one run (m itself lives in the kernel memory, zeroed by the plan). */
export function createWasmReadout(spec: ReadoutLayerSpec, units: number, batch: number): WasmReadout {
  const reduced = new Float32Array(units * batch).fill(spec.reduce === 'max' ? -Infinity : 0);
  const beta = Math.fround(spec.beta);
  return {
    step(x, m) {
      for (let i = 0; i < m.length; i++) {
        const xi = x[i] as number;
        const mi = spec.mode === 'count' ? Math.fround((m[i] as number) + xi) : Math.fround(Math.fround(beta * (m[i] as number)) + xi);
        m[i] = mi;
        if (spec.reduce === 'max') reduced[i] = Math.max(reduced[i] as number, mi);
        else if (spec.reduce === 'mean') reduced[i] = Math.fround((reduced[i] as number) + mi);
      }
    },
    finish(m, steps) {
      const values = spec.mode === 'count' || spec.reduce === 'last' ? m.slice() : spec.reduce === 'max' ? reduced.slice() : reduced.map((s) => Math.fround(s / steps));
      return { name: spec.name, units, values };
    },
  };
}
