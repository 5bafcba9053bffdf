import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { syntheticEcgSchema } from './ecgSchema.ts';
import { generateSyntheticEcg } from './ecgSynth.ts';

const spec = (over: Record<string, unknown> = {}) => syntheticEcgSchema.parse({ kind: 'synthetic-ecg', ...over });

describe('generateSyntheticEcg', () => {
  it('annotates R peaks whose mean rate is within 2 % of heartRateBpm over 60 s', () => {
    const s = generateSyntheticEcg(spec({ durationS: 60, heartRateBpm: 80 }), createRng(1));
    const r = s.annotations.map((a) => a.sample);
    const meanRrS = (r[r.length - 1]! - r[0]!) / (r.length - 1) / s.samplingHz;
    expect(Math.abs(60 / meanRrS - 80) / 80).toBeLessThan(0.02);
  });

  it('has RR variability close to hrvFraction × mean RR', () => {
    const s = generateSyntheticEcg(spec({ durationS: 120, heartRateBpm: 60, hrvFraction: 0.08 }), createRng(2));
    const r = s.annotations.map((a) => a.sample / s.samplingHz);
    const rr = r.slice(1).map((x, i) => x - r[i]!);
    const mean = rr.reduce((a, b) => a + b, 0) / rr.length;
    const sd = Math.sqrt(rr.reduce((a, b) => a + (b - mean) ** 2, 0) / rr.length);
    // 120 beats: the sample sd of a Gaussian is within ±25 % of the true 0.08 s with high probability.
    expect(sd).toBeGreaterThan(0.06);
    expect(sd).toBeLessThan(0.1);
  });

  it('puts the largest deflection of each beat at its R annotation, about 1 mV', () => {
    const s = generateSyntheticEcg(spec({ durationS: 10, noiseMv: 0, baselineWanderMv: 0 }), createRng(3));
    for (const a of s.annotations.slice(1, -1)) {
      const win = s.values.subarray(a.sample - 40, a.sample + 40);
      const peak = Math.max(...win);
      expect(Math.abs((s.values[a.sample] ?? 0) - peak)).toBeLessThan(0.05);
      expect(peak).toBeGreaterThan(0.9);
      expect(peak).toBeLessThan(1.2);
    }
  });

  it('places the P wave before the QRS and the T wave after it', () => {
    const s = generateSyntheticEcg(spec({ durationS: 5, noiseMv: 0, baselineWanderMv: 0, hrvFraction: 0 }), createRng(4));
    const r = s.annotations[1]!.sample;
    const rrSamples = s.annotations[2]!.sample - r;
    // P peak: the local maximum in the 30 % of the cycle before R (excluding the QRS); T after.
    const before = s.values.subarray(r - Math.round(0.3 * rrSamples), r - Math.round(0.05 * rrSamples));
    const after = s.values.subarray(r + Math.round(0.1 * rrSamples), r + Math.round(0.45 * rrSamples));
    expect(Math.max(...before)).toBeGreaterThan(0.08);
    expect(Math.max(...after)).toBeGreaterThan(0.15);
    // The S wave is a dip just after R.
    expect(Math.min(...s.values.subarray(r, r + Math.round(0.06 * rrSamples)))).toBeLessThan(-0.1);
  });

  it('is reproducible from its seed and differs for another seed', () => {
    const a = generateSyntheticEcg(spec(), createRng(5));
    const b = generateSyntheticEcg(spec(), createRng(5));
    const c = generateSyntheticEcg(spec(), createRng(6));
    expect(b.values).toEqual(a.values);
    expect(c.values).not.toEqual(a.values);
    expect(a.values.every((v) => Number.isFinite(v))).toBe(true);
    expect(a.length).toBe(1000);
  });
});
