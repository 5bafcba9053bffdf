import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { bandPower } from '../bandPower.ts';
import { EEG_CHANNELS, syntheticEegDataset, syntheticEegEpoch, type EegClass } from './eegSynth.ts';

const channel = (values: Float32Array, name: string) => {
  const c = EEG_CHANNELS.indexOf(name as (typeof EEG_CHANNELS)[number]);
  return values.filter((_, i) => i % EEG_CHANNELS.length === c);
};
const meanPower = (cls: EegClass, ch: string, lo: number, hi: number) => {
  let p = 0;
  for (let i = 0; i < 6; i++) p += bandPower(channel(syntheticEegEpoch(cls, createRng(i, cls)), ch), 160, lo, hi);
  return p / 6;
};

describe('synthetic EEG', () => {
  it('suppresses the mu rhythm (8–13 Hz) over C3 for right-hand imagery and over C4 for left', () => {
    expect(meanPower('right', 'C3', 8, 13)).toBeLessThan(0.5 * meanPower('right', 'C4', 8, 13));
    expect(meanPower('left', 'C4', 8, 13)).toBeLessThan(0.5 * meanPower('left', 'C3', 8, 13));
  });
  it('has stronger occipital alpha at rest than in focus, and more beta in focus', () => {
    expect(meanPower('rest', 'O1', 8, 13)).toBeGreaterThan(3 * meanPower('focus', 'O1', 8, 13));
    expect(meanPower('focus', 'Fz', 18, 22)).toBeGreaterThan(3 * meanPower('rest', 'Fz', 18, 22));
  });
  it('has a 1/f background: more power at 2–4 Hz than at 40–60 Hz', () => {
    expect(meanPower('rest', 'Fz', 2, 4)).toBeGreaterThan(4 * meanPower('rest', 'Fz', 40, 60));
  });
  it('makes a balanced, shuffled, reproducible data set', () => {
    const a = syntheticEegDataset(5, createRng(3));
    const b = syntheticEegDataset(5, createRng(3));
    expect(a.map((s) => s.label)).toEqual(b.map((s) => s.label));
    expect(a[0]?.values).toEqual(b[0]?.values);
    expect(a.filter((s) => s.label === 'left')).toHaveLength(5);
    expect(a[0]?.values.length).toBe(320 * EEG_CHANNELS.length);
  });
});
