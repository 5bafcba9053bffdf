import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { networkSchema, type NetworkSpec } from '../spec/network.ts';
import { chainOnlyReason, resolveGraph } from './graph.ts';
import { inferShapes } from './shapes.ts';
import { initWeights, weightShapes } from './weights.ts';
import { compileNetwork } from './compile.ts';

const lif = { model: 'lif', threshold: 1 };
const net = (layers: unknown[]): NetworkSpec => networkSchema.parse({ layers });
const messages = (n: NetworkSpec): string[] => inferShapes(n).issues.map((i) => `${i.path}: ${i.message}`);

/** snnTorch's RLeaky as NIR writes it: fc → lif, lif → rec → lif, the back edge a step late. */
const rsnn = () =>
  net([
    { kind: 'input', name: 'in', shape: [4] },
    { kind: 'dense', name: 'fc', units: 6 },
    { kind: 'spiking', name: 'lif', neuron: lif, inputs: ['fc', { from: 'rec', recurrent: true }] },
    { kind: 'dense', name: 'rec', units: 6, inputs: ['lif'] },
    { kind: 'dense', name: 'out', units: 3, inputs: ['lif'] },
    { kind: 'readout', name: 'ro', mode: 'membrane' },
  ]);

describe('a network is a graph', () => {
  it('reads a list without inputs as a chain, each node fed by the one before', () => {
    const { graph, issues } = resolveGraph(net([{ kind: 'input', name: 'in', shape: [3] }, { kind: 'dense', name: 'fc', units: 2 }, { kind: 'spiking', name: 's', neuron: lif }]));
    expect(issues).toEqual([]);
    expect(graph.isChain).toBe(true);
    expect(graph.edges.map((e) => [e.from, e.to, e.recurrent])).toEqual([[0, 1, false], [1, 2, false]]);
  });

  it('resolves a recurrent edge back from a later node and sizes the loop weights', () => {
    const n = rsnn();
    const { graph, issues } = resolveGraph(n);
    expect(issues).toEqual([]);
    expect(graph.isChain).toBe(false);
    expect([...graph.recurrentSources]).toEqual([3]);
    expect(messages(n)).toEqual([]);
    expect(weightShapes(n)).toEqual({ fc: [4, 6], rec: [6, 6], out: [6, 3] });
    expect(chainOnlyReason(n)).toMatch(/recurrent edge into 'lif'/);
  });

  it('refuses a loop without a recurrent edge, naming the node and the edge', () => {
    const n = net([
      { kind: 'input', name: 'in', shape: [4] },
      { kind: 'dense', name: 'a', units: 4, inputs: ['in', 'b'] },
      { kind: 'spiking', name: 'b', neuron: lif, inputs: ['a'] },
    ]);
    expect(messages(n).join('\n')).toMatch(/network\.layers\[1\]\.inputs\[1\]: 'a' reads 'b', which comes after it.*recurrent/);
    const self = net([{ kind: 'input', name: 'in', shape: [4] }, { kind: 'spiking', name: 's', neuron: lif, inputs: ['in', 's'] }]);
    expect(messages(self).join('\n')).toMatch(/'s' reads its own output in the same step/);
  });

  it('refuses an unknown source, a dead end and a sum of different shapes', () => {
    const unknown = net([{ kind: 'input', name: 'in', shape: [4] }, { kind: 'spiking', name: 's', neuron: lif, inputs: ['nope'] }]);
    expect(messages(unknown).join('\n')).toMatch(/'s' reads from 'nope', but no node has that name/);
    const dead = net([
      { kind: 'input', name: 'in', shape: [4] },
      { kind: 'dense', name: 'side', units: 2 },
      { kind: 'dense', name: 'fc', units: 2, inputs: ['in'] },
      { kind: 'spiking', name: 's', neuron: lif },
    ]);
    expect(messages(dead).join('\n')).toMatch(/layers\[1\]: 'side' is a dead end/);
    const mismatch = net([
      { kind: 'input', name: 'in', shape: [4] },
      { kind: 'dense', name: 'a', units: 3 },
      { kind: 'dense', name: 'b', units: 5, inputs: ['in'] },
      { kind: 'sum', name: 'j', inputs: ['a', 'b'] },
      { kind: 'spiking', name: 's', neuron: lif },
    ]);
    expect(messages(mismatch).join('\n')).toMatch(/layers\[3\]\.inputs: 'j' sums 'a' \[3\] and 'b' \[5\], whose shapes differ/);
    expect(() => compileNetwork(mismatch, undefined, 1)).toThrow(SpecError);
  });

  it('infers shapes through explicit padding, dilation, groups, rectangular pools and biases', () => {
    const n = net([
      { kind: 'input', name: 'in', shape: [34, 34, 2] },
      // The NIR paper's Sinabs CNN: kernel 5, stride 2, padding 1 on 34×34 → 16×16.
      { kind: 'conv2d', name: 'c1', filters: 4, kernel: 5, stride: 2, padding: [1, 1, 1, 1], bias: true },
      { kind: 'spiking', name: 's1', neuron: lif },
      { kind: 'conv2d', name: 'c2', filters: 8, kernel: [3, 1], dilation: [2, 1], groups: 4, padding: 'same' },
      { kind: 'pool2d', name: 'p', size: [4, 2] },
      { kind: 'flatten', name: 'f' },
      { kind: 'dense', name: 'fc', units: 10, bias: true },
      { kind: 'spiking', name: 's2', neuron: lif },
    ]);
    const { shapes, issues } = inferShapes(n);
    expect(issues).toEqual([]);
    expect(shapes[1]).toEqual([16, 16, 4]);
    expect(shapes[3]).toEqual([16, 16, 8]);
    expect(shapes[4]).toEqual([4, 8, 8]);
    expect(weightShapes(n)).toEqual({ c1: [5, 5, 2, 4], 'c1.bias': [4], c2: [3, 1, 1, 8], fc: [256, 10], 'fc.bias': [10] });
    expect(chainOnlyReason(n)).toMatch(/'c1' has a bias/);
  });

  it('gives a scale node a weight of its size (ones at first) and tells chain-only code (wasm engine, BPTT kernel) why it cannot run a scale or a delay', () => {
    const n = net([
      { kind: 'input', name: 'in', shape: [2, 2, 3] },
      { kind: 'scale', name: 'g' },
      { kind: 'delay', name: 'd', steps: 2 },
      { kind: 'spiking', name: 's', neuron: lif },
    ]);
    expect(inferShapes(n).shapes).toEqual([[2, 2, 3], [2, 2, 3], [2, 2, 3], [2, 2, 3]]);
    expect(weightShapes(n)).toEqual({ g: [12] });
    expect(Array.from(initWeights(n, 1)['g']?.values ?? [])).toEqual(new Array<number>(12).fill(1));
    expect(chainOnlyReason(n)).toBe("'g' is a scale node");
    expect(chainOnlyReason(net([{ kind: 'input', name: 'in', shape: [3] }, { kind: 'delay', name: 'd', steps: [0, 1, 2] }, { kind: 'spiking', name: 's', neuron: lif }]))).toBe("'d' is a delay node");
  });

  it('builds an SNN → accumulator → ANN network and checks that groups divide the channels', () => {
    const hybrid = net([
      { kind: 'input', name: 'in', shape: [8] },
      { kind: 'dense', name: 'fc', units: 6 },
      { kind: 'spiking', name: 's', neuron: lif },
      { kind: 'accumulator', name: 'acc', window: 10 },
      { kind: 'dense', name: 'h', units: 5, bias: true },
      { kind: 'relu', name: 'r' },
      { kind: 'dense', name: 'o', units: 3 },
      { kind: 'readout', name: 'logits', mode: 'value', reduce: 'last' },
    ]);
    expect(messages(hybrid)).toEqual([]);
    const bad = net([{ kind: 'input', name: 'in', shape: [4, 4, 3] }, { kind: 'conv2d', name: 'c', filters: 4, kernel: 1, groups: 2 }, { kind: 'spiking', name: 's', neuron: lif }]);
    expect(messages(bad).join('\n')).toMatch(/2 groups must divide both the 3 input channels and the 4 filters/);
  });

  it('refuses a non-weighted node fed only by a loop, and a recurrent edge from the input', () => {
    const n = net([
      { kind: 'input', name: 'in', shape: [4] },
      { kind: 'dense', name: 'fc', units: 4 },
      { kind: 'spiking', name: 's', neuron: lif },
      { kind: 'relu', name: 'r', inputs: [{ from: 's', recurrent: true }] },
      { kind: 'readout', name: 'ro', inputs: ['s', 'r'] },
    ]);
    expect(messages(n).join('\n')).toMatch(/'r' has only recurrent inputs/);
    const fromInput = net([{ kind: 'input', name: 'in', shape: [4] }, { kind: 'spiking', name: 's', neuron: lif, inputs: ['in', { from: 'in', recurrent: true }] }]);
    expect(messages(fromInput).join('\n')).toMatch(/reads the input 'in' a step late/);
  });
});
