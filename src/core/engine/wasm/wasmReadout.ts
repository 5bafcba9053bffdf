import type { ReadoutLayerSpec } from '../../spec/network.ts';
import { finishReadoutValues, newReduced, stepReadoutValues } from '../readout/readoutStep.ts';
import type { ReadoutValues } from '../types.ts';

/**
 * A readout layer of a wasm run. Its work is one multiply-add per unit and step (a few dozen
 * numbers), so it runs in TypeScript on views of the kernel memory, with the event engine's own
 * update (readout/readoutStep.ts): count m += x, membrane m = β·m + x, value m = x; max or mean
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
  const reduced = newReduced(units * batch, spec.reduce);
  return {
    step: (x, m) => stepReadoutValues(spec, m, reduced, x),
    finish: (m, steps) => ({ name: spec.name, units, values: finishReadoutValues(spec, m, reduced, steps) }),
  };
}
