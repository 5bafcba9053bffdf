import { describe, expect, it } from 'vitest';
import { initWeights, type NetworkWeights } from '../../network/weights.ts';
import { prepareInput } from '../../pipeline.ts';
import { networkSchema, type NetworkSpec } from '../../spec/network.ts';
import type { Workspace } from '../../spec/workspace.ts';
import { presetWorkspaces } from '../../../../test/support/presets.ts';
import { networkToNir } from './networkToNir.ts';
import { nirFromHdf5Bytes, nirToHdf5Bytes } from './nirHdf5.ts';
import { nirToNetwork } from './nirToNetwork.ts';
import { nirToWorkspace, workspaceToNir } from './nirWorkspace.ts';

/** The step a preset runs at (the N-MNIST preset reads a file, whose step is in the workspace). */
function stepOf(ws: Workspace): number {
  return ws.data.kind === 'event-file' ? ws.data.stepUs / 1000 : prepareInput(ws).dtMs;
}

/** Weights as plain data, so that toEqual compares every value. */
const plain = (w: NetworkWeights) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, { shape: [...v.shape], values: [...v.values] }]));

/** Node kinds NIR has no type for, which the export refuses by name (relu, identity, sum, accumulator). */
const UNWRITTEN: ReadonlySet<string> = new Set(['relu', 'identity', 'sum', 'accumulator']);
const unwritten = (ws: { network: NetworkSpec }) => ws.network.layers.find((l) => UNWRITTEN.has(l.kind));
const all = presetWorkspaces();
const presets = all.filter(([, ws]) => !unwritten(ws));
const refused = all.filter(([, ws]) => unwritten(ws));

describe('NIR round trips', () => {
  it('a graph with two branches, a skip, a loop and biases comes back with the same nodes in the same order', async () => {
    const lif = { model: 'lif', threshold: 0.5 };
    const net: NetworkSpec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [6] },
        { kind: 'dense', name: 'a', units: 5, bias: true },
        { kind: 'spiking', name: 'sa', neuron: lif, inputs: ['a', { from: 'sa', recurrent: true }] },
        { kind: 'dense', name: 'b', units: 5, inputs: ['in'] },
        { kind: 'spiking', name: 'sb', neuron: lif },
        { kind: 'dense', name: 'c', units: 5, inputs: ['sa'] },
        { kind: 'spiking', name: 'out', neuron: lif, inputs: ['c', 'sb'] },
      ],
    });
    const weights = initWeights(net, 3);
    const back = nirToNetwork(await nirFromHdf5Bytes(await nirToHdf5Bytes(networkToNir(net, weights, 1).graph)));
    expect(back.network).toEqual(net);
    expect(plain(back.weights)).toEqual(plain(weights));
  });

  it.each(presets)('%s: network and weights come back identical from the NIR graph and from its HDF5 bytes', async (_file, ws) => {
    const weights = initWeights(ws.network, ws.seed);
    const { graph } = networkToNir(ws.network, weights, stepOf(ws));
    const direct = nirToNetwork(graph);
    expect(direct.network).toEqual(ws.network);
    expect(plain(direct.weights)).toEqual(plain(weights));
    const fromBytes = nirToNetwork(await nirFromHdf5Bytes(await nirToHdf5Bytes(graph)));
    expect(fromBytes.network).toEqual(ws.network);
    expect(plain(fromBytes.weights)).toEqual(plain(weights));
    expect(fromBytes.dtMs).toBe(stepOf(ws));
  });

  it.each(refused)('%s: a node NIR has no type for is refused by name, not dropped', (_file, ws) => {
    const node = unwritten(ws);
    expect(() => networkToNir(ws.network, initWeights(ws.network, ws.seed), stepOf(ws))).toThrow(new RegExp(`'${node?.name}': is a ${node?.kind} node, which the NIR export does not write yet`));
  });

  it.each(presets)('%s: workspace → NIR file → workspace is identical', async (_file, ws) => {
    const { graph } = workspaceToNir(ws, initWeights(ws.network, ws.seed), stepOf(ws));
    const back = nirToWorkspace(await nirFromHdf5Bytes(await nirToHdf5Bytes(graph)));
    expect(back.workspace).toEqual(ws);
    expect(back.notes).not.toContainEqual(expect.stringMatching(/data source chosen/));
  });

  it('a network with every layer and neuron NIR can carry round-trips, time constants and resets included', async () => {
    const network: NetworkSpec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'pixels', shape: [6, 6, 2] },
        { kind: 'conv2d', name: 'conv', filters: 3, kernel: 3, padding: 'same', weightGain: 1.5 },
        { kind: 'spiking', name: 'integrate', neuron: { model: 'if', reset: 'subtract', threshold: 0.7 } },
        { kind: 'pool2d', name: 'avg', mode: 'avg', size: 2, stride: 1 },
        { kind: 'flatten', name: 'flat' },
        { kind: 'dense', name: 'fc1', units: 7 },
        { kind: 'spiking', name: 'cuba', neuron: { model: 'cubaLif', tauSynMs: 5, beta: 0.9, threshold: 1.2 } },
        { kind: 'dense', name: 'fc2', units: 5 },
        { kind: 'spiking', name: 'noReset', neuron: { model: 'lif', tauMemMs: 10, reset: 'none', refractoryMs: 2 } },
        { kind: 'dense', name: 'fc3', units: 4 },
        { kind: 'spiking', name: 'noLeak', neuron: { model: 'lif', beta: 1, reset: 'zero' } },
        { kind: 'dense', name: 'fc4', units: 3 },
        { kind: 'readout', name: 'out', mode: 'membrane', beta: 1, reduce: 'mean' },
      ],
    });
    const weights = initWeights(network, 5);
    const { graph } = networkToNir(network, weights, 0.5);
    expect(Object.values(graph.nodes).map((n) => n.type)).toEqual(['Input', 'Conv2d', 'IF', 'AvgPool2d', 'Flatten', 'Linear', 'CubaLIF', 'Linear', 'LI', 'Threshold', 'Linear', 'IF', 'Linear', 'I', 'Output']);
    const back = nirToNetwork(await nirFromHdf5Bytes(await nirToHdf5Bytes(graph)));
    expect(back.network).toEqual(network);
    expect(plain(back.weights)).toEqual(plain(weights));
  });

  it('scale and delay nodes, per-element and shared, on an image and in a loop, round-trip with their factors and steps', async () => {
    const lif = { model: 'lif', threshold: 0.5, tauMemMs: 4 };
    const network: NetworkSpec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [4, 3, 2] },
        { kind: 'conv2d', name: 'conv', filters: 2, kernel: 3, padding: 'same' },
        { kind: 'spiking', name: 's', neuron: lif, inputs: ['conv', { from: 'back', recurrent: true }] },
        { kind: 'scale', name: 'gain' },
        { kind: 'delay', name: 'back', steps: Array.from({ length: 24 }, (_v, i) => i % 5) },
        { kind: 'delay', name: 'wait', steps: 7, inputs: ['s'] },
        { kind: 'flatten', name: 'flat' },
        { kind: 'dense', name: 'fc', units: 3 },
        { kind: 'readout', name: 'syn', mode: 'membrane', beta: 0.75 },
        { kind: 'readout', name: 'out', mode: 'membrane', beta: 0.5, reduce: 'mean' },
      ],
    });
    const init = initWeights(network, 2);
    const weights = { ...init, gain: { shape: [24], values: Float32Array.from({ length: 24 }, (_v, i) => Math.fround(0.1 * i - 1)) } };
    const { graph } = networkToNir(network, weights, 0.25);
    expect(Object.values(graph.nodes).map((n) => n.type)).toEqual(['Input', 'Conv2d', 'LIF', 'Scale', 'Delay', 'Delay', 'Flatten', 'Linear', 'LI', 'LI', 'Output']);
    const back = nirToNetwork(await nirFromHdf5Bytes(await nirToHdf5Bytes(graph)));
    expect(back.network).toEqual(network);
    expect(plain(back.weights)).toEqual(plain(weights));
  });
});
