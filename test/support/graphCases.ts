/**
 * Graphs that the engine-equivalence tests share: each engine test runs the same node lists, so a
 * change to a case reaches every engine's check at once. `neuron` is the spike model of every
 * population (the tests pick a low threshold so that the cases fire).
 */

/** snnTorch's RLeaky: fc → lif, lif → rec → lif a step late, read out by a second population. */
export const rsnnLayers = (neuron: Record<string, unknown>): unknown[] => [
  { kind: 'input', name: 'in', shape: [12] },
  { kind: 'dense', name: 'fc', units: 16, weightGain: 2 },
  { kind: 'spiking', name: 'lif', neuron, inputs: ['fc', { from: 'rec', recurrent: true }] },
  { kind: 'dense', name: 'rec', units: 16, weightGain: 2, inputs: ['lif'] },
  { kind: 'dense', name: 'out', units: 4, inputs: ['lif'] },
  { kind: 'spiking', name: 'o', neuron },
];

/** A SEW-style residual block: conv → lif → conv ('same', then explicit) → lif, summed with the skip, a rectangular sum pool. */
export const residualLayers = (neuron: Record<string, unknown>): unknown[] => [
  { kind: 'input', name: 'in', shape: [8, 8, 2] },
  { kind: 'conv2d', name: 'c0', filters: 4, kernel: 3, padding: 'same', weightGain: 2 },
  { kind: 'spiking', name: 's0', neuron },
  { kind: 'conv2d', name: 'c1', filters: 4, kernel: 3, padding: [1, 1, 1, 1], weightGain: 2 },
  { kind: 'spiking', name: 's1', neuron },
  { kind: 'sum', name: 'skip', inputs: ['s0', 's1'] },
  { kind: 'pool2d', name: 'p', size: [2, 4], mode: 'sum' },
  { kind: 'flatten', name: 'f' },
  { kind: 'dense', name: 'fc', units: 5 },
  { kind: 'spiking', name: 'o', neuron },
];
