import { describe, expect, it } from 'vitest';
import { initWeights } from '../../network/weights.ts';
import { inputWidth } from '../../spec/parseWorkspace.ts';
import { chainGraph, full, randomTensor } from '../../../../test/support/nirGraphs.ts';
import { presetWorkspaces } from '../../../../test/support/presets.ts';
import type { NirGraph, NirNode } from './nirGraph.ts';
import { nirToWorkspace, workspaceStepMs, workspaceToNir } from './nirWorkspace.ts';

/** Input → Linear → IF with `n` inputs, or an image input [c, h, w] flattened first. */
function graphWithInput(shape: number[]): NirGraph {
  const n = shape.reduce((a, b) => a * b, 1);
  const nodes: [string, NirNode][] = [['in', { type: 'Input', shape }]];
  if (shape.length === 3) nodes.push(['flat', { type: 'Flatten', startDim: 0, endDim: -1, inputType: shape }]);
  nodes.push(['fc', { type: 'Linear', weight: randomTensor([2, n], 0.5, n) }], ['spk', { type: 'IF', r: full([2], 1), vThreshold: full([2], 1), vReset: full([2], 0) }], ['out', { type: 'Output', shape: [2] }]);
  return chainGraph(nodes);
}

describe('workspaces for imported NIR networks', () => {
  it.each([
    [[1], 'synthetic-ecg', 'direct'],
    [[2], 'synthetic-ecg', 'direct'],
    [[40], 'synthetic-audio', 'direct'],
    [[300], 'synthetic-ecg', 'levelCrossing'],
    [[2, 16, 16], 'synthetic-dvs', 'rate'],
    [[301], 'image-file', 'rate'],
  ])('an input of shape %j gets a %s source (%s encoder) of exactly its width', (shape, kind, encoder) => {
    const imp = nirToWorkspace(graphWithInput(shape), { name: 'test' });
    expect(imp.workspace.data.kind).toBe(kind);
    expect(imp.workspace.encoder.kind).toBe(encoder);
    expect(inputWidth(imp.workspace)).toBe(shape.reduce((a, b) => a * b, 1));
    expect(imp.notes).toContainEqual(expect.stringMatching(/^data source chosen for the import: /));
    expect(imp.workspace.name).toBe('test');
  });

  it('an event-camera input steps at the import’s Δt, so the data and the decays share one time base', () => {
    const imp = nirToWorkspace(graphWithInput([2, 16, 16]), { dtMs: 2 });
    expect(imp.workspace.data).toMatchObject({ kind: 'synthetic-dvs', width: 16, height: 16, stepUs: 2000 });
    expect(imp.notes).not.toContainEqual(expect.stringMatching(/the data steps every/));
  });

  it('a Spikelab file whose network was changed elsewhere keeps its recorded data source around the new network', () => {
    const [, ws] = presetWorkspaces().find(([f]) => f === 'eeg.workspace.json') ?? [];
    if (!ws) throw new Error('no eeg preset');
    const { graph } = workspaceToNir(ws, initWeights(ws.network, 1), 12.5);
    const lif = graph.nodes['lif1'];
    if (lif?.type !== 'LIF') throw new Error('no LIF');
    const edited: NirGraph = { ...graph, nodes: { ...graph.nodes, lif1: { ...lif, vThreshold: full([48], 2) } } };
    const imp = nirToWorkspace(edited);
    expect(imp.workspace.data).toEqual(ws.data);
    expect(imp.workspace.network.layers[2]).toMatchObject({ neuron: { model: 'lif', threshold: 2 } });
    expect(imp.notes).toContainEqual(expect.stringMatching(/its Spikelab metadata disagrees with its parameters/));
    expect(imp.notes).toContainEqual(expect.stringMatching(/kept the recorded data source, encoder and settings/));
  });

  it('takes a workspace’s step from the data-source registry, also when its file is not at hand', () => {
    const presets = new Map(presetWorkspaces());
    // An image is held one step per ms whether or not the file was dropped (it was undefined without the file).
    const image = nirToWorkspace(graphWithInput([301])).workspace;
    expect(image.data.kind).toBe('image-file');
    expect(workspaceStepMs(image)).toBe(1);
    const nmnist = presets.get('dvs-nmnist.workspace.json');
    const cue = presets.get('cue-memory-rsnn.workspace.json');
    if (!nmnist || !cue) throw new Error('presets missing');
    expect(workspaceStepMs(nmnist)).toBe(10);
    expect(workspaceStepMs(cue)).toBe(1);
    // A signal file's step is its own sampling rate: unknown until the file is read.
    const signal = { ...image, data: { kind: 'signal-file' as const, file: 'x.hea', checksum: 'c', channel: 0, channels: 1, startS: 0, durationS: 4, frontEnd: 'none' as const, bands: 32 } };
    expect(workspaceStepMs(signal)).toBeUndefined();
  });
});
