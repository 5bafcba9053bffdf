import type { CompiledNetwork, SimInput } from '../engine/types.ts';
import { canonicalSymmetric, canonicalU } from '../rng.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { inferShapes } from '../network/shapes.ts';

/**
 * The canonical inputs and weights of ../shared/bench/WORKLOADS.md, generated bit-identically to
 * the peers (PyTorch, snnTorch, Brian2). Streams: 1 input, 2 fc1, 3 fc2, 4 labels, 5/6 W3.
 */
export const W1_SIZES = { inputs: 700, hidden: 256, outputs: 20, steps: 100, batch: 64, inputRate: 0.05 } as const;

/** W1's network: 700 → fc1 → 256 LIF → fc2 → 20 LIF (β = 0.9, θ = 1, reset by subtraction). */
export function w1NetworkSpec(): NetworkSpec {
  const lif = { model: 'lif', beta: 0.9, threshold: 1, reset: 'subtract', refractoryMs: 0 } as const;
  return {
    layers: [
      { kind: 'input', name: 'input', shape: [W1_SIZES.inputs] },
      { kind: 'dense', name: 'fc1', units: W1_SIZES.hidden, weightGain: 1 },
      { kind: 'spiking', name: 'hidden', neuron: lif },
      { kind: 'dense', name: 'fc2', units: W1_SIZES.outputs, weightGain: 1 },
      { kind: 'spiking', name: 'output', neuron: lif },
    ],
  };
}

/** x[t][b][i] = 1 if u(1, (t·64 + b)·700 + i) < 0.05 (223,653 spikes in the batch). */
export function w1Input(batch: number = W1_SIZES.batch): SimInput {
  // The canonical formula with the batch size as a parameter: batch 64 is WORKLOADS.md's input.
  const { inputs, steps, inputRate } = W1_SIZES;
  const values = new Float32Array(steps * batch * inputs);
  for (let k = 0; k < values.length; k++) values[k] = canonicalU(1, k) < inputRate ? 1 : 0;
  return { steps, batch, neurons: inputs, values };
}

/** W1 fc1 [700, 256] = U(0.17; 2, i·256 + j) and fc2 [256, 20] = U(0.5; 3, i·20 + j). */
export function w1Network(): CompiledNetwork {
  const spec = w1NetworkSpec();
  const { inputs, hidden, outputs } = W1_SIZES;
  const fc1 = new Float32Array(inputs * hidden);
  for (let k = 0; k < fc1.length; k++) fc1[k] = canonicalSymmetric(0.17, 2, k);
  const fc2 = new Float32Array(hidden * outputs);
  for (let k = 0; k < fc2.length; k++) fc2[k] = canonicalSymmetric(0.5, 3, k);
  return {
    spec,
    shapes: inferShapes(spec).shapes,
    weights: { fc1: { shape: [inputs, hidden], values: fc1 }, fc2: { shape: [hidden, outputs], values: fc2 } },
  };
}

/** W2 labels y[b] = floor(20 · u(4, b)). */
export function w2Labels(): Int32Array {
  const y = new Int32Array(W1_SIZES.batch);
  for (let b = 0; b < y.length; b++) y[b] = Math.floor(W1_SIZES.outputs * canonicalU(4, b));
  return y;
}
