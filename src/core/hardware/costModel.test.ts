import { describe, expect, it } from 'vitest';
import { networkSchema } from '../spec/network.ts';
import { CHIP_TARGET_DEFAULT } from './chipTarget.ts';
import { resolveChip } from './chips/index.ts';
import type { StepEvents } from './costModel.ts';
import { mapNetwork } from './mapNetwork.ts';

const lif = { model: 'lif' };
/** One input channel feeding 131,072 neurons: exactly Loihi's 128 cores × 1024 compartments. */
const fullLoihi = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [1] }, { kind: 'dense', name: 'fc', units: 131_072 }, { kind: 'spiking', name: 'all', neuron: lif }] });
const none = { times: new Uint32Array(0), ids: new Uint32Array(0) };
const oneStep = (inputSpike: boolean): StepEvents => ({
  steps: 1,
  inferences: 1,
  dtMs: 1,
  input: inputSpike ? { times: Uint32Array.of(0), ids: Uint32Array.of(0) } : none,
  pops: [none],
});
const loihi = resolveChip({ ...CHIP_TARGET_DEFAULT, id: 'loihi' });

describe('the energy model against the analytic figures of CHIPS.md', () => {
  it('charges an all-idle Loihi step 131,072 × 52 pJ ≈ 6.8 µJ of neuron updates', async () => {
    const m = await mapNetwork({ net: fullLoihi, chip: loihi, target: { ...CHIP_TARGET_DEFAULT, id: 'loihi' }, events: oneStep(false), staticInput: false });
    expect(m.coresUsed).toBe(128);
    expect(m.chipsUsed).toBe(1);
    expect(m.counts.neuronUpdatesIdle).toBe(131_072);
    expect(m.energy.neuronIdleJ).toBeCloseTo(6.816e-6, 9);
    expect(m.energy.synOpsJ).toBe(0);
  });

  it('charges an all-active Loihi step ≈ 10.6 µJ when one input spike reaches every neuron', async () => {
    const m = await mapNetwork({ net: fullLoihi, chip: loihi, target: { ...CHIP_TARGET_DEFAULT, id: 'loihi' }, events: oneStep(true), staticInput: false });
    expect(m.counts.neuronUpdatesActive).toBe(131_072);
    expect(m.energy.neuronActiveJ).toBeCloseTo(10.617e-6, 8);
    expect(m.counts.synOps).toBe(131_072);
    // One packet per destination core (core-level multicast), from the host.
    expect(m.counts.packets).toBe(128);
  });

  it('states GOp/s/W and pJ/op as the same figure: GOp/s/W = 1000 / (pJ/op)', async () => {
    const m = await mapNetwork({ net: fullLoihi, chip: loihi, target: { ...CHIP_TARGET_DEFAULT, id: 'loihi' }, events: oneStep(true), staticInput: false });
    expect(m.efficiency.gopsPerW).toBeCloseTo(1000 / m.efficiency.pJPerOp, 6);
    expect(m.efficiency.opDefinition).toMatch(/synaptic/);
  });

  it('does not add static power on TrueNorth, whose 26 pJ per event already contains it', async () => {
    const net = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [16] }, { kind: 'dense', name: 'fc', units: 64 }, { kind: 'spiking', name: 'h', neuron: lif }] });
    const ev: StepEvents = { steps: 2, inferences: 1, dtMs: 1, input: { times: Uint32Array.of(0, 0, 1), ids: Uint32Array.of(0, 3, 5) }, pops: [none] };
    const tn = resolveChip({ ...CHIP_TARGET_DEFAULT, id: 'truenorth' });
    const m = await mapNetwork({ net, chip: tn, target: { ...CHIP_TARGET_DEFAULT, id: 'truenorth' }, events: ev, staticInput: false });
    expect(m.energy.staticJ).toBe(0);
    expect(m.counts.synOps).toBe(3 * 64);
    expect(m.energy.synOpsJ).toBeCloseTo(3 * 64 * 26e-12, 15);
    // Every cost is inside the 26 pJ: 38.5 GSOPS/W, the order of TrueNorth's reported 46 GSOPS/W.
    expect(m.efficiency.pJPerOp).toBeCloseTo(26, 6);
    expect(m.efficiency.gopsPerW).toBeCloseTo(38.46, 1);
  });
});
