import { describe, expect, it } from 'vitest';
import { networkSchema, type LayerSpec } from '../../core/spec/network.ts';
import { nodeInputsLabel, nodeSummary } from './networkLabels.ts';

const lif = { model: 'lif' };

/** An RSNN with a bias, a skip through a sum, and an ANN head after an accumulator. */
const net = networkSchema.parse({
  layers: [
    { kind: 'input', name: 'in', shape: [4] },
    { kind: 'dense', name: 'fc', units: 6, bias: true },
    { kind: 'dense', name: 'rec', units: 6, inputs: [{ from: 'h', recurrent: true }] },
    { kind: 'spiking', name: 'h', neuron: lif, inputs: ['fc', 'rec'] },
    { kind: 'identity', name: 'skip', inputs: ['h'] },
    { kind: 'dense', name: 'fc2', units: 6, inputs: ['h'] },
    { kind: 'sum', name: 'join', inputs: ['fc2', 'skip'] },
    { kind: 'accumulator', name: 'acc', window: 10 },
    { kind: 'relu', name: 'r' },
    { kind: 'readout', name: 'out', mode: 'value', reduce: 'last' },
  ],
});
const node = (name: string): LayerSpec => net.layers.find((l) => l.name === name) as LayerSpec;
const indexOf = (name: string) => net.layers.findIndex((l) => l.name === name);

describe('the layer list labels of a graph', () => {
  it("names each node's inputs, a recurrent one marked a step late", () => {
    expect(nodeInputsLabel(net, indexOf('h'))).toBe('← fc, rec');
    expect(nodeInputsLabel(net, indexOf('rec'))).toBe('← h (t−1)');
    expect(nodeInputsLabel(net, indexOf('join'))).toBe('← fc2, skip');
    // no `inputs`: the node before it
    expect(nodeInputsLabel(net, indexOf('acc'))).toBe('← join');
    expect(nodeInputsLabel(net, 0)).toBeUndefined();
  });

  it('says nothing about inputs in a plain chain', () => {
    const chain = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [4] }, { kind: 'dense', name: 'fc', units: 3 }, { kind: 'spiking', name: 'h', neuron: lif }] });
    expect(nodeInputsLabel(chain, 1)).toBeUndefined();
    expect(nodeInputsLabel(chain, 2)).toBeUndefined();
  });

  it('says what every new kind computes', () => {
    expect(nodeSummary(node('fc'))).toBe('+ bias');
    expect(nodeSummary(node('rec'))).toBeUndefined();
    expect(nodeSummary(node('skip'))).toBe('passes its input on');
    expect(nodeSummary(node('join'))).toBe('sum of 2 inputs');
    expect(nodeSummary(node('acc'))).toBe('spike counts over windows of 10 steps');
    expect(nodeSummary(node('r'))).toBe('max(0, x) of its input');
    expect(nodeSummary(node('out'))).toBe('read-out: value, the input itself (last over the run)');
  });

  it('says what a scale and a delay do (NIR Scale and Delay)', () => {
    const at = (l: unknown) => networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [3] }, l, { kind: 'spiking', name: 'h', neuron: lif }] }).layers[1] as LayerSpec;
    expect(nodeSummary(at({ kind: 'scale', name: 's' }))).toBe('multiplies each element of its input by its own factor');
    expect(nodeSummary(at({ kind: 'delay', name: 'd', steps: 1 }))).toBe('delays its input by 1 step');
    expect(nodeSummary(at({ kind: 'delay', name: 'd', steps: 4 }))).toBe('delays its input by 4 steps');
    expect(nodeSummary(at({ kind: 'delay', name: 'd', steps: [2, 0, 5] }))).toBe('delays each element of its input by its own number of steps (0–5)');
  });

  it('shows explicit padding, rectangular kernels, groups and a conv bias', () => {
    const conv = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [8, 8, 4] },
        { kind: 'conv2d', name: 'c', filters: 8, kernel: [3, 1], stride: [2, 1], padding: [1, 1, 0, 0], groups: 2, dilation: 2, bias: true },
        { kind: 'pool2d', name: 'p', size: [2, 1] },
      ],
    }).layers;
    expect(nodeSummary(conv[1] as LayerSpec)).toBe('8 filters, 3×1 kernel, stride 2×1, padding [1, 1, 0, 0] (top, bottom, left, right), dilation 2, 2 groups + bias');
    expect(nodeSummary(conv[2] as LayerSpec)).toBe('sum pool 2×1, stride 2×1');
  });
});
