import { describe, expect, it } from 'vitest';
import { networkSchema } from '../spec/network.ts';
import { CHIP_TARGET_DEFAULT } from './chipTarget.ts';
import { resolveChip } from './chips/index.ts';
import type { StepEvents } from './costModel.ts';
import { mapNetwork } from './mapNetwork.ts';

// CHIPS.md §7.3: the per-core checks of nengo-loihi's validate_block — 1024 compartments,
// 4096 input axons, 4096 output axons, 1,048,576 synapse bits.
const loihi = resolveChip({ ...CHIP_TARGET_DEFAULT, id: 'loihi' });
const target = { ...CHIP_TARGET_DEFAULT, id: 'loihi' };
const lif = { model: 'lif' };
const quiet = (pops: number): StepEvents => ({ steps: 1, inferences: 1, dtMs: 1, input: { times: new Uint32Array(0), ids: new Uint32Array(0) }, pops: Array.from({ length: pops }, () => ({ times: new Uint32Array(0), ids: new Uint32Array(0) })) });
const dense = (inputs: number, units: number) => networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [inputs] }, { kind: 'dense', name: 'fc', units }, { kind: 'spiking', name: 'h', neuron: lif }] });

describe('Loihi per-core limits (nengo-loihi validate_block)', () => {
  it('puts at most 1024 compartments on a core', async () => {
    const m = await mapNetwork({ net: dense(4, 1025), chip: loihi, target, events: quiet(1), staticInput: false });
    expect(m.coresUsed).toBe(2);
    expect(Math.max(...m.cores.map((c) => c.neurons))).toBe(1024);
  });

  it('refuses a neuron with more than 4096 input axons', async () => {
    const m = await mapNetwork({ net: dense(4097, 2), chip: loihi, target, events: quiet(1), staticInput: false });
    expect(m.fits).toBe(false);
    expect(m.violations).toContainEqual(expect.objectContaining({ constraint: 'input_axons', limit: 4096, value: 4097, layer: 'h' }));
    expect((await mapNetwork({ net: dense(4096, 2), chip: loihi, target, events: quiet(1), staticInput: false })).fits).toBe(true);
  });

  it('splits a layer by synapse memory: 1,048,576 bits = 131,072 8-bit synapses per core', async () => {
    // 4000 inputs × 8 bits = 32,000 bits per neuron: 32 neurons per core, not 1024.
    const m = await mapNetwork({ net: dense(4000, 64), chip: loihi, target, events: quiet(1), staticInput: false });
    expect(m.fits).toBe(true);
    expect(m.coresUsed).toBe(2);
    for (const c of m.cores) {
      expect(c.synapseBits).toBeLessThanOrEqual(1_048_576);
      expect(c.binding).toBe('synapse_memory');
    }
    // At 4-bit weights twice as many neurons share a core.
    const four = await mapNetwork({ net: dense(4000, 64), chip: loihi, target: { ...target, weightBits: 4 }, events: quiet(1), staticInput: false });
    expect(four.coresUsed).toBe(1);
  });

  it('refuses a weight precision the chip does not store', async () => {
    const m = await mapNetwork({ net: dense(4, 4), chip: loihi, target: { ...target, weightBits: 16 }, events: quiet(1), staticInput: false });
    expect(m.violations).toContainEqual(expect.objectContaining({ constraint: 'weight_bits', value: 16, limit: 9 }));
  });

  it('counts output axons as (neuron, destination core) pairs, at most 4096 per core', async () => {
    // 1024 sources on one core, each reaching the 5 cores of a 4100-neuron layer: 5120 > 4096.
    const net = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [2] }, { kind: 'dense', name: 'a', units: 1024 }, { kind: 'spiking', name: 'src', neuron: lif }, { kind: 'dense', name: 'b', units: 4100 }, { kind: 'spiking', name: 'dst', neuron: lif }] });
    const m = await mapNetwork({ net, chip: loihi, target, events: quiet(2), staticInput: false });
    const v = m.violations.find((x) => x.constraint === 'output_axons');
    expect(v).toBeDefined();
    expect(v?.limit).toBe(4096);
    expect(v?.value).toBeGreaterThan(4096);
  });
});
