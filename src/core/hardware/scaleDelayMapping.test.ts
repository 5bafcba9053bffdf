import { describe, expect, it } from 'vitest';
import { networkSchema } from '../spec/network.ts';
import { CHIP_TARGET_DEFAULT } from './chipTarget.ts';
import type { StepEvents } from './costModel.ts';
import { mapNetwork } from './mapNetwork.ts';
import { buildNetGraph } from './netGraph.ts';
import { populationsOf } from './populations.ts';
import { tinyMeshChip } from './testChips.ts';

/**
 * A scale or a delay between populations maps as part of the synapses around it: the scale as
 * folded into the weights after it (same synapses), the delay as an axon delay whose buffer the
 * figures leave out. The synapse counts below are those of the same net without them.
 */
const lif = { model: 'lif' };
const net = (extra: boolean) =>
  networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [3] },
      ...(extra ? [{ kind: 'delay', name: 'd0', steps: [0, 1, 2] }] : []),
      { kind: 'dense', name: 'fc', units: 4 },
      { kind: 'spiking', name: 'h', neuron: lif },
      ...(extra ? [{ kind: 'scale', name: 'g' }, { kind: 'delay', name: 'd1', steps: 2 }] : []),
      { kind: 'dense', name: 'out', units: 2 },
      { kind: 'readout', name: 'o', mode: 'count' },
    ],
  });

const train = (pairs: readonly [number, number][]) => ({ times: Uint32Array.from(pairs.map((p) => p[0])), ids: Uint32Array.from(pairs.map((p) => p[1])) });
const events: StepEvents = { steps: 3, inferences: 1, dtMs: 1, input: train([[0, 0], [0, 1]]), pops: [train([[0, 0], [1, 1]]), train([])] };

describe('mapping a net with scale and delay nodes', () => {
  it('keeps the populations and synapses of the net without them, and maps', async () => {
    const pops = populationsOf(net(true));
    expect(pops.unsupported).toEqual([]);
    expect(pops.populations.map((p) => [p.name, p.groups.map((g) => g.ops.map((o) => o.name))])).toEqual([
      ['h', [['fc']]],
      ['o', [['out']]],
    ]);
    expect(buildNetGraph(pops).synapses).toBe(buildNetGraph(populationsOf(net(false))).synapses);
    const m = await mapNetwork({ net: net(true), chip: tinyMeshChip({ neuronsPerCore: 4 }), target: CHIP_TARGET_DEFAULT, events, staticInput: false });
    expect(m.counts.synOps).toBe((await mapNetwork({ net: net(false), chip: tinyMeshChip({ neuronsPerCore: 4 }), target: CHIP_TARGET_DEFAULT, events, staticInput: false })).counts.synOps);
  });
});
