import { beforeAll, describe, expect, it } from 'vitest';
import { TINY_STUDY } from '../../../test/support/tinyStudy.ts';
import { createEngine } from '../engine/index.ts';
import type { Engine } from '../engine/types.ts';
import { ANN_DEVICES } from '../hardware/annDevices.ts';
import { checkEnergyModel } from './energyRanges.ts';
import { runStudy, type StudyProgress } from './runStudy.ts';
import type { StudyResult } from './studyTypes.ts';

let engine: Engine;
let result: StudyResult;
const progress: StudyProgress[] = [];
beforeAll(async () => {
  engine = await createEngine('tfjs-cpu');
  result = await runStudy(TINY_STUDY, { engine }, { quick: true, seed: 5, onProgress: (p) => progress.push(p) });
}, 120_000);

describe('runStudy', () => {
  it('trains, scores and costs every system of every task, in order, with the study seed', () => {
    expect(result.study).toBe('tiny');
    expect(result.seed).toBe(5);
    expect(result.rows.map((r) => [r.task, r.system, r.role, r.device])).toEqual([
      ['beats', 'LIF', 'system', 'loihi'],
      ['beats', 'ANN twin', 'baseline', 'jetson-nano'],
    ]);
    for (const r of result.rows) {
      expect(r.accuracy).toBeGreaterThanOrEqual(0);
      expect(r.accuracy).toBeLessThanOrEqual(1);
      expect(r.synaptic_ops).toBeGreaterThan(0);
      expect(r.energy_per_inference_j).toBeGreaterThan(0);
      expect(r.latency_s).toBeGreaterThan(0);
    }
    // Without the recordings the task says it ran on the generator.
    expect(result.tasks[0]?.data).toBe('built-in generator');
    expect(result.claims).toEqual(TINY_STUDY.claims);
  });

  it('counts spikes for the SNN and none for the ReLU twin', () => {
    const [snn, ann] = result.rows;
    expect(snn?.spikes_per_inference).toBeGreaterThan(0);
    expect(ann?.spikes_per_inference).toBe(0);
  });

  it('costs the ANN twin as its MACs on the device: (16·12 + 12·5) per step at the Jetson Nano figures', () => {
    const ann = result.rows[1];
    const nano = ANN_DEVICES.find((d) => d.id === 'jetson-nano');
    // The sequence input feeds one sample per step: passes = the beat's steps, read back from the energy.
    const macs = 16 * 12 + 12 * 5;
    const passes = (ann?.energy_per_inference_j ?? 0) / (macs * (nano?.pJPerMac ?? 0) * 1e-12);
    expect(Number.isInteger(Math.round(passes))).toBe(true);
    expect(passes).toBeCloseTo(Math.round(passes), 6);
    expect(Math.round(passes)).toBeGreaterThan(1);
    expect(ann?.latency_s).toBeCloseTo((macs * Math.round(passes)) / (nano?.macsPerS ?? 1), 12);
    // The same MACs on every other ANN device, none of them the Nano.
    expect(ann?.other_devices.map((d) => d.device)).toEqual(ANN_DEVICES.filter((d) => d.id !== 'jetson-nano').map((d) => d.id));
    const server = ANN_DEVICES.find((d) => d.id === 'cpu-server');
    expect(ann?.other_devices[0]?.energy_per_inference_j).toBeCloseTo(macs * Math.round(passes) * (server?.pJPerMac ?? 0) * 1e-12, 15);
    // Each stored weight read once per pass (the biases too when there are any).
    expect(ann?.weight_reads).toBe(macs * Math.round(passes));
  });

  it('gives a chip row its energy as the range the energy check allows on that chip, and an ANN row none', () => {
    const [snn, ann] = result.rows;
    const e = snn?.energy_per_inference_j ?? 0;
    const [lo, hi] = snn?.energy_range_j ?? [0, 0];
    expect(lo).toBeLessThan(e);
    expect(hi).toBeGreaterThan(e);
    // Symmetric as a factor: E ÷ f … E × f.
    expect(hi / e).toBeCloseTo(e / lo, 9);
    expect(ann?.energy_range_j).toBeNull();
    // Static power is part of a chip's total, never of an ANN device's figure.
    expect(snn?.dynamic_energy_j).toBeGreaterThan(0);
    expect(snn?.dynamic_energy_j).toBeLessThan(e);
    expect(ann?.dynamic_energy_j).toBe(ann?.energy_per_inference_j);
  });

  it('gives model size from the weight bits', () => {
    const snn = result.rows[0];
    // 252 weights at 8 bits plus the node parameters at 32 bits.
    expect(snn?.model_bits).toBeGreaterThanOrEqual(252 * 8);
    expect(snn?.model_bits).toBeLessThan(252 * 8 + 32 * 10);
  });

  it('runs each sweep point and marks its Pareto front', () => {
    expect(result.curves).toHaveLength(1);
    const c = result.curves[0];
    expect(c?.points.map((p) => p.value)).toEqual([0.5, 0.9]);
    expect(c?.points.some((p) => p.pareto)).toBe(true);
  });

  it('reports progress up to every system done', () => {
    expect(progress.at(-1)).toMatchObject({ done: 4, total: 4 });
    expect(progress.filter((p) => p.stage === 'train').map((p) => p.system)).toEqual(['LIF', 'ANN twin', 'LIF β 0.5', 'LIF β 0.9']);
  });

  it('is deterministic: the same seed gives the same rows', async () => {
    const again = await runStudy({ ...TINY_STUDY, sweeps: () => [] }, { engine }, { quick: true, seed: 5, modelCheck: await checkEnergyModel(['loihi']) });
    expect(again.rows).toEqual(result.rows);
  }, 120_000);
});

describe('checkEnergyModel', () => {
  it('checks only the chips asked for that have measurements, and leaves an unmeasured chip out', async () => {
    const c = await checkEnergyModel(['loihi', 'asic']);
    expect(Object.keys(c.worstByChip)).toEqual(['loihi']);
    expect(c.worstByChip['loihi']).toBeGreaterThanOrEqual(1);
    expect((await checkEnergyModel(['asic'])).worstByChip).toEqual({});
  });
});
