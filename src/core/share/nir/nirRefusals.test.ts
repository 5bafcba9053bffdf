import { describe, expect, it } from 'vitest';
import { initWeights } from '../../network/weights.ts';
import { networkSchema } from '../../spec/network.ts';
import { chainGraph, full, randomTensor, tensor } from '../../../../test/support/nirGraphs.ts';
import { networkToNir } from './networkToNir.ts';
import type { NirGraph, NirNode } from './nirGraph.ts';
import { NIR_VERSION } from './nirGraph.ts';
import { nirToNetwork } from './nirToNetwork.ts';

const input = (shape: number[]): [string, NirNode] => ['in', { type: 'Input', shape }];
const output = (n: number): [string, NirNode] => ['out', { type: 'Output', shape: [n] }];
const ifNode = (shape: number[]): NirNode => ({ type: 'IF', r: full(shape, 1), vThreshold: full(shape, 1), vReset: full(shape, 0) });
const linear = (outs: number, ins: number): NirNode => ({ type: 'Linear', weight: randomTensor([outs, ins], 0.5, outs * 100 + ins) });
const conv = (extra: Partial<Extract<NirNode, { type: 'Conv2d' }>> = {}): NirNode => ({ type: 'Conv2d', weight: randomTensor([2, 1, 3, 3], 0.5, 7), bias: full([2], 0), stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1, ...extra });

describe('NIR graphs Spikelab refuses, each naming what is wrong', () => {
  it('an unsupported node type, with the types that are supported', () => {
    const g = chainGraph([input([3]), ['b', { type: 'Unsupported', nirType: 'Braid' }], ['n', ifNode([3])], output(3)]);
    expect(() => nirToNetwork(g)).toThrow(/NIR node 'b' \(Braid\): is not supported; Spikelab maps Input, Output, Affine, Linear, Conv1d, Conv2d, .*CubaLI, I, Threshold, Scale, Delay, NIRGraph/);
  });

  it('a branch that leads nowhere, nodes the Input does not reach, several Inputs or Outputs', () => {
    const nodes = { in: { type: 'Input', shape: [2] }, a: linear(2, 2), b: ifNode([2]), c: ifNode([2]), out: { type: 'Output', shape: [2] } } as const;
    const graph = (edges: [string, string][]): NirGraph => ({ version: NIR_VERSION, nodes, edges, metadata: {} });
    expect(() => nirToNetwork(graph([['in', 'a'], ['a', 'b'], ['a', 'c'], ['b', 'out']]))).toThrow(/'c' is a dead end: nothing reads its output/);
    expect(() => nirToNetwork(graph([['in', 'a'], ['a', 'b'], ['b', 'out']]))).toThrow(/node\(s\) 'c' \(IF\) are not reached from the Input/);
    expect(() => nirToNetwork(graph([['in', 'a'], ['a', 'b'], ['a', 'c'], ['b', 'out'], ['c', 'out']]))).toThrow(/NIR node 'out' \(Output\): is fed by 2 nodes \(b, c\)/);
    expect(() => nirToNetwork({ ...graph([['in', 'a']]), nodes: { ...nodes, in2: { type: 'Input', shape: [2] } } })).toThrow(/2 Input nodes \(in, in2\)/);
    expect(() => nirToNetwork(graph([['in', 'a'], ['a', 'gone']]))).toThrow(/an edge names node 'gone'/);
  });

  it('a bias is kept as the layer’s bias, or dropped when the caller asks (and is told)', () => {
    const g = chainGraph([input([2]), ['fc', { type: 'Affine', weight: tensor([1, 2], [1, 1]), bias: tensor([1], [0.5]) }], ['n', ifNode([1])], output(1)]);
    const kept = nirToNetwork(g);
    expect(kept.network.layers[1]).toMatchObject({ kind: 'dense', bias: true });
    expect(Array.from(kept.weights['fc.bias']?.values ?? [])).toEqual([0.5]);
    expect(nirToNetwork(g, { dropBias: true }).notes).toContainEqual("NIR node 'fc' (Affine): ignored its bias (up to 0.5)");
  });

  it('convolutions: groups must divide the channels; dilation, non-square kernels and any padding are read', () => {
    const g = (c: NirNode) => chainGraph([input([1, 5, 5]), ['c', c], ['n', ifNode([2, 5, 5])], output(50)]);
    expect(() => nirToNetwork(g(conv({ groups: 2 })))).toThrow(/NIR node 'c' \(Conv2d\): has 2 groups, which must divide its 1 input channels and 2 outputs/);
    expect(nirToNetwork(chainGraph([input([1, 5, 5]), ['c', conv({ dilation: [2, 2], padding: [2, 2] })], ['n', ifNode([2, 5, 5])], output(50)])).network.layers[1]).toMatchObject({ dilation: 2, padding: [2, 2, 2, 2] });
    expect(nirToNetwork(chainGraph([input([1, 5, 5]), ['c', conv({ weight: randomTensor([2, 1, 3, 1], 0.5, 1), padding: [1, 0] })], ['n', ifNode([2, 5, 5])], output(50)])).network.layers[1]).toMatchObject({ kernel: [3, 1], padding: [1, 1, 0, 0] });
    expect(nirToNetwork(chainGraph([input([1, 5, 5]), ['c', conv({ padding: [2, 2] })], ['n', ifNode([2, 7, 7])], output(98)])).network.layers[1]).toMatchObject({ padding: [2, 2, 2, 2] });
    expect(nirToNetwork(g(conv())).network.layers[1]).toMatchObject({ kind: 'conv2d', padding: 'same', kernel: 3 });
  });

  it('shapes that do not fit: a dense layer on an image, a Threshold alone, no neuron at the end', () => {
    expect(() => nirToNetwork(chainGraph([input([1, 4, 4]), ['fc', linear(2, 16)], ['n', ifNode([2])], output(2)]))).toThrow(/NIR node 'fc' \(Linear\): gets \[4, 4, 1\] \(channels last\) without a Flatten before it/);
    expect(() => nirToNetwork(chainGraph([input([2]), ['fc', linear(2, 2)], ['t', { type: 'Threshold', threshold: full([2], 1) }], output(2)]))).toThrow(/Spikelab has no stateless threshold/);
    const li: NirNode = { type: 'LI', tau: full([2], 0.01), r: full([2], 1), vLeak: full([2], 0) };
    // An LI inside a graph is a membrane read-out whose value the next node reads (NIR's LI).
    expect(nirToNetwork(chainGraph([input([2]), ['li', li], ['fc', linear(2, 2)], ['n', ifNode([2])], output(2)])).network.layers[1]).toMatchObject({ kind: 'readout', mode: 'membrane' });
    expect(() => nirToNetwork(chainGraph([input([2]), ['fc', linear(3, 2)], output(3)]))).toThrow(/the graph ends in 'fc' \(dense\); a Spikelab network ends in a spiking or read-out layer/);
    expect(() => nirToNetwork(chainGraph([input([2]), ['fc', linear(3, 2)], ['n', ifNode([3])], output(4)]))).toThrow(/NIR node 'out' \(Output\): has 4 elements but the last layer gives 3/);
    expect(() => nirToNetwork(chainGraph([input([3]), ['fc', linear(3, 2)], ['n', ifNode([3])], output(3)]))).toThrow(/takes 2 inputs but the node before gives 3/);
  });

  it('opens nested graphs that are chains (as snnTorch writes layers) instead of refusing them', () => {
    const sub: NirNode = { type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [2] }, fc: linear(3, 2), lif: ifNode([3]), output: { type: 'Output', shape: [3] } }, edges: [['input', 'fc'], ['fc', 'lif'], ['lif', 'output']] };
    const imp = nirToNetwork(chainGraph([input([2]), ['block', sub], output(3)]));
    expect(imp.network.layers.map((l) => l.name)).toEqual(['in', 'block_fc', 'block_lif']);
  });
});

describe('networks Spikelab cannot write as NIR', () => {
  const net = (layers: unknown[]) => networkSchema.parse({ layers });
  it('max pooling and neurons NIR has no node for are refused, naming the layer', () => {
    const pool = net([{ kind: 'input', name: 'in', shape: [4, 4, 1] }, { kind: 'pool2d', name: 'mp', mode: 'max', size: 2 }, { kind: 'spiking', name: 's', neuron: { model: 'if' } }]);
    expect(() => networkToNir(pool, {}, 1)).toThrow(/layer 'mp': NIR has no max pooling/);
    const alif = net([{ kind: 'input', name: 'in', shape: [3] }, { kind: 'dense', name: 'fc', units: 2 }, { kind: 'spiking', name: 'ad', neuron: { model: 'alif' } }]);
    expect(() => networkToNir(alif, initWeights(alif, 1), 1)).toThrow(/layer 'ad': NIR has no node for the 'alif' neuron/);
    expect(() => networkToNir(alif, initWeights(alif, 1), 0)).toThrow(/the time step must be a positive number of ms/);
    expect(() => networkToNir(alif, {}, 1)).toThrow(/no weights for layer 'fc'/);
  });
});
