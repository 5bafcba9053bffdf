import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { classCounts } from '../datasets/ecgBeats.ts';
import { syntheticDigitDataset, syntheticDvsDataset, syntheticEcgBeats } from './syntheticDatasets.ts';

describe('synthetic labelled data sets', () => {
  it('cut the requested number of ECG beats with every AAMI class but Q present', () => {
    const beats = syntheticEcgBeats(400, createRng(1));
    expect(beats).toHaveLength(400);
    const c = classCounts(beats);
    expect(c.N).toBeGreaterThan(200);
    for (const k of ['S', 'V', 'F'] as const) expect(c[k]).toBeGreaterThan(10);
    expect(c.Q).toBe(0);
    expect(syntheticEcgBeats(400, createRng(1)).map((b) => b.label)).toEqual(beats.map((b) => b.label));
  });
  it('make balanced DVS and spoken-digit sets of the chosen size, reproducible from the seed', () => {
    const dvs = syntheticDvsDataset(2, createRng(2));
    expect(dvs).toHaveLength(12);
    expect(new Set(dvs.map((d) => d.label)).size).toBe(6);
    const digits = syntheticDigitDataset(3, createRng(3));
    expect(digits).toHaveLength(30);
    expect(digits.filter((d) => d.label === 4)).toHaveLength(3);
    expect(syntheticDigitDataset(3, createRng(3))[5]?.wave).toEqual(digits[5]?.wave);
  });
});
