import { describe, expect, it } from 'vitest';
import { studySpread } from './studySeeds.ts';
import type { StudyResult, StudyRow } from './studyTypes.ts';

const row = (system: string, accuracy: number, energy: number | null): StudyRow => ({
  task: 't',
  system,
  role: 'system',
  accuracy,
  macro_f1: accuracy / 2,
  spikes_per_inference: 10,
  synaptic_ops: 100,
  weight_reads: 50,
  model_bits: 800,
  device: 'loihi',
  energy_per_inference_j: energy,
  latency_s: 1e-3,
  energy_range_j: energy === null ? null : [energy / 2, energy * 2],
  gops_per_w: null,
  other_devices: [],
  notes: [],
});
const run = (seed: number, rows: StudyRow[]): StudyResult => ({ study: 's', title: 'S', seed, tasks: [], rows, claims: [], curves: [] });

describe('studySpread', () => {
  it('summarises each system over the seeds, and leaves out a figure some seed could not give', () => {
    const s = studySpread([run(1, [row('a', 0.8, 1e-6), row('b', 0.5, null)]), run(2, [row('a', 0.9, 3e-6), row('b', 0.7, 2e-6)])]);
    expect(s.map((r) => r.system)).toEqual(['a', 'b']);
    expect(s[0]?.seeds).toEqual([1, 2]);
    expect(s[0]?.spread['accuracy']?.mean).toBeCloseTo(0.85, 12);
    expect(s[0]?.spread['accuracy']?.sd).toBeCloseTo(Math.sqrt(0.005), 12);
    expect(s[0]?.spread['energy_per_inference_j']?.max).toBe(3e-6);
    expect(s[1]?.spread['energy_per_inference_j']).toBeUndefined();
  });

  it('refuses runs whose systems differ', () => {
    expect(() => studySpread([run(1, [row('a', 0.8, 1)]), run(2, [row('b', 0.8, 1)])])).toThrow(/differ in their systems at row 1/);
  });
});
