import { describe, expect, it } from 'vitest';
import { networkSchema } from '../spec/network.ts';
import { ANN_DEVICES } from './annDevices.ts';
import { HEAD_TARGET_DEFAULT, chipTargetSchema } from './chipTarget.ts';
import { CHIP_HOST_LINK } from './linkModel.ts';
import { countOutputsOf, passesOf, pipelineCost, type PipelineRequest } from './pipelineCost.ts';

const nano = ANN_DEVICES.find((d) => d.id === 'jetson-nano');
const link = { bandwidthBitsPerS: 1e6, latencyS: 0.002, energyPerBitJ: 5e-9 };

/** 64 counts over a 1 Mbit/s link to a Jetson Nano; the chip's figures are made up round numbers. */
const request = (window: number | undefined, steps = 20): PipelineRequest => ({
  chipId: 'loihi',
  chipName: 'Loihi',
  chipEnergyJ: 3e-6,
  chipLatencyS: 4e-4,
  steps,
  headMacs: 1000,
  outputs: [{ name: 'acc', size: 64, window }],
  target: { device: 'jetson-nano', link, bitsPerCount: 8 },
});

describe('pipelineCost', () => {
  it('gives three stages whose latencies and energies sum exactly to the totals, power their ratio', () => {
    const p = pipelineCost(request(undefined));
    expect(p.stages.map((s) => s.stage)).toEqual(['SNN on Loihi', 'transfer', 'ANN on NVIDIA Jetson Nano (FP16, 10 W mode)']);
    expect(p.latencyS).toBe(p.stages.reduce((a, s) => a + s.latencyS, 0));
    expect(p.energyPerInferenceJ).toBe(p.stages.reduce((a, s) => a + s.energyJ, 0));
    expect(p.powerW).toBe(p.energyPerInferenceJ / p.latencyS);
    // Written out by hand: one transfer of 64 × 8 bits, one pass of 1000 MACs.
    const [snn, transfer, ann] = p.stages;
    expect(snn).toMatchObject({ energyJ: 3e-6, latencyS: 4e-4, device: 'loihi' });
    expect(transfer?.latencyS).toBeCloseTo(512 / 1e6 + 0.002, 15);
    expect(transfer?.energyJ).toBeCloseTo(512 * 5e-9, 18);
    expect(ann?.energyJ).toBeCloseTo(1000 * (nano?.pJPerMac ?? 0) * 1e-12, 20);
    expect(ann?.latencyS).toBeCloseTo(1000 / (nano?.macsPerS ?? 1), 18);
    expect(p.latencyS).toBeCloseTo(4e-4 + 512 / 1e6 + 0.002 + 1000 / (nano?.macsPerS ?? 1), 15);
    expect(p.bitsPerTransfer).toBe(512);
  });

  it('sends and classifies once per window begun: a window of W over T steps gives ceil(T/W) transfers and passes', () => {
    for (const [window, steps, passes] of [
      [5, 20, 4],
      [6, 20, 4],
      [7, 20, 3],
      [20, 20, 1],
      [30, 20, 1],
      [1, 3, 3],
    ] as const) {
      const p = pipelineCost(request(window, steps));
      const once = pipelineCost(request(undefined, steps));
      expect(p.passes, `W ${window}, T ${steps}`).toBe(passes);
      expect(passesOf(steps, window)).toBe(passes);
      const [, t1, a1] = once.stages;
      const [, t, a] = p.stages;
      expect(t?.latencyS).toBeCloseTo(passes * (t1?.latencyS ?? 0), 15);
      expect(t?.energyJ).toBeCloseTo(passes * (t1?.energyJ ?? 0), 18);
      expect(a?.energyJ).toBeCloseTo(passes * (a1?.energyJ ?? 0), 20);
      expect(t?.detail).toMatch(passes === 1 ? /^64 counts × 8 bit/ : new RegExp(`^${passes} × 64 counts × 8 bit`));
    }
    expect(passesOf(20, undefined)).toBe(1);
  });

  it('charges more bits per count and a slower link where they belong: the transfer only', () => {
    const base = pipelineCost(request(undefined));
    const wide = pipelineCost({ ...request(undefined), target: { device: 'jetson-nano', link: { ...link, bandwidthBitsPerS: 0.5e6 }, bitsPerCount: 16 } });
    expect(wide.stages[1]?.latencyS).toBeCloseTo(1024 / 0.5e6 + 0.002, 15);
    expect(wide.stages[0]).toEqual(base.stages[0]);
    expect(wide.stages[2]).toEqual(base.stages[2]);
  });

  it('refuses an unknown head device and an arithmetic floor with no rate, naming the devices it can use', () => {
    expect(() => pipelineCost({ ...request(undefined), target: { ...HEAD_TARGET_DEFAULT, device: 'tpu-v9' } })).toThrow(/no ANN device 'tpu-v9' for the ANN head; the devices are cpu-server, gpu-a100, jetson-nano/);
    expect(() => pipelineCost({ ...request(undefined), target: { ...HEAD_TARGET_DEFAULT, device: 'arith-int8-45nm' } })).toThrow(/arithmetic floor with no MAC rate/);
    expect(() => pipelineCost({ ...request(undefined), outputs: [] })).toThrow(/at least one accumulator/);
  });

  it('reads the accumulators of a network with their sizes and windows', () => {
    const net = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [8, 8, 2] },
        { kind: 'conv2d', name: 'c', filters: 4, kernel: 3, stride: 2, padding: 'same' },
        { kind: 'spiking', name: 's', neuron: { model: 'lif' } },
        { kind: 'accumulator', name: 'acc', window: 5 },
        { kind: 'flatten', name: 'f' },
        { kind: 'dense', name: 'o', units: 3 },
        { kind: 'readout', name: 'v', mode: 'value' },
      ],
    });
    expect(countOutputsOf(net)).toEqual([{ name: 'acc', size: 4 * 4 * 4, window: 5 }]);
  });

  it('fills the chip target’s head with the host link and 8-bit counts on a Jetson Nano', () => {
    expect(chipTargetSchema.parse({ id: 'loihi', head: {} }).head).toEqual({ device: 'jetson-nano', link: CHIP_HOST_LINK, bitsPerCount: 8 });
    expect(() => chipTargetSchema.parse({ id: 'loihi', head: { bitsPerCount: 0 } })).toThrow();
  });
});
