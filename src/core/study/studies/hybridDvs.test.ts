import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.ts';
import type { Engine } from '../../engine/types.ts';
import { populationsOf } from '../../hardware/populations.ts';
import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import { runStudy } from '../runStudy.ts';
import { studyDefinition } from '../studyRegistry.ts';
import type { StudyDatasetName, StudyResult } from '../studyTypes.ts';
import { HYBRID_DVS_STUDY } from './hybridDvs.ts';

const ctxOf = (quick: boolean, has: readonly StudyDatasetName[] = []) => ({ quick, has: (n: StudyDatasetName) => has.includes(n) });

let engine: Engine;
let result: StudyResult;
beforeAll(async () => {
  engine = await createEngine('tfjs-cpu');
  result = await runStudy(HYBRID_DVS_STUDY, { engine }, { quick: true });
}, 240_000);
afterAll(() => engine.dispose());

describe('the hybrid-dvs study definition', () => {
  it('is registered under its id', () => {
    expect(studyDefinition('hybrid-dvs')).toBe(HYBRID_DVS_STUDY);
  });

  it('runs dvs-shapes always and N-MNIST when the recordings are there, each with the hybrid and its two baselines on their devices', () => {
    expect(HYBRID_DVS_STUDY.tasks(ctxOf(true)).map((t) => t.id)).toEqual(['dvs-shapes']);
    const full = HYBRID_DVS_STUDY.tasks(ctxOf(false, ['nmnist']));
    expect(full.map((t) => [t.id, t.dataset])).toEqual([
      ['dvs-shapes', undefined],
      ['nmnist', 'nmnist'],
    ]);
    for (const t of full) {
      expect(t.systems.map((s) => [s.system, s.role, s.device.kind, s.device.id])).toEqual([
        ['Hybrid SNN → ANN', 'system', 'chip', 'loihi'],
        ['ANN on event frames', 'baseline', 'ann', 'jetson-nano'],
        ['SNN alone', 'baseline', 'chip', 'loihi'],
      ]);
      for (const s of t.systems) expect(parseWorkspace(JSON.parse(JSON.stringify(s.workspace))), `${t.id}/${s.system}`).toEqual(s.workspace);
      const [hybrid, ann, snn] = t.systems.map((s) => s.workspace);
      // The hybrid's ANN head runs on the Jetson Nano; only it has a head after accumulators on the chip.
      expect(hybrid?.chip?.head?.device).toBe('jetson-nano');
      expect(populationsOf(hybrid?.network ?? { layers: [] }).head?.accumulators).toEqual(['counts']);
      expect(populationsOf(snn?.network ?? { layers: [] }).head).toBeUndefined();
      // The ANN sums the events into one frame first: nothing of it spikes.
      expect(ann?.network.layers[1]).toMatchObject({ kind: 'accumulator', name: 'frame' });
      expect(ann?.network.layers.some((l) => l.kind === 'spiking')).toBe(false);
    }
  });
});

describe('the hybrid-dvs study, quick', () => {
  it('gives one row per system with accuracy, energy, latency and power', () => {
    expect(result.rows.map((r) => [r.task, r.system, r.role, r.device])).toEqual([
      ['dvs-shapes', 'Hybrid SNN → ANN', 'system', 'loihi + jetson-nano'],
      ['dvs-shapes', 'ANN on event frames', 'baseline', 'jetson-nano'],
      ['dvs-shapes', 'SNN alone', 'baseline', 'loihi'],
    ]);
    for (const r of result.rows) {
      expect(r.accuracy).toBeGreaterThanOrEqual(0);
      expect(r.energy_per_inference_j, r.system).toBeGreaterThan(0);
      expect(r.latency_s, r.system).toBeGreaterThan(0);
      expect(r.power_w).toBeCloseTo((r.energy_per_inference_j ?? 0) / (r.latency_s ?? 1), 12);
    }
  });

  it('lists the hybrid’s three stages, whose energies and latencies sum to its row’s', () => {
    const hybrid = result.rows[0];
    const stages = hybrid?.stages ?? [];
    expect(stages.map((s) => [s.stage, s.device])).toEqual([
      ['SNN on Intel Loihi', 'loihi'],
      ['transfer', 'host link'],
      ['ANN on NVIDIA Jetson Nano (FP16, 10 W mode)', 'jetson-nano'],
    ]);
    expect(hybrid?.energy_per_inference_j).toBe(stages.reduce((a, s) => a + (s.energy_j ?? 0), 0));
    expect(hybrid?.latency_s).toBe(stages.reduce((a, s) => a + (s.latency_s ?? 0), 0));
    // The transfer carries the accumulator's 16 counts of the quick network once (no window).
    expect(stages[1]?.detail).toMatch(/^16 counts × 8 bit/);
    expect(result.rows.slice(1).every((r) => r.stages === undefined)).toBe(true);
  });

  it('costs the ANN on event frames as one pass per inference: its MACs once, not once per step', () => {
    const ann = result.rows[1];
    const note = ann?.notes.find((n) => n.includes('MACs per inference'));
    expect(note).toMatch(/the \d+ MACs after the accumulators 1 time\b/);
    const ws = HYBRID_DVS_STUDY.tasks(ctxOf(true))[0]?.systems[1]?.workspace;
    const macs = populationsOf(ws?.network ?? { layers: [] }).head?.macs ?? 0;
    expect(note).toContain(`${macs.toExponential(3)} MACs per inference`);
  });
});
