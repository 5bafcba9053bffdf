import { describe, expect, it } from 'vitest';
import { networkSchema } from '../spec/network.ts';
import { CHIP_TARGET_DEFAULT, type ChipTarget } from './chipTarget.ts';
import { resolveChip } from './chips/index.ts';
import type { StepEvents } from './costModel.ts';
import { mapNetwork } from './mapNetwork.ts';

/** 4 inputs → 3 hidden → 2 read-out: an input's row is 3 weights, a hidden neuron's 2. */
const net = (neuron: Record<string, unknown>) =>
  networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [4] },
      { kind: 'dense', name: 'fc1', units: 3 },
      { kind: 'spiking', name: 'h', neuron },
      { kind: 'dense', name: 'fc2', units: 2 },
      { kind: 'readout', name: 'out', mode: 'membrane' },
    ],
  });
const T = 4;
const none = { times: new Uint32Array(0), ids: new Uint32Array(0) };

/** Every input channel carries a graded value in each of `steps` steps (the held beat window). */
function heldInput(steps: number) {
  const times: number[] = [];
  const ids: number[] = [];
  for (let t = 0; t < steps; t++)
    for (let i = 0; i < 4; i++) {
      times.push(t);
      ids.push(i);
    }
  return { times: Uint32Array.from(times), ids: Uint32Array.from(ids) };
}

/** Hidden neurons 0 and 2 spike at the given steps, `count` spikes each time (an SSF count). */
function hidden(steps: readonly number[], count: number) {
  const times: number[] = [];
  const ids: number[] = [];
  for (const t of steps)
    for (const i of [0, 2])
      for (let k = 0; k < count; k++) {
        times.push(t);
        ids.push(i);
      }
  return { times: Uint32Array.from(times), ids: Uint32Array.from(ids) };
}

const asic: ChipTarget = { ...CHIP_TARGET_DEFAULT, id: 'asic' };
const map = (neuron: Record<string, unknown>, events: StepEvents, target: ChipTarget = asic) => mapNetwork({ net: net(neuron), chip: resolveChip(target), target, events, staticInput: true });

describe('weight-memory reads on a time-stepped core, against a hand count', () => {
  // IF over T = 4 steps, input held 4 steps, hidden neurons 0 and 2 firing in every step:
  //   input rows 4 steps × 4 channels × 3 weights = 48, hidden rows 4 steps × 2 neurons × 2 = 16.
  const ifRun: StepEvents = { steps: T, inferences: 1, dtMs: 1, input: heldInput(T), pops: [hidden([0, 1, 2, 3], 1), none] };
  // SSF over ONE step with maxSpikes = T: the same counts (4 each) arrive once:
  //   input rows 1 × 4 × 3 = 12, hidden rows 1 × 2 × 2 = 4.
  const ssfRun: StepEvents = { steps: 1, inferences: 1, dtMs: 1, input: heldInput(1), pops: [hidden([0], T), none] };

  it('counts IF over T steps as 48 + 16 = 64 reads and SSF over one window as 12 + 4 = 16: a ratio of T', async () => {
    const a = await map({ model: 'if' }, ifRun);
    const b = await map({ model: 'ssf', maxSpikes: T }, ssfRun);
    expect(a.counts.weightReads).toBe(64);
    expect(b.counts.weightReads).toBe(16);
    expect(a.counts.weightReads / b.counts.weightReads).toBe(T);
  });

  it('reads an SSF count once although its synaptic ops count every spike of it', async () => {
    // SSF with a window of T steps over a T-step run: input still held T steps (48 reads), the
    // counts of 4 come at the last step: 2 rows of 2 weights read once (4), but 2 × 4 × 2 = 16 synaptic ops.
    const run: StepEvents = { steps: T, inferences: 1, dtMs: 1, input: heldInput(T), pops: [hidden([T - 1], T), none] };
    const m = await map({ model: 'ssf', windowSteps: T, maxSpikes: T }, run);
    expect(m.counts.weightReads).toBe(48 + 4);
    expect(m.counts.synOps).toBe(48 + 16);
  });

  it('charges the reads at weightReadPJ on the ASIC and leaves them inside synOpPJ elsewhere', async () => {
    const a = await map({ model: 'if' }, ifRun);
    const chip = resolveChip(asic);
    expect(chip.energy.weightReadPJ).toBeGreaterThan(0);
    expect(a.energy.weightReadsJ).toBeCloseTo(64 * chip.energy.weightReadPJ * 1e-12, 20);
    const parts = a.energy.synOpsJ + a.energy.neuronActiveJ + a.energy.neuronIdleJ + a.energy.routingJ + a.energy.chipLinksJ + a.energy.weightReadsJ + a.energy.staticJ + a.energy.dynamicJ;
    expect(a.energy.totalJ).toBeCloseTo(parts, 20);
    const loihi = { ...CHIP_TARGET_DEFAULT, id: 'loihi' };
    const l = await map({ model: 'if' }, ifRun, loihi);
    expect(l.counts.weightReads).toBe(64);
    expect(l.energy.weightReadsJ).toBe(0);
  });

  it('divides the reads by the inferences a run covers', async () => {
    // Two beats back to back: the IF run twice, 128 reads over 2 inferences.
    const twice = (e: { times: Uint32Array; ids: Uint32Array }, steps: number) => ({ times: Uint32Array.from([...e.times, ...Array.from(e.times, (t) => t + steps)]), ids: Uint32Array.from([...e.ids, ...e.ids]) });
    const run: StepEvents = { steps: 2 * T, inferences: 2, dtMs: 1, input: twice(ifRun.input, T), pops: [twice(ifRun.pops[0] ?? none, T), none] };
    expect((await map({ model: 'if' }, run)).counts.weightReads).toBe(64);
  });
});

describe('static power at a real-time rate', () => {
  const run: StepEvents = { steps: 1, inferences: 1, dtMs: 1, input: heldInput(1), pops: [hidden([0], T), none] };

  it('charges static power over the period 1/rate instead of the compute time, and says so', async () => {
    const chip = resolveChip(asic);
    const busy = await map({ model: 'ssf', maxSpikes: T }, run);
    const busyS = busy.latency.computeS + busy.latency.barrierS + busy.latency.pipelineS;
    expect(busy.energy.staticJ).toBeCloseTo(chip.energy.staticPowerW * busyS, 20);
    const beat = await map({ model: 'ssf', maxSpikes: T }, run, { ...asic, realTimeRateHz: 72 / 60 });
    // 6.1 µW over 1/1.2 s = 5.08 µJ per beat, whatever the few microseconds of compute.
    expect(beat.energy.staticJ).toBeCloseTo(chip.energy.staticPowerW / 1.2, 15);
    expect(beat.energy.totalJ - beat.energy.staticJ).toBeCloseTo(busy.energy.totalJ - busy.energy.staticJ, 20);
    expect(beat.notes.some((n) => /real-time period.*0\.833 s/.test(n))).toBe(true);
    expect(busy.notes.some((n) => /real-time/.test(n))).toBe(false);
  });

  it('says when the chip cannot keep up with the rate, and charges the busy time then', async () => {
    const chip = resolveChip(asic);
    const m = await map({ model: 'ssf', maxSpikes: T }, run, { ...asic, realTimeRateHz: 1e8 });
    const busyS = m.latency.computeS + m.latency.barrierS + m.latency.pipelineS;
    expect(busyS).toBeGreaterThan(1e-8);
    expect(m.energy.staticJ).toBeCloseTo(chip.energy.staticPowerW * busyS, 20);
    expect(m.notes.some((n) => n.includes('cannot keep up'))).toBe(true);
  });
});
