import { createRng } from '../../src/core/rng.ts';
import { networkSchema } from '../../src/core/spec/network.ts';
import type { LabelledSet } from '../../src/core/train/trainer.ts';

/**
 * Static 10-value vectors held for 8 steps (as the beat-window ECG workspaces feed beats), two
 * classes: which half sums to more. Seeded; small enough that an epoch takes milliseconds.
 */
export function heldVectors(n: number, seed: number): LabelledSet {
  const rng = createRng(seed, 'held');
  const neurons = 10;
  const inputs = Array.from({ length: n }, () => Float32Array.from({ length: neurons }, () => (rng.next() < 0.2 ? 0 : Math.fround(rng.next()))));
  const labels = Int32Array.from(inputs, (x) => (x.slice(0, 5).reduce((a, v) => a + v, 0) > x.slice(5).reduce((a, v) => a + v, 0) ? 1 : 0));
  return { inputs, labels, steps: 8, neurons, classes: 2, held: true };
}

/** A dense LIF network for heldVectors: 10 inputs, 24 LIF neurons, a 2-class membrane read-out. */
export const heldVectorNetwork = networkSchema.parse({
  layers: [
    { kind: 'input', name: 'in', shape: [10] },
    { kind: 'dense', name: 'fc1', units: 24, weightGain: 2 },
    { kind: 'spiking', name: 'h', neuron: { model: 'lif', beta: 0.9 } },
    { kind: 'dense', name: 'fc2', units: 2, weightGain: 2 },
    { kind: 'readout', name: 'out', mode: 'membrane', reduce: 'max', beta: 0.9 },
  ],
});
