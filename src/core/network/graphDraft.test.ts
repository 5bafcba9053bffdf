import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { residualLayers, rsnnLayers } from '../../../test/support/graphCases.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import { networkSchema, type InputLayerSpec, type NetworkSpec } from '../spec/network.ts';
import { draftFromNetwork, forwardOrder, networkFromDraft, stripInputs, type GraphDraft } from './graphDraft.ts';
import { inputRefsOf, resolveGraph } from './graph.ts';
import { applyGraphEdit, freeName, GraphEditError, type GraphEdit } from './graphEdits.ts';
import { GRAPH_TEMPLATES } from './graphTemplates.ts';
import { NODE_KINDS, PALETTE_KINDS } from './nodeKinds.ts';

const PRESETS = join(import.meta.dirname, '..', '..', '..', 'public', 'presets');
const presetNetworks = readdirSync(PRESETS)
  .filter((f) => f.endsWith('.workspace.json'))
  .map((f) => [f, parseWorkspace(JSON.parse(readFileSync(join(PRESETS, f), 'utf8'))).network] as const);
const neuron = { model: 'lif', beta: 0.9, threshold: 0.5 };
const net = (layers: unknown[]): NetworkSpec => networkSchema.parse({ layers });

function must(draft: GraphDraft): NetworkSpec {
  const r = networkFromDraft(draft);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.network;
}

const apply = (draft: GraphDraft, ...edits: GraphEdit[]): GraphDraft => edits.reduce(applyGraphEdit, draft);

describe('a network drawn as a draft', () => {
  it.each(presetNetworks)('%s: a chain is written back exactly as it was (no inputs fields); a graph with every node reading the same inputs in the same order', (_f, network) => {
    const back = must(draftFromNetwork(network));
    if (resolveGraph(network).graph.isChain) expect(back).toEqual(network);
    // Inputs per node, in summing order (the order float adds happen in): what decides the spikes.
    const inputsByNode = (n: NetworkSpec) => Object.fromEntries(n.layers.map((l, i) => [l.name, inputRefsOf(n, i)]));
    expect(inputsByNode(back)).toEqual(inputsByNode(network));
    expect(back.layers.map(stripInputs)).toEqual(expect.arrayContaining(network.layers.map(stripInputs)));
  });

  it('the RSNN and residual graphs keep every edge, recurrent ones included, through draft and back', () => {
    for (const layers of [rsnnLayers(neuron), residualLayers(neuron)]) {
      const network = net(layers);
      const draft = draftFromNetwork(network);
      expect(draftFromNetwork(must(draft))).toEqual(draft);
    }
  });

  it('orders nodes so every forward edge runs forward, keeping the order they were made where it can', () => {
    const input: InputLayerSpec = { kind: 'input', name: 'in', shape: [4] };
    // Made in the order in, out, fc, lif; wired in → fc → lif → fc2(out).
    let d: GraphDraft = { nodes: [input], edges: [] };
    d = apply(
      d,
      { kind: 'add-node', node: { kind: 'readout', name: 'out', mode: 'count', beta: 0.9, reduce: 'max' } },
      { kind: 'add-node', node: NODE_KINDS.dense.make('fc1'), after: 'in' },
      { kind: 'add-node', node: NODE_KINDS.spiking.make('lif1'), after: 'fc1' },
      { kind: 'connect', from: 'lif1', to: 'out' },
    );
    expect(forwardOrder(d)?.map((n) => n.name)).toEqual(['in', 'fc1', 'lif1', 'out']);
    expect(must(d).layers.map((l) => ('inputs' in l ? l.inputs : undefined))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a connection that closes a loop is made recurrent, and a self-loop too', () => {
    let d = draftFromNetwork(presetNetworks[0]?.[1] as NetworkSpec);
    const spiking = d.nodes.find((n) => n.kind === 'spiking')?.name as string;
    d = apply(d, { kind: 'add-node', node: NODE_KINDS.dense.make('rec'), after: spiking });
    d = apply(d, { kind: 'connect', from: 'rec', to: spiking });
    expect(d.edges.at(-1)).toEqual({ from: 'rec', to: spiking, recurrent: true });
    d = apply(d, { kind: 'connect', from: spiking, to: spiking });
    expect(d.edges.at(-1)).toEqual({ from: spiking, to: spiking, recurrent: true });
  });

  it('a broken connection is named on the node it left without input, and undoing the edit restores the network', () => {
    const network = presetNetworks.find(([f]) => f.startsWith('default'))?.[1] as NetworkSpec;
    const d = draftFromNetwork(network);
    const broken = apply(d, { kind: 'disconnect', edge: { from: 'fc1', to: 'lif1', recurrent: false } });
    const r = networkFromDraft(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ node: 'lif1', message: expect.stringMatching(/'lif1' has no input/) }]);
    expect(must(apply(broken, { kind: 'connect', from: 'fc1', to: 'lif1' }))).toEqual(network);
  });

  it('a sum of two different shapes is refused on the sum node, a dead end on its node', () => {
    const d = draftFromNetwork(net(rsnnLayers(neuron)));
    const mismatch = apply(d, { kind: 'add-node', node: { kind: 'sum', name: 'both' } as never }, { kind: 'connect', from: 'lif', to: 'both' }, { kind: 'connect', from: 'out', to: 'both' });
    const r = networkFromDraft(mismatch);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.some((p) => p.node === 'both' && /shapes differ/.test(p.message))).toBe(true);
    }
    const dead = apply(d, { kind: 'add-node', node: NODE_KINDS.dense.make('extra'), after: 'lif' });
    const r2 = networkFromDraft(apply(dead, { kind: 'connect', from: 'o', to: 'extra' }));
    expect(r2.ok).toBe(false);
  });

  it('removing a node bridges its input to what it fed; the input node cannot go', () => {
    const network = presetNetworks.find(([f]) => f.startsWith('eeg'))?.[1] as NetworkSpec;
    const d = draftFromNetwork(network);
    const without = apply(d, { kind: 'remove-node', name: 'lif1' });
    expect(must(without).layers.map((l) => l.name)).toEqual(['eeg', 'fc1', 'fc2', 'classes']);
    expect(() => applyGraphEdit(d, { kind: 'remove-node', name: 'eeg' })).toThrow(GraphEditError);
    expect(() => applyGraphEdit(d, { kind: 'connect', from: 'fc1', to: 'lif1' })).toThrow(/already feeds/);
    expect(() => applyGraphEdit(d, { kind: 'rename-node', name: 'fc1', to: 'fc2' })).toThrow(/already called/);
  });

  it('rename carries the edges; duplicate copies the inputs; freeName picks the next number', () => {
    const network = presetNetworks.find(([f]) => f.startsWith('eeg'))?.[1] as NetworkSpec;
    let d = draftFromNetwork(network);
    d = apply(d, { kind: 'rename-node', name: 'lif1', to: 'hidden' });
    expect(must(d).layers.map((l) => l.name)).toEqual(['eeg', 'fc1', 'hidden', 'fc2', 'classes']);
    expect(freeName(d, 'fc')).toBe('fc3');
    d = apply(d, { kind: 'duplicate-node', name: 'hidden', as: 'hidden2' });
    expect(d.edges.filter((e) => e.to === 'hidden2')).toEqual([{ from: 'fc1', to: 'hidden2', recurrent: false }]);
  });

  it('every template builds a valid network on a vector input, the conv net only on an image', () => {
    const vector: InputLayerSpec = { kind: 'input', name: 'in', shape: [16] };
    const image: InputLayerSpec = { kind: 'input', name: 'in', shape: [32, 32, 2] };
    for (const t of GRAPH_TEMPLATES) {
      const input = t.unfitReason(vector) === undefined ? vector : image;
      if (input === image) expect(t.unfitReason(vector)).toMatch(/image-shaped/);
      const network = must(t.build(input, 5));
      expect(network.layers.at(-1)?.kind).toBe('readout');
    }
    expect(GRAPH_TEMPLATES.map((t) => t.id)).toEqual(['mlp', 'conv', 'rsnn', 'residual', 'hybrid']);
  });

  it('every palette kind makes a node its schema accepts', () => {
    for (const k of PALETTE_KINDS) {
      const node = k.make(`${k.nameBase}1`);
      const inputs = k.kind === 'sum' ? { inputs: ['in', 'in'] } : {};
      expect(() => networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [4] }, { ...node, ...inputs }] }), k.kind).not.toThrow();
    }
  });
});

describe('shapes of an unfinished draft', () => {
  it('are known for every node that can be reached, and missing for a node without input and what it feeds', async () => {
    const { draftShapes } = await import('./graphDraft.ts');
    const network = presetNetworks.find(([f]) => f.startsWith('default'))?.[1] as NetworkSpec;
    const broken = apply(draftFromNetwork(network), { kind: 'disconnect', edge: { from: 'fc1', to: 'lif1', recurrent: false } });
    const shapes = draftShapes(broken);
    expect(shapes.get('fc1')).toEqual([64]);
    expect(shapes.has('lif1')).toBe(false);
    expect(shapes.has('fc2')).toBe(false);
    expect(draftShapes(draftFromNetwork(network)).get('fc3')).toEqual([5]);
  });
});
